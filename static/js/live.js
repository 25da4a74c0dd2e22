/* A live session's pages: the follow page, the room's screen and the chair's screen.
   The whole state comes first (in the page, then on every WebSocket connection), then the
   changes; a change whose version does not follow the state's asks for the whole state
   again. Without a WebSocket (a proxy in the way) the page polls the state with its ETag
   every 2 seconds. No inline script or style (CSP). */
(function () {
  "use strict";

  var root = document.querySelector(".live");
  var config = document.getElementById("live-config");
  var stateScript = document.getElementById("live-state");
  if (!root || !config || !stateScript) return;

  var mode = root.getAttribute("data-mode");
  var pageLanguage = document.documentElement.lang;
  var state = JSON.parse(stateScript.textContent);
  var etag = '"live-' + state.id + "-" + state.version + '"';
  var labels = {};
  config.getAttribute("data-negotiations").split("|").forEach(function (pair) {
    var i = pair.indexOf("=");
    labels[pair.slice(0, i)] = pair.slice(i + 1);
  });
  var csrf = (document.querySelector("input[name=csrfmiddlewaretoken]") || {}).value || "";
  var socket = null, pollTimer = null, lastFocus = state.focus, closed = false;
  var connection = root.querySelector(".live-connection") || document.querySelector(".live-connection");

  function setConnection(key) {
    if (connection) connection.textContent = config.getAttribute("data-" + key) || "";
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function paragraphNode(p) {
    var li = el("li", "live-paragraph" + (p.key === state.focus ? " is-focus" : ""));
    li.id = "p-" + p.key;
    li.setAttribute("data-key", p.key);
    if (p.key === state.focus) li.setAttribute("aria-current", "true");
    li.appendChild(el("span", "live-label", p.label));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(el("span", "live-status live-status-" + p.negotiation, labels[p.negotiation] || p.negotiation));
    if (p.other_out_of_date) {
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", "live-outdated", config.getAttribute("data-outdated")));
    }
    var text = el("p", "live-para-text");
    text.setAttribute("lang", state.language);
    // The room's screen marks the changes since the session opened; the others read the text.
    if (mode === "screen" && p.changes && p.changes.length) {
      p.changes.forEach(function (change) {
        var op = change[0], words = change[1];
        if (op === "insert") text.appendChild(el("ins", "", words));
        else if (op === "delete") text.appendChild(el("del", "", words));
        else text.appendChild(document.createTextNode(words));
      });
    } else {
      text.textContent = p.text;
    }
    li.appendChild(text);
    return li;
  }

  function focusIndex() {
    for (var i = 0; i < state.paragraphs.length; i++) {
      if (state.paragraphs[i].key === state.focus) return i;
    }
    return 0;
  }

  function renderText() {
    var list = root.querySelector(".live-text");
    var shown = state.paragraphs;
    if (mode === "screen") {
      var i = focusIndex();
      shown = shown.slice(Math.max(0, i - 1), i + 2);
    }
    var fragment = document.createDocumentFragment();
    shown.forEach(function (p) { fragment.appendChild(paragraphNode(p)); });
    list.replaceChildren(fragment);
    if (state.focus !== lastFocus || mode === "screen") {
      var focused = document.getElementById("p-" + state.focus);
      if (focused && mode !== "screen") focused.scrollIntoView({ block: "center" });
      lastFocus = state.focus;
      if (mode === "chair") loadEditor();
    }
  }

  function renderQueue() {
    var list = root.querySelector(".live-queue");
    if (!list) return;
    var fragment = document.createDocumentFragment();
    if (!state.queue.length) {
      fragment.appendChild(el("li", "live-queue-empty", list.getAttribute("data-empty")));
    }
    state.queue.forEach(function (entry) {
      var li = el("li", "", (entry.names && entry.names[pageLanguage]) || entry.name);
      li.setAttribute("data-delegation", entry.delegation);
      if (entry.head) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("strong", "live-head", "(" + list.getAttribute("data-head") + ")"));
      }
      if (mode === "chair") {
        li.appendChild(document.createTextNode(" "));
        var give = el("button", "live-give", list.getAttribute("data-give"));
        give.type = "button";
        give.setAttribute("data-delegation", entry.delegation);
        li.appendChild(give);
      }
      fragment.appendChild(li);
    });
    list.replaceChildren(fragment);
  }

  function render() {
    renderText();
    renderQueue();
    if (!state.open) {
      closed = true;
      setConnection("closed");
      if (socket) socket.close();
      if (pollTimer) window.clearInterval(pollTimer);
    }
  }

  function replaceState(next) {
    state = next;
    etag = '"live-' + state.id + "-" + state.version + '"';
    render();
  }

  function requestState() {
    if (socket && socket.readyState === 1) socket.send(JSON.stringify({ type: "state" }));
    else poll();
  }

  function apply(event) {
    if (event.type === "state") return replaceState(event.state);
    if (event.type === "pong") {
      // The server reads its version at most once a second: a pong behind us is only late;
      // a pong ahead of us means a change's message was lost.
      if (event.version > state.version) requestState();
      return;
    }
    if (event.type === "floor") return floorShown(event.requested);
    if (event.version <= state.version) return; // already in the state we hold
    if (event.version !== state.version + 1) return requestState();
    state.version = event.version;
    etag = '"live-' + state.id + "-" + state.version + '"';
    if (event.type === "paragraph" || event.type === "inserted") {
      var p = event.paragraph, found = false;
      state.paragraphs = state.paragraphs.map(function (q) {
        if (q.key === p.key) { found = true; return p; }
        return q;
      });
      if (!found) {
        var at = state.paragraphs.findIndex(function (q) { return q.key === event.after; });
        state.paragraphs.splice(at + 1, 0, p);
      }
      if (event.focus) state.focus = event.focus;
    } else if (event.type === "focus") {
      state.focus = event.focus;
    } else if (event.type === "queue") {
      state.queue = event.queue;
    } else if (event.type === "closed") {
      state.open = false;
    }
    render();
  }

  function poll() {
    if (closed) return;
    fetch(config.getAttribute("data-state-url"), {
      credentials: "same-origin",
      headers: { "If-None-Match": etag, Accept: "application/json" },
      cache: "no-store",
    }).then(function (response) {
      if (response.status === 200) return response.json().then(replaceState);
      return null;
    }).catch(function () { /* the next poll tries again */ });
  }

  function startPolling() {
    if (pollTimer || closed) return;
    setConnection("polling");
    pollTimer = window.setInterval(poll, 2000);
    poll();
  }

  function stopPolling() {
    if (pollTimer) window.clearInterval(pollTimer);
    pollTimer = null;
  }

  function connect() {
    if (closed || !("WebSocket" in window)) return startPolling();
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var opened = false;
    try {
      socket = new WebSocket(scheme + window.location.host + config.getAttribute("data-ws-path"));
    } catch (e) {
      return startPolling();
    }
    socket.onopen = function () { opened = true; stopPolling(); setConnection("live"); };
    // A heartbeat: the answer carries the session's version, so a change whose message was
    // lost (the channel layer restarted) is caught up within this period.
    var heartbeat = window.setInterval(function () {
      if (socket && socket.readyState === 1) socket.send(JSON.stringify({ type: "ping" }));
    }, 5000);
    socket.onmessage = function (message) {
      try { apply(JSON.parse(message.data)); } catch (e) { requestState(); }
    };
    socket.onclose = function (event) {
      window.clearInterval(heartbeat);
      socket = null;
      if (closed || event.code === 4403 || event.code === 4404) return;
      startPolling();
      // Back soon after a drop (a laptop's sleep, a restart); rarely when it never opened.
      window.setTimeout(connect, opened ? 1000 + Math.random() * 2000 : 15000);
    };
  }

  // --- Writes through the API (the same services as everybody's).

  function api(method, path, body) {
    return fetch("/api/v1/live/" + state.id + "/" + path, {
      method: method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf, Accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { status: response.status, data: data };
      });
    });
  }

  // Follow page: the delegation's request for the floor.
  var floor = root.querySelector(".live-floor");
  function floorShown(requested) {
    if (!floor) return;
    floor.setAttribute("aria-pressed", requested ? "true" : "false");
    floor.textContent = config.getAttribute(requested ? "data-requested" : "data-request");
  }
  if (floor) {
    floor.hidden = false;
    floor.addEventListener("click", function () {
      api("POST", "floor/", {}).then(function (answer) {
        if (answer.status === 200) floorShown(answer.data.requested);
      });
    });
  }

  // Chair: the paragraph in focus, edited in place.
  var textarea = root.querySelector("#live-edit-text");
  var statusSelect = root.querySelector("#live-edit-status");
  var message = root.querySelector(".live-message");
  var editing = null;  // the paragraph as it was when the editor loaded it

  function say(text) {
    if (!message) return;
    message.textContent = text || "";
    message.hidden = !text;
  }

  function loadEditor() {
    if (!textarea) return;
    editing = state.paragraphs[focusIndex()];
    if (!editing) return;
    textarea.value = editing.text;
    statusSelect.value = editing.negotiation;
    root.querySelector(".live-edit-which").textContent = editing.label;
  }

  function save(extra) {
    if (!editing) return;
    var body = { version: editing.version };
    if (textarea.value !== editing.text) body.text = textarea.value;
    if (statusSelect.value !== editing.negotiation) body.negotiation = statusSelect.value;
    Object.assign(body, extra || {});
    if (Object.keys(body).length === 1) return;
    api("PATCH", "paragraphs/" + editing.key + "/", body).then(function (answer) {
      if (answer.status === 200) {
        editing = answer.data;
        say("");
      } else if (answer.status === 409) {
        // Somebody else saved first: their text is shown, yours stays in the field.
        say(answer.data.error.message + " " + answer.data.error.current_text);
        editing = Object.assign({}, editing, {
          version: answer.data.error.current_version, text: answer.data.error.current_text,
        });
      } else {
        say((answer.data.error && answer.data.error.message) || String(answer.status));
      }
    });
  }

  function moveFocus(step) {
    var i = focusIndex() + step;
    if (i < 0 || i >= state.paragraphs.length) return;
    api("POST", "focus/", { key: state.paragraphs[i].key }).then(function (answer) {
      if (answer.status === 200 && (!socket || socket.readyState !== 1)) poll();
    });
  }

  function insertBis() {
    if (!editing) return;
    api("POST", "paragraphs/" + editing.key + "/bis/", { text: "" }).then(function (answer) {
      if (answer.status !== 201) say((answer.data.error && answer.data.error.message) || "");
      else if (!socket || socket.readyState !== 1) poll();
    });
  }

  function giveFloor(delegation) {
    api("POST", "floor/", { delegation: Number(delegation) }).then(function () {
      if (!socket || socket.readyState !== 1) poll();
    });
  }

  if (mode === "chair") {
    loadEditor();
    root.querySelector(".live-save").addEventListener("click", function () { save(); });
    root.querySelector(".live-bis").addEventListener("click", insertBis);
    statusSelect.addEventListener("change", function () { save(); });
    root.querySelector(".live-text").addEventListener("click", function (event) {
      var item = event.target.closest(".live-paragraph");
      if (item) api("POST", "focus/", { key: item.getAttribute("data-key") });
    });
    root.querySelector(".live-queue").addEventListener("click", function (event) {
      var button = event.target.closest(".live-give");
      if (button) giveFloor(button.getAttribute("data-delegation"));
    });
    root.querySelector(".live-close").addEventListener("submit", function (event) {
      event.preventDefault();
      if (!window.confirm(event.target.getAttribute("data-confirm"))) return;
      api("POST", "close/").then(function (answer) {
        if (answer.status === 200) window.location.href = window.location.pathname.replace(/chair\/$/, "");
        else say((answer.data.error && answer.data.error.message) || "");
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey && event.key === "Enter") { event.preventDefault(); save(); return; }
      if (!event.altKey) return;
      var statuses = Array.prototype.map.call(statusSelect.options, function (o) { return o.value; });
      if (event.key === "ArrowUp") { event.preventDefault(); moveFocus(-1); }
      else if (event.key === "ArrowDown") { event.preventDefault(); moveFocus(1); }
      else if (event.code === "KeyB") { event.preventDefault(); insertBis(); }
      else if (event.code === "KeyG" && state.queue.length) { event.preventDefault(); giveFloor(state.queue[0].delegation); }
      else if (/^Digit[1-9]$/.test(event.code)) {
        var status = statuses[Number(event.code.slice(5)) - 1];
        if (status) { event.preventDefault(); statusSelect.value = status; save(); }
      }
    });
  }

  connect();
})();
