// The door (registration/check_in.html): where the browser has the BarcodeDetector API and a
// camera, the QR code is read and the form submitted by itself; otherwise the code is typed.
(function () {
  "use strict";
  function start() {
    var form = document.getElementById("check-in-form");
    var scanner = document.querySelector(".scanner");
    var video = document.getElementById("scanner-video");
    var button = document.getElementById("scanner-start");
    if (!form || !scanner || !("BarcodeDetector" in window) || !navigator.mediaDevices) return;
    var input = form.querySelector('input[name="code"]');
    scanner.hidden = false;
    button.addEventListener("click", function () {
      var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      navigator.mediaDevices
        .getUserMedia({ video: { facingMode: "environment" } })
        .then(function (stream) {
          video.srcObject = stream;
          return video.play().then(function () {
            function look() {
              detector.detect(video).then(function (codes) {
                if (codes.length) {
                  stream.getTracks().forEach(function (track) { track.stop(); });
                  input.value = codes[0].rawValue;
                  form.submit();
                } else {
                  window.requestAnimationFrame(look);
                }
              }, function () { window.requestAnimationFrame(look); });
            }
            look();
          });
        })
        .catch(function () { scanner.hidden = true; input.focus(); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
