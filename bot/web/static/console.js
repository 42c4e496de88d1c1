// Progress for roster uploads: the form is sent with XMLHttpRequest so the page shows how much
// of the file has gone and then that the server is checking it; the answer (the preview)
// replaces the page. Without script the form posts as usual. Served by the console itself.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form[data-progress]");
  if (!form || !window.FormData) return;
  var bar = form.querySelector("progress");
  var label = form.querySelector(".progress-label");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    bar.hidden = false;
    label.textContent = form.dataset.uploading;
    request.upload.addEventListener("progress", function (e) {
      if (!e.lengthComputable) return;
      bar.max = e.total;
      bar.value = e.loaded;
      if (e.loaded >= e.total) label.textContent = form.dataset.checking;
    });
    request.addEventListener("load", function () {
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener("error", function () {
      label.textContent = form.dataset.failed;
    });
    request.send(new FormData(form));
  });
});
