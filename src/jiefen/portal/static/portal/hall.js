/* The hall display's clock and connection state; the kiosk's return-to-start timer and print
   button. No inline scripts (CSP script-src 'self').

   The display runs for days: nothing here allocates per poll. The clock rewrites two text nodes
   once a second, htmx swaps the one live region's innerHTML in place every 2 s (the new nodes
   carry no htmx attributes and no listeners), and the connection listeners are added once. */
(function () {
  "use strict";
  var WEEK = "日一二三四五六";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function startClock(el) {
    var time = el.querySelector(".hd-time");
    var day = el.querySelector(".hd-day");
    function tick() {
      var d = new Date();
      time.textContent = pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds());
      day.textContent = d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日 星期" + WEEK[d.getDay()];
    }
    tick();
    window.setInterval(tick, 1000);
  }

  function watchConnection() {
    var body = document.body;
    function lost() { body.classList.add("hall-offline"); }
    body.addEventListener("htmx:sendError", lost);
    body.addEventListener("htmx:responseError", lost);
    body.addEventListener("htmx:timeout", lost);
    body.addEventListener("htmx:afterSwap", function () { body.classList.remove("hall-offline"); });
  }

  // A kiosk page left alone goes back to the start page, so the next visitor finds it there.
  function returnWhenIdle(el) {
    var url = el.getAttribute("data-return-url");
    var seconds = parseInt(el.getAttribute("data-return-after"), 10) || 60;
    var timer = null;
    function arm() {
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(function () { window.location.assign(url); }, seconds * 1000);
    }
    ["pointerdown", "keydown", "input"].forEach(function (name) { document.addEventListener(name, arm, true); });
    arm();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var clock = document.querySelector("[data-hall-clock]");
    if (clock) startClock(clock);
    if (document.querySelector("[data-hall-live]")) watchConnection();
    var idle = document.querySelector("[data-return-url]");
    if (idle) returnWhenIdle(idle);
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  });
})();
