// The revision page's PDF block: ask for a PDF without leaving the page, then poll the job's
// status endpoint until the file is ready or the job failed (then offer a retry).
(function () {
  "use strict";
  var block = document.querySelector(".pdf-block");
  if (!block) return;
  var POLL_MS = 1500;
  var MAX_POLL_MS = 15000;

  function show(entry, job) {
    var status = entry.querySelector(".pdf-status");
    var link = entry.querySelector(".pdf-download");
    var form = entry.querySelector(".pdf-request");
    var button = form.querySelector("button");
    status.classList.toggle("failed", job.status === "failed");
    if (job.status === "ready") {
      status.textContent = "";
      link.href = job.download_url;
      link.hidden = false;
      form.hidden = true;
      return;
    }
    status.textContent = job.message + (job.error ? " " + job.error : "");
    // While the job waits or runs, the button stays, disabled, saying that the PDF is being
    // prepared; a failed job offers to try again.
    form.hidden = false;
    button.disabled = job.status !== "failed";
    button.textContent = job.status === "failed" ? block.dataset.labelRetry : block.dataset.labelPreparing;
    if (job.status !== "failed") {
      // Back off while nothing moves (a pending job waits for the broker to come back).
      var delay = Math.min(Number(entry.dataset.delay || POLL_MS) * 1.5, MAX_POLL_MS);
      entry.dataset.delay = String(delay);
      schedule(entry, job.status_url, delay);
    }
  }

  // One pending poll per entry, however often the button is pressed.
  function schedule(entry, url, delay) {
    window.clearTimeout(Number(entry.dataset.timer || 0));
    entry.dataset.timer = String(window.setTimeout(function () { poll(entry, url); }, delay));
  }

  function poll(entry, url) {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (job) { show(entry, job); })
      .catch(function () { schedule(entry, url, MAX_POLL_MS); });
  }

  block.querySelectorAll(".pdf-entry").forEach(function (entry) {
    var form = entry.querySelector(".pdf-request");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button");
      button.disabled = true;
      // Say at once that something is happening, whatever the worker's delay.
      button.textContent = block.dataset.labelPreparing;
      entry.dataset.delay = String(POLL_MS / 1.5);
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) { return response.json(); })
        .then(function (job) { show(entry, job); })
        .catch(function () { form.submit(); });
    });
    if (entry.dataset.statusUrl) poll(entry, entry.dataset.statusUrl);
  });
})();
