// Citizen pages: small enhancements only; every form works without this file.
(function () {
  "use strict";

  // Submit page: show the appointment date and period only when 预约到中心 is chosen.
  function toggleAppointment() {
    var box = document.getElementById("appointment-fields");
    if (!box) return;
    var chosen = document.querySelector("input[name=mode]:checked");
    box.hidden = !(chosen && chosen.value === "appointment");
  }

  // Tracking page opened from the receipt's QR code: the query code rides in the URL fragment
  // (never sent to the server); put it into the form and drop it from the address bar.
  function fillCodeFromFragment() {
    var input = document.querySelector("#track-form input[name=code]");
    var match = /(?:^#|&)code=([A-Za-z0-9]+)/.exec(window.location.hash || "");
    if (!input || !match) return;
    input.value = match[1].toUpperCase();
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
  }

  // One tap, one submission: a slow phone network invites a second tap.
  function guardDoubleSubmit() {
    document.querySelectorAll("form.pub-form").forEach(function (form) {
      form.addEventListener("submit", function () {
        var button = form.querySelector("button[type=submit]");
        if (button) {
          setTimeout(function () { button.disabled = true; button.textContent = "正在提交…"; }, 0);
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    toggleAppointment();
    document.querySelectorAll("input[name=mode]").forEach(function (el) {
      el.addEventListener("change", toggleAppointment);
    });
    fillCodeFromFragment();
    guardDoubleSubmit();
  });
})();
