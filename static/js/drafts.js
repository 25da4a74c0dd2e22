/* The reader's small helpers: the countdown to the comment deadline, a word diff of a
   proposed amendment as it is typed, and a confirmation before deleting a paragraph.
   Everything works without this file; it only adds feedback. No inline script (CSP). */
(function () {
  "use strict";

  function countdown(el) {
    var deadline = Date.parse(el.getAttribute("data-deadline"));
    var format = el.getAttribute("data-format") || "%(d)s d %(h)s h %(m)s min";
    if (isNaN(deadline)) return;
    function tick() {
      var left = deadline - Date.now();
      if (left <= 0) {
        el.textContent = el.getAttribute("data-closed") || "";
        return;
      }
      var minutes = Math.floor(left / 60000);
      el.textContent = format
        .replace("%(d)s", String(Math.floor(minutes / 1440)))
        .replace("%(h)s", String(Math.floor((minutes % 1440) / 60)))
        .replace("%(m)s", String(minutes % 60));
      window.setTimeout(tick, 30000);
    }
    tick();
  }

  function tokens(text) {
    return text.match(/[\p{L}\p{N}_]+|[^\p{L}\p{N}_\s]+|\s+/gu) || [];
  }

  // A longest-common-subsequence diff over words: paragraphs are short enough for O(n·m).
  function wordDiff(oldText, newText) {
    var a = tokens(oldText), b = tokens(newText);
    if (a.length * b.length > 400000) return null;
    var n = a.length, m = b.length, i, j;
    var lcs = [];
    for (i = 0; i <= n; i++) { lcs.push(new Uint16Array(m + 1)); }
    for (i = n - 1; i >= 0; i--) {
      for (j = m - 1; j >= 0; j--) {
        lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    var ops = [];
    function push(op, text) {
      if (ops.length && ops[ops.length - 1].op === op) ops[ops.length - 1].text += text;
      else ops.push({ op: op, text: text });
    }
    i = 0; j = 0;
    while (i < n && j < m) {
      if (a[i] === b[j]) { push("equal", a[i]); i++; j++; }
      else if (lcs[i + 1][j] >= lcs[i][j + 1]) { push("delete", a[i]); i++; }
      else { push("insert", b[j]); j++; }
    }
    for (; i < n; i++) push("delete", a[i]);
    for (; j < m; j++) push("insert", b[j]);
    return ops;
  }

  function liveDiff(textarea) {
    var target = document.getElementById(textarea.getAttribute("aria-describedby"));
    var original = textarea.getAttribute("data-original") || "";
    if (!target) return;
    var timer = null;
    function render() {
      target.textContent = "";
      if (!textarea.value.trim()) return;
      var ops = wordDiff(original, textarea.value);
      if (!ops) return;
      ops.forEach(function (op) {
        var node = op.op === "equal" ? document.createTextNode(op.text)
          : document.createElement(op.op === "insert" ? "ins" : "del");
        if (op.op !== "equal") node.textContent = op.text;
        target.appendChild(node);
      });
    }
    textarea.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(render, 250);
    });
    render();
  }

  // A click on a line number opens the paragraph's comment form citing that line; Shift+click
  // extends the range. Without this, the number links to the comment page with the line set.
  function citeLines(section) {
    var write = section.querySelector("a.js-panel[href*='write=']");
    if (!write) return;
    var panel = null;
    function select(name) { return panel && panel.querySelector("select[name=" + name + "]"); }
    function mark() {
      var first = select("line_first"), last = select("line_last");
      if (!first || !last) return;
      var from = parseInt(first.value, 10), to = parseInt(last.value || first.value, 10);
      section.querySelectorAll("[data-line]").forEach(function (line) {
        var n = parseInt(line.getAttribute("data-line"), 10);
        line.classList.toggle("cited", n >= from && n <= to);
      });
    }
    function bind(opened) { // once the form is on the page, with it or fetched when opened
      panel = opened;
      var first = select("line_first"), last = select("line_last");
      if (!first || !last || first.hasAttribute("data-bound")) return;
      first.setAttribute("data-bound", "");
      first.addEventListener("change", function () {
        if (!first.value) last.value = "";
        else if (!last.value || parseInt(last.value, 10) < parseInt(first.value, 10)) last.value = first.value;
        mark();
      });
      last.addEventListener("change", function () {
        if (last.value && (!first.value || parseInt(first.value, 10) > parseInt(last.value, 10))) first.value = last.value;
        mark();
      });
    }
    var existing = document.getElementById(panelId(write));
    if (existing) bind(existing);
    write.addEventListener("panelopen", function (event) { bind(event.detail); });
    section.querySelectorAll("a.ln").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var n = parseInt(link.parentNode.getAttribute("data-line"), 10);
        var extend = event.shiftKey;
        openPanel(write).then(function (opened) {
          bind(opened);
          var first = select("line_first"), last = select("line_last");
          if (!first || !last) { window.location.href = link.href; return; }
          var from = parseInt(first.value, 10);
          if (extend && !isNaN(from)) {
            var to = parseInt(last.value || first.value, 10);
            first.value = String(Math.min(from, n));
            last.value = String(Math.max(to, n));
          } else {
            first.value = String(n);
            last.value = String(n);
          }
          mark();
          opened.querySelector("textarea[name=body]").focus({ preventScroll: true });
          opened.scrollIntoView({ block: "nearest" });
        }, function () { window.location.href = link.href; });
      });
    });
  }

  // A paragraph's comments and its forms open as panels below it, fetched when first opened:
  // the page itself carries only the count of comments and two links, so it stays small
  // however many comments and paragraphs there are. Without this file (or if a request
  // fails) each link reloads the page with that panel in place (?open=, ?write=).
  function panelId(link) {
    var params = new URL(link.href).searchParams;
    return params.has("open") ? "threads-" + params.get("open") : "act-" + params.get("write");
  }

  function panelUrl(link) {
    var article = document.querySelector("article.document");
    var params = new URL(link.href).searchParams;
    var base = article.getAttribute(params.has("open") ? "data-threads" : "data-forms");
    return base.replace(/\/-\/$/, "/" + encodeURIComponent(params.get("open") || params.get("write")) + "/");
  }

  function openPanel(link) {
    var existing = document.getElementById(panelId(link));
    if (existing) {
      existing.hidden = false;
      link.setAttribute("aria-expanded", "true");
      link.setAttribute("aria-controls", existing.id);
      return Promise.resolve(existing);
    }
    if (link.pending) return link.pending;
    var label = link.textContent;
    var article = document.querySelector("article.document");
    link.textContent = article.getAttribute("data-loading") || label;
    link.setAttribute("aria-busy", "true");
    link.pending = fetch(panelUrl(link), { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (html) {
        var panel = document.createElement("div");
        panel.className = "panel";
        panel.id = panelId(link);
        panel.innerHTML = html; // the server's own markup: every user text is escaped there
        // Panels follow their links' row, comments before forms, whichever opened first.
        var row = link.closest(".para-actions");
        var after = row;
        while (after.nextElementSibling && after.nextElementSibling.classList.contains("panel") &&
               !(panel.id.indexOf("threads-") === 0 && after.nextElementSibling.id.indexOf("act-") === 0)) {
          after = after.nextElementSibling;
        }
        after.insertAdjacentElement("afterend", panel);
        enhance(panel);
        link.dispatchEvent(new CustomEvent("panelopen", { detail: panel }));
        return panel;
      })
      .then(function (panel) {
        link.textContent = label;
        link.removeAttribute("aria-busy");
        link.setAttribute("aria-expanded", "true");
        link.setAttribute("aria-controls", panel.id);
        link.pending = null;
        return panel;
      }, function (error) {
        link.textContent = label;
        link.removeAttribute("aria-busy");
        link.pending = null;
        throw error;
      });
    return link.pending;
  }

  function panelToggle(link) {
    link.setAttribute("role", "button");
    var given = document.getElementById(panelId(link)); // came open with the page
    link.setAttribute("aria-expanded", given ? "true" : "false");
    if (given) link.setAttribute("aria-controls", given.id);
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var panel = document.getElementById(panelId(link));
      if (panel && !panel.hidden) {
        panel.hidden = true;
        link.setAttribute("aria-expanded", "false");
        return;
      }
      openPanel(link).then(function (opened) {
        var field = opened.querySelector("textarea[name=body]");
        if (field) field.focus({ preventScroll: true });
      }, function () { window.location.href = link.href; }); // the page's own way
    });
  }

  // The reader's edition and view links lead to the paragraph being read: paragraph codes
  // (OP5) are the same in every edition, line numbers are not.
  function keepPlace(link) {
    link.addEventListener("click", function () {
      var bar = document.querySelector(".reader-bar");
      var top = bar ? bar.getBoundingClientRect().bottom : 0;
      var article = document.querySelector("article.document");
      if (!article || article.getBoundingClientRect().top >= top) return; // not reading yet
      var sections = document.querySelectorAll("article.document [data-paragraph]");
      for (var i = 0; i < sections.length; i++) {
        if (sections[i].getBoundingClientRect().bottom > top + 24) { // more than a sliver
          link.hash = sections[i].id;
          return;
        }
      }
    });
  }

  // "Proposed text" is for amendments and new paragraphs only; an amendment starts from the
  // paragraph's current wording (as Decidim and meinBerlin do), so the delegate edits it.
  function proposedByKind(form) {
    var kind = form.querySelector("select[name=kind]");
    var field = form.querySelector(".proposed-field");
    var text = field && field.querySelector("textarea[name=proposed_text]");
    if (!kind || !text) return;
    function sync() {
      field.hidden = kind.value !== "amendment" && kind.value !== "addition";
      var original = text.getAttribute("data-original");
      if (kind.value === "amendment" && original && !text.value.trim()) {
        text.value = original;
        text.dispatchEvent(new Event("input"));
      }
    }
    kind.addEventListener("change", sync);
    sync();
  }

  // A confirmation that concerns one item (a comment sent or answered) is shown on that item,
  // where the page lands, and the item is marked; without this file it stays at the top.
  function noteOn(target, text) {
    var note = target.querySelector(":scope > .inline-message");
    if (!note) {
      note = document.createElement("p");
      note.className = "inline-message";
      note.setAttribute("role", "status");
      target.insertBefore(note, target.firstChild);
    }
    note.textContent = text;
    target.classList.add("just-changed");
  }

  function messageInPlace(item) {
    var target = document.getElementById(item.getAttribute("data-for"));
    if (!target) return;
    noteOn(target, item.textContent);
    var list = item.parentNode;
    list.removeChild(item);
    if (!list.children.length) list.parentNode.parentNode.removeChild(list.parentNode);
    target.scrollIntoView({ block: "center" });
  }

  // Triage: an answer is sent without reloading the page; the row says so and keeps its place.
  function answerInPlace(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var item = form.closest("li.comment");
      var button = form.querySelector("button");
      button.disabled = true;
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (answer) {
          button.disabled = false;
          item.querySelector(".status-label").textContent = answer.status_label;
          noteOn(item, answer.message);
        })
        .catch(function () { form.submit(); }); // the page's own way, with its errors
    });
  }

  // Triage by keyboard: J and K move from one comment to the next and back.
  function triageKeys(list) {
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (/^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(document.activeElement.tagName)) return;
      var key = event.key.toLowerCase();
      if (key !== "j" && key !== "k") return;
      var items = Array.prototype.slice.call(list.querySelectorAll(":scope > li.comment"));
      var current = items.indexOf(document.activeElement.closest ? document.activeElement.closest("li.comment") : null);
      var next = key === "j" ? Math.min(current + 1, items.length - 1) : Math.max(current - 1, 0);
      if (items[next]) {
        event.preventDefault();
        items[next].focus();
        items[next].scrollIntoView({ block: "nearest" });
      }
    });
  }

  // What a piece of the page needs once it is there, whether it came with the page or later.
  function enhance(root) {
    root.querySelectorAll("form.comment-form").forEach(proposedByKind);
    root.querySelectorAll("textarea.js-proposed[data-original]").forEach(liveDiff);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".triage-list form.js-answer").forEach(answerInPlace);
    document.querySelectorAll("ol.triage-list").forEach(triageKeys);
    document.querySelectorAll(".messages li[data-for]").forEach(messageInPlace);
    enhance(document);
    document.querySelectorAll("a.js-keep-place").forEach(keepPlace);
    document.querySelectorAll("a.js-panel").forEach(panelToggle);
    document.querySelectorAll("section.para-block").forEach(citeLines);
    document.querySelectorAll(".countdown[data-deadline]").forEach(countdown);
    document.querySelectorAll("form.js-confirm").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm") || "?")) event.preventDefault();
      });
    });
  });
})();
