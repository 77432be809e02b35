// The pages' small behaviours, from our origin (the Content-Security-Policy allows no inline script):
//   <select data-autosubmit>                         submits its form when changed (the language menu)
//   <input type=file data-autosubmit>                uploads as soon as a file is chosen (a photo taken)
//   <input data-select-on-click>                     selects its text when clicked (a key shown once)
//   <button data-copy="ID" data-copied="Copied" [data-copy-status="ID"]>
//                                                    copies the field ID's value; says so in the status
//                                                    element, or on the button itself
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.matches && field.matches("select[data-autosubmit], input[type=file][data-autosubmit]") && field.form) {
      field.form.submit();
    }
  });
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest) {
      return;
    }
    if (target.matches("[data-select-on-click]")) {
      target.select();
    }
    var button = target.closest("[data-copy]");
    if (!button) {
      return;
    }
    var field = document.getElementById(button.dataset.copy);
    var status = button.dataset.copyStatus ? document.getElementById(button.dataset.copyStatus) : null;
    function done() {
      if (status) {
        status.textContent = button.dataset.copied;
      } else {
        button.textContent = button.dataset.copied;
      }
    }
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () {
        document.execCommand("copy");
        done();
      });
    } else {
      document.execCommand("copy");
      done();
    }
  });
})();
