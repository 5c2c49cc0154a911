/* jiefen staff screens: small helpers on top of htmx. No inline scripts (CSP: script-src 'self'). */
(function () {
  "use strict";
  var WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var CHECK = "10X98765432";

  function checkCitizenId(value) {
    var v = (value || "").trim().toUpperCase();
    if (!v) return { ok: null };
    if (!/^\d{17}[\dX]$/.test(v)) return { ok: false, message: "身份证号码应为18位，前17位为数字，最后一位为数字或X" };
    var sum = 0;
    for (var i = 0; i < 17; i++) sum += parseInt(v[i], 10) * WEIGHTS[i];
    if (CHECK[sum % 11] !== v[17]) return { ok: false, message: "身份证号码校验位不正确，请核对" };
    var y = +v.slice(6, 10), m = +v.slice(10, 12), d = +v.slice(12, 14);
    var birth = new Date(y, m - 1, d);
    if (birth.getFullYear() !== y || birth.getMonth() !== m - 1 || birth.getDate() !== d || birth > new Date())
      return { ok: false, message: "身份证号码中的出生日期无效" };
    return { ok: true, birth: v.slice(6, 10) + "-" + v.slice(10, 12) + "-" + v.slice(12, 14),
             sex: parseInt(v[16], 10) % 2 === 1 ? "male" : "female" };
  }

  function onIdInput(input) {
    var box = input.closest("fieldset");
    var note = box && box.querySelector(".id-check");
    var r = checkCitizenId(input.value);
    if (!note) return;
    note.className = "id-check" + (r.ok === false ? " error" : r.ok ? " ok" : "");
    note.textContent = r.ok === null ? "" : r.ok ? "✓ 号码有效，已填入性别和出生日期" : r.message;
    if (r.ok) {
      var sex = box.querySelector("select[name$='-sex']");
      var birth = box.querySelector("input[name$='-birth_date']");
      if (sex) sex.value = r.sex;
      if (birth) birth.value = r.birth;
    }
  }

  function addParty() {
    var total = document.querySelector("input[name='party-TOTAL_FORMS']");
    var tpl = document.getElementById("party-template");
    if (!total || !tpl) return;
    var index = parseInt(total.value, 10);
    var html = tpl.innerHTML.replace(/__prefix__/g, String(index));
    document.getElementById("parties").insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    var rows = document.querySelectorAll("#parties fieldset.party");
    var last = rows[rows.length - 1];
    var name = last && last.querySelector("input[name$='-name']");
    if (name) name.focus();
  }

  function filterVillages() {
    var town = document.querySelector("select.place-town");
    var village = document.querySelector("select.place-village");
    if (!town || !village) return;
    Array.prototype.forEach.call(village.options, function (o) {
      if (!o.value) return;
      var show = !town.value || o.getAttribute("data-town") === town.value;
      o.hidden = !show;
      if (!show && o.selected) village.value = "";
    });
  }

  function showDecision() {
    var checked = document.querySelector("input[name='decision']:checked");
    var value = checked ? checked.value : "";
    document.querySelectorAll(".decision-materials").forEach(function (el) { el.hidden = value !== "materials"; });
    document.querySelectorAll(".decision-reject").forEach(function (el) { el.hidden = value !== "reject"; });
  }

  function init(root) {
    filterVillages();
    showDecision();
    (root || document).querySelectorAll("input.id-number").forEach(function (i) { if (i.value) onIdInput(i); });
  }

  document.addEventListener("input", function (e) {
    if (e.target.matches && e.target.matches("input.id-number")) onIdInput(e.target);
  });
  function checkUploadSize(input) {
    var limit = parseFloat(input.getAttribute("data-max-mb") || "0") * 1024 * 1024;
    var note = input.parentNode.querySelector(".upload-check");
    var tooBig = Array.prototype.filter.call(input.files || [], function (f) { return limit && f.size > limit; });
    if (note) note.textContent = tooBig.length ? "文件“" + tooBig[0].name + "”超过 " + input.getAttribute("data-max-mb") + " MB 的上限，请压缩或拆分后再上传" : "";
    if (tooBig.length) input.value = "";
  }

  document.addEventListener("change", function (e) {
    if (!e.target.matches) return;
    if (e.target.matches("input.upload[data-max-mb]")) checkUploadSize(e.target);
    if (e.target.matches("select.place-town")) filterVillages();
    if (e.target.matches("input[name='decision']")) showDecision();
  });
  document.addEventListener("click", function (e) {
    if (e.target.id === "add-party") { e.preventDefault(); addParty(); }
    if (e.target.matches && e.target.matches("button.take-category")) {
      // 采用: put the recognised category into the form's select (the panel then refreshes)
      var select = document.getElementById("id_category");
      if (select) { select.value = e.target.dataset.category; select.dispatchEvent(new Event("change", { bubbles: true })); }
    }
  });
  document.addEventListener("keydown", function (e) {
    if (e.altKey && (e.key === "s" || e.key === "S")) {
      var form = document.getElementById("intake-form");
      if (form) { e.preventDefault(); form.requestSubmit(); }
    }
  });
  document.addEventListener("htmx:xhr:progress", function (e) {
    // only a form's own submission shows progress (the intake side panel also sends from inside the form)
    var form = e.target.matches && e.target.matches("form") ? e.target : null;
    var bar = form && form.querySelector("progress.upload-progress");
    if (bar && e.detail.lengthComputable) { bar.hidden = false; bar.value = Math.round(e.detail.loaded / e.detail.total * 100); }
  });
  document.addEventListener("htmx:configRequest", function (e) {
    // a retried submit carries the same key, so perform() writes the step once
    var idem = e.detail.elt && e.detail.elt.querySelector ? e.detail.elt.querySelector("input.idem") : null;
    if (idem && !idem.value) { idem.value = Date.now().toString(36) + Math.random().toString(36).slice(2); e.detail.parameters["idempotency_key"] = idem.value; }
  });
  document.addEventListener("htmx:afterSwap", function (e) { init(e.target); });
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  window.jiefen = { checkCitizenId: checkCitizenId };
})();
