// Quick exit on the public pages: the button (a plain link that works without this file) replaces the page with
// a neutral site, so Back does not return here; pressing Escape twice within 1.5 seconds does the same.
(function () {
  "use strict";

  var link = document.querySelector("[data-quick-exit-url]");
  if (!link) {
    return;
  }

  var url = link.getAttribute("data-quick-exit-url");
  var lastEscape = 0;

  function leave(event) {
    if (event) {
      event.preventDefault();
    }

    // Hide the page at once, before the neutral site has loaded.
    document.title = "";
    document.documentElement.hidden = true;
    window.location.replace(url);
  }

  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") {
      return;
    }

    var now = Date.now();
    if (now - lastEscape <= 1500) {
      leave(event);
    } else {
      lastEscape = now;
    }
  });
})();
