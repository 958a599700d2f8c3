// The chat launcher: opens Bot Framework Web Chat (served by us) in a panel, and keeps the conversation
// across reloads within this tab (token and conversation id in sessionStorage; the service replays
// the history when the page reconnects). No inline script anywhere, so the CSP can be script-src 'self'.
(function () {
  'use strict';

  var STORAGE_KEY = 'actionHelpDesk.chat';
  var WEBCHAT_SRC = '/vendor/webchat.js';
  var STATUS = { Online: 2, ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };

  var launcher = document.getElementById('chat-launcher');
  var panel = document.getElementById('chat-panel');
  var closeButton = document.getElementById('chat-close');
  var host = document.getElementById('webchat');
  var statusLine = document.getElementById('chat-status');
  var notice = document.getElementById('chat-notice');
  var nonceMeta = document.querySelector('meta[name="csp-nonce"]');
  var nonce = nonceMeta ? nonceMeta.getAttribute('content') : undefined;
  var started = false;
  var directLine;
  // What opened the chat (the launcher or the article's "Ask the help desk assistant"): focus goes back there on close.
  var opener;
  // Same breakpoint as site.css: below it the panel covers the whole page, so it is a modal dialog.
  var covering = window.matchMedia('(max-width: 600px)');
  var madeInert = [];
  // True from the moment Web Chat's activity stream closes until a new one opens (Direct Line keeps saying
  // "online" meanwhile, and retries only after 3-15 s).
  var streamDown = false;
  var startFailed = false;

  function load() {
    try { return JSON.parse(sessionStorage.getItem(STORAGE_KEY) || '{}') || {}; } catch (e) { return {}; }
  }
  function save(patch) {
    var next = Object.assign(load(), patch);
    try { sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next)); } catch (e) { /* private mode: no resume */ }
  }

  function setStatus(text, action) {
    statusLine.textContent = text || '';
    if (action) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'button';
      button.textContent = action.label;
      button.addEventListener('click', action.run);
      statusLine.appendChild(document.createTextNode(' '));
      statusLine.appendChild(button);
    }
  }

  function loadWebChat() {
    if (window.WebChat) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = WEBCHAT_SRC;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error('Web Chat did not load')); };
      document.head.appendChild(script);
    });
  }

  function newSession() {
    return fetch('/api/directline/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
      .then(function (res) {
        if (!res.ok) throw new Error('token request failed: ' + res.status);
        return res.json();
      })
      .then(function (grant) {
        return { token: grant.token, conversationId: grant.conversationId, domain: new URL(grant.domain, location.href).href.replace(/\/+$/, ''), userId: grant.userId, webSocket: !!grant.webSocket };
      });
  }

  // Asks the service whether the stored conversation still lives; it answers with a fresh token.
  function resume(session) {
    if (!session || !session.token || !session.conversationId || !session.domain) return Promise.resolve(undefined);
    return fetch(session.domain + '/conversations/' + encodeURIComponent(session.conversationId), {
      headers: { Authorization: 'Bearer ' + session.token, Accept: 'application/json' },
    })
      .then(function (res) { return res.ok ? res.json() : undefined; })
      .then(function (body) { return body ? Object.assign({}, session, { token: body.token || session.token }) : undefined; })
      .catch(function () { return undefined; });
  }

  var styleOptions = {
    accent: '#0b4f8a',
    // A reply taller than the transcript (the path result card) stops scrolling at its first line, so the trainer
    // reads "Your certification expires on…" first instead of landing on the card's last step.
    autoScrollSnapOnPage: true,
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    backgroundColor: '#ffffff',
    bubbleBackground: '#eef2f6',
    bubbleBorderWidth: 0,
    bubbleBorderRadius: 12,
    bubbleNubSize: 0,
    bubbleFromUserBackground: '#0b4f8a',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderWidth: 0,
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserNubSize: 0,
    bubbleMaxWidth: 300,
    bubbleMinHeight: 36,
    cardEmphasisBackgroundColor: '#e8f1fa',
    hideUploadButton: true,
    sendBoxButtonColor: '#0b4f8a',
    sendBoxButtonColorOnHover: '#083a66',
    sendBoxBorderTop: 'solid 1px #dde3ea',
    sendBoxHeight: 52,
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#0b4f8a',
    suggestedActionBorderRadius: 18,
    suggestedActionBorderWidth: 1,
    suggestedActionTextColor: '#0b4f8a',
    suggestedActionHeight: 36,
    transcriptVisualKeyboardIndicatorColor: '#f0a400',
    rootHeight: '100%',
    rootWidth: '100%',
  };

  // A short, polite notice above the transcript while messages cannot get through; gone once they can.
  function showConnection() {
    var text = '';
    if (!navigator.onLine) text = "You're offline. Messages can't be sent until your connection is back.";
    else if (started && streamDown) text = 'Connection lost. Reconnecting…';
    if (notice.textContent !== text) notice.textContent = text;
  }
  window.addEventListener('offline', showConnection);
  window.addEventListener('online', function () {
    showConnection();
    // The chat could not start while offline: try again by itself once the connection is back.
    if (startFailed && !panel.hidden) start();
  });

  // Direct Line's client opens its WebSocket through services.WebSocket (botframework-directlinejs); watching that
  // socket is the only way to see a dropped stream. Without the hook the offline notice still works.
  function watchStream(client) {
    var services = client.services;
    if (!services || typeof services.WebSocket !== 'function') return;
    var NativeWebSocket = services.WebSocket;
    services.WebSocket = function (url, protocols) {
      var socket = protocols === undefined ? new NativeWebSocket(url) : new NativeWebSocket(url, protocols);
      socket.addEventListener('open', function () {
        if (directLine !== client) return;
        streamDown = false;
        showConnection();
      });
      socket.addEventListener('close', function () {
        if (directLine !== client) return;
        streamDown = true;
        showConnection();
      });
      return socket;
    };
  }

  function focusSendBox(attempt) {
    var input = host.querySelector('input[type="text"], textarea');
    if (input) return input.focus();
    if ((attempt || 0) < 40) setTimeout(function () { focusSendBox((attempt || 0) + 1); }, 100);
  }

  function ended() {
    streamDown = false;
    showConnection();
    save({ session: undefined });
    setStatus('This conversation has ended.', { label: 'Start a new conversation', run: restart });
  }

  function restart() {
    var previous = directLine;
    // Forget the old client first: its socket closing is not a lost connection.
    directLine = undefined;
    streamDown = false;
    showConnection();
    if (previous && previous.end) { try { previous.end(); } catch (e) { /* already ended */ } }
    save({ session: undefined });
    started = false;
    host.textContent = '';
    start();
  }

  function start() {
    if (started) return;
    started = true;
    startFailed = false;
    setStatus('Connecting…');
    loadWebChat()
      .then(function () { return resume(load().session); })
      .then(function (resumed) {
        return (resumed ? Promise.resolve(resumed) : newSession()).then(function (session) {
          return { session: session, resumed: !!resumed };
        });
      })
      .then(function (result) {
        var session = result.session;
        save({ session: session });
        directLine = window.WebChat.createDirectLine({
          token: session.token,
          domain: session.domain,
          webSocket: session.webSocket,
          // Only a resumed conversation is reconnected; a new token's conversation is started by the client.
          conversationId: result.resumed ? session.conversationId : undefined,
        });
        watchStream(directLine);
        directLine.connectionStatus$.subscribe(function (status) {
          if (status === STATUS.Online) {
            setStatus('');
            if (directLine.conversationId) save({ session: Object.assign({}, load().session, { conversationId: directLine.conversationId }) });
          } else if (status === STATUS.Ended || status === STATUS.ExpiredToken) {
            ended();
          } else if (status === STATUS.FailedToConnect) {
            streamDown = false;
            showConnection();
            save({ session: undefined });
            setStatus('The chat could not connect.', { label: 'Try again', run: restart });
          }
        });
        // A "dl_" user id is embedded in an Azure token; Web Chat reads it from there.
        window.WebChat.renderWebChat(
          { directLine: directLine, userID: /^dl_/.test(session.userId || '') ? undefined : session.userId, username: 'You', locale: 'en-US', nonce: nonce, styleOptions: styleOptions },
          host,
        );
        focusSendBox();
      })
      .catch(function () {
        started = false;
        startFailed = true;
        showConnection();
        setStatus('The chat is unavailable right now.', { label: 'Try again', run: start });
      });
  }

  // The client renews its token every 15 minutes; keep the newest one for the next reload.
  function keepToken() {
    var session = load().session;
    if (directLine && directLine.token && session) save({ session: Object.assign({}, session, { token: directLine.token }) });
  }
  setInterval(keepToken, 60000);
  window.addEventListener('pagehide', keepToken);

  // Focusable elements of the panel in tab order (no positive tabindex here, so DOM order is tab order).
  function tabbables() {
    return Array.prototype.filter.call(panel.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'), function (el) {
      return el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0;
    });
  }

  // When the panel covers the page it is modal: aria-modal, the page behind inert (out of reach of Tab and of
  // screen readers) and not scrolling. The desktop panel sits beside the article and stays non-modal.
  function applyModality() {
    var modal = !panel.hidden && covering.matches;
    panel.setAttribute('aria-modal', modal ? 'true' : 'false');
    document.documentElement.classList.toggle('chat-modal-open', modal);
    madeInert.forEach(function (el) { el.inert = false; });
    madeInert = [];
    if (!modal) return;
    Array.prototype.forEach.call(document.body.children, function (el) {
      if (el === panel || el.tagName === 'SCRIPT' || el.inert) return;
      el.inert = true;
      madeInert.push(el);
    });
    if (!panel.contains(document.activeElement)) (tabbables()[0] || closeButton).focus();
  }
  if (covering.addEventListener) covering.addEventListener('change', applyModality);

  function open(event) {
    var from = event && event.currentTarget;
    opener = from && from.focus ? from : launcher;
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    save({ open: true });
    applyModality();
    if (started) focusSendBox(); else start();
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    save({ open: false });
    applyModality();
    // Back to what opened the chat, if it is still on the page; otherwise the (now shown again) launcher.
    var back = opener && opener.isConnected && opener.getClientRects().length > 0 ? opener : launcher;
    back.focus();
  }

  launcher.addEventListener('click', open);
  closeButton.addEventListener('click', close);
  Array.prototype.forEach.call(document.querySelectorAll('[data-open-chat]'), function (button) {
    button.addEventListener('click', open);
  });
  panel.addEventListener('keydown', function (event) {
    // Escape closes from the header or the send box; elsewhere Web Chat uses it to move focus.
    var target = event.target;
    if (event.key === 'Escape' && !event.defaultPrevented && (target.closest('.chat-panel__header') || target.matches('input, textarea'))) close();
    // In the modal (phone) panel, Tab wraps around inside it instead of leaving for the browser's address bar.
    if (event.key === 'Tab' && !event.defaultPrevented && panel.getAttribute('aria-modal') === 'true') {
      var items = tabbables();
      if (!items.length) return;
      var first = items[0];
      var last = items[items.length - 1];
      if (event.shiftKey && target === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && target === last) { event.preventDefault(); first.focus(); }
    }
  });
  // Anything that still moves focus out of the modal panel (a script, a stale element) brings it back.
  document.addEventListener('focusin', function (event) {
    if (panel.getAttribute('aria-modal') === 'true' && !panel.contains(event.target)) (tabbables()[0] || closeButton).focus();
  });

  showConnection();
  if (load().open) open();
})();
