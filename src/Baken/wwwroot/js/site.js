// Small behaviours shared by every page. Everything works without this file; it only adds comfort.
(function () {
  "use strict";

  // A form with data-confirm asks before it submits (removing something, for example).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);
})();
