// Passkeys (WebAuthn) for Baken: adding one on the Passkeys page, signing in with one on the login page.
// The server makes the options and checks the answers (ASP.NET Core Identity); this file only carries them
// between the server and the browser's credential API. No inline script: the CSP forbids it.
(function () {
  "use strict";

  var supported = window.PublicKeyCredential &&
    typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function" &&
    typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";

  function showError(kind) {
    var box = document.getElementById("passkey-error");
    if (!box) { return; }
    var text = box.querySelector("p");
    text.textContent = text.getAttribute(kind === "unsupported" ? "data-unsupported" : "data-failed");
    box.hidden = false;
    box.focus();
  }

  // Asks the server for ceremony options; the form's antiforgery token goes along.
  function fetchOptions(form, url) {
    var body = new FormData();
    body.append("__RequestVerificationToken", form.querySelector("input[name=__RequestVerificationToken]").value);
    return fetch(url, { method: "POST", body: body, credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error("options " + response.status); }
      return response.json();
    });
  }

  function submitCredential(form, credential) {
    form.querySelector("input[name=credentialJson]").value = JSON.stringify(credential.toJSON());
    form.dataset.ready = "true";
    form.submit();
  }

  var addForm = document.getElementById("passkey-add");
  if (addForm) {
    addForm.addEventListener("submit", function (event) {
      if (addForm.dataset.ready === "true") { return; }
      event.preventDefault();
      if (!supported) { showError("unsupported"); return; }
      fetchOptions(addForm, addForm.getAttribute("data-options-url"))
        .then(function (options) {
          return navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
        })
        .then(function (credential) { submitCredential(addForm, credential); })
        .catch(function () { showError("failed"); });
    });
  }

  var signInForm = document.getElementById("passkey-signin");
  if (signInForm) {
    if (supported) { signInForm.hidden = false; }
    signInForm.addEventListener("submit", function (event) {
      if (signInForm.dataset.ready === "true") { return; }
      event.preventDefault();
      fetchOptions(signInForm, signInForm.getAttribute("data-options-url"))
        .then(function (options) {
          return navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        })
        .then(function (credential) { submitCredential(signInForm, credential); })
        .catch(function () { showError("failed"); });
    });
  }
})();
