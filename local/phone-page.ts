import { createHash } from 'node:crypto';

// The local phone: one thread per participant number, like a phone's messaging app, seen from the
// participant's side (the program's texts on the left, the participant's own replies on the right).
// It polls GET /_local/sms and sends replies with POST /_local/sms/reply. Every piece of message data
// goes into the DOM through textContent, never as HTML, and a CSP pins the inline script and style.

const STYLE = `
:root { color-scheme: light dark; --bg: #f4f4f6; --panel: #fff; --text: #1c1c1e; --muted: #5b5b62;
  --in: #e5e5ea; --out: #0a66d8; --out-text: #fff; --line: #d1d1d6; --focus: #ff9f0a; --error: #b3261e; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #000; --panel: #1c1c1e; --text: #f2f2f7; --muted: #a1a1a8; --in: #2c2c2e; --out: #0a66d8;
    --line: #38383a; --error: #ff8a80; }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html, body { margin: 0; height: 100%; }
body { font: 16px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--text); }
.app { display: grid; grid-template-columns: minmax(15rem, 22rem) 1fr; height: 100vh; height: 100dvh; max-width: 64rem; margin: 0 auto; }
header.top { grid-column: 1 / -1; display: flex; align-items: baseline; gap: .75rem; padding: .6rem 1rem; border-bottom: 1px solid var(--line); background: var(--panel); }
header.top h1 { font-size: 1.1rem; margin: 0; }
.status { color: var(--muted); font-size: .85rem; margin-left: auto; }
.status.error { color: var(--error); }
.threads { overflow-y: auto; border-right: 1px solid var(--line); background: var(--panel); }
.threads ul { list-style: none; margin: 0; padding: 0; }
.threads button.thread { display: block; width: 100%; text-align: left; padding: .75rem 1rem; border: 0; border-bottom: 1px solid var(--line); background: none; color: inherit; font: inherit; cursor: pointer; }
.threads button.thread[aria-current="true"] { background: var(--in); }
.thread .number { font-weight: 600; display: block; }
.thread .preview { color: var(--muted); font-size: .9rem; display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.empty { color: var(--muted); padding: 1rem; }
.new-number { padding: .75rem 1rem; display: flex; gap: .5rem; flex-wrap: wrap; border-bottom: 1px solid var(--line); }
.new-number label { width: 100%; font-size: .85rem; color: var(--muted); }
.conversation { display: flex; flex-direction: column; min-height: 0; }
.conversation header { display: flex; align-items: center; gap: .5rem; padding: .6rem 1rem; border-bottom: 1px solid var(--line); background: var(--panel); }
.conversation h2 { font-size: 1rem; margin: 0; }
.back { display: none; }
ol.messages { list-style: none; margin: 0; padding: 1rem; overflow-y: auto; flex: 1; display: flex; flex-direction: column; gap: .4rem; }
.bubble { max-width: 80%; padding: .5rem .75rem; border-radius: 1.1rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.bubble.program { align-self: flex-start; background: var(--in); border-bottom-left-radius: .3rem; }
.bubble.participant { align-self: flex-end; background: var(--out); color: var(--out-text); border-bottom-right-radius: .3rem; }
/* The time under each text: in the bubble's own colours (a faded one falls below 4.5:1 on blue). */
.meta { display: block; font-size: .75rem; margin-top: .2rem; }
.bubble.program .meta { color: var(--muted); }
form.compose { display: flex; gap: .5rem; padding: .6rem 1rem; border-top: 1px solid var(--line); background: var(--panel); }
input[type="text"], input[type="tel"] { flex: 1; min-width: 0; font: inherit; padding: .5rem .75rem; border: 1px solid var(--line); border-radius: 1.2rem; background: var(--bg); color: inherit; }
button { font: inherit; }
.primary, .back, .new-number button { border: 0; border-radius: 1.2rem; padding: .5rem 1rem; background: var(--out); color: var(--out-text); cursor: pointer; }
.primary:disabled { opacity: .5; cursor: default; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 700px) {
  .app { grid-template-columns: 1fr; grid-template-rows: auto 1fr; }
  .app[data-view="list"] .conversation, .app[data-view="thread"] .threads { display: none; }
  .threads { border-right: 0; }
  .back { display: inline-block; }
}
`;

const SCRIPT = `
(function () {
  'use strict';
  var POLL_MS = 1500;
  var app = document.querySelector('.app');
  var list = document.getElementById('thread-list');
  var statusLine = document.getElementById('status');
  var title = document.getElementById('thread-title');
  var messagesEl = document.getElementById('messages');
  var compose = document.getElementById('compose');
  var input = document.getElementById('reply-text');
  var sendButton = document.getElementById('send');
  var announcer = document.getElementById('announcer');
  var server = [];
  var autoReplies = [];
  var extraNumbers = [];
  var selected = null;
  var lastSignature = '';

  function participantOf(m) { return m.direction === 'inbound' ? m.from : m.to; }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function formatTime(at) {
    var d = new Date(at);
    return isNaN(d.getTime()) ? String(at) : d.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  }

  // A TwiML reply shown from the POST answer is dropped once the server's list holds the same text.
  function pendingAutoReplies() {
    return autoReplies.filter(function (r) {
      return !server.some(function (m) {
        return m.direction !== 'inbound' && m.to === r.to && m.body === r.body && Date.parse(m.at) >= r.sentAt - 2000;
      });
    });
  }

  function threads() {
    var byNumber = {};
    var all = server.concat(pendingAutoReplies());
    all.forEach(function (m) {
      var number = participantOf(m);
      (byNumber[number] = byNumber[number] || []).push(m);
    });
    extraNumbers.forEach(function (n) { byNumber[n] = byNumber[n] || []; });
    Object.keys(byNumber).forEach(function (n) {
      byNumber[n].sort(function (a, b) { return Date.parse(a.at) - Date.parse(b.at); });
    });
    return byNumber;
  }

  function render() {
    var byNumber = threads();
    var numbers = Object.keys(byNumber).sort(function (a, b) {
      var la = byNumber[a][byNumber[a].length - 1], lb = byNumber[b][byNumber[b].length - 1];
      return (lb ? Date.parse(lb.at) : Infinity) - (la ? Date.parse(la.at) : Infinity);
    });
    if (selected === null && numbers.length > 0 && !matchMedia('(max-width: 700px)').matches) selected = numbers[0];

    list.replaceChildren();
    if (numbers.length === 0) list.append(el('li', 'empty', 'No messages yet. Enroll with a mobile number and they appear here.'));
    numbers.forEach(function (number) {
      var thread = byNumber[number];
      var last = thread[thread.length - 1];
      var li = el('li');
      var button = el('button', 'thread');
      button.type = 'button';
      button.setAttribute('aria-current', number === selected ? 'true' : 'false');
      button.append(el('span', 'number', number), el('span', 'preview', last ? last.body : 'No messages yet'));
      button.addEventListener('click', function () { select(number); });
      li.append(button);
      list.append(li);
    });

    var thread = selected !== null ? byNumber[selected] || [] : null;
    title.textContent = selected === null ? 'Choose a conversation' : selected;
    compose.hidden = selected === null;
    var stick = messagesEl.scrollHeight - messagesEl.scrollTop - messagesEl.clientHeight < 40;
    messagesEl.replaceChildren();
    (thread || []).forEach(function (m) {
      var mine = m.direction === 'inbound';
      var item = el('li', 'bubble ' + (mine ? 'participant' : 'program'));
      item.append(el('span', 'visually-hidden', mine ? 'You: ' : 'Kintsugi: '));
      item.append(document.createTextNode(m.body));
      item.append(el('span', 'meta', formatTime(m.at) + (m.autoReply ? ' · reply' : '')));
      messagesEl.append(item);
    });
    if (stick) messagesEl.scrollTop = messagesEl.scrollHeight;
  }

  function select(number) {
    selected = number;
    app.setAttribute('data-view', 'thread');
    if (location.hash !== '#' + encodeURIComponent(number)) history.replaceState(null, '', '#' + encodeURIComponent(number));
    render();
    input.focus();
  }

  function poll() {
    fetch('/_local/sms', { headers: { accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('GET /_local/sms answered ' + response.status);
        return response.json();
      })
      .then(function (messages) {
        statusLine.textContent = 'Live';
        statusLine.classList.remove('error');
        var signature = messages.length + ':' + (messages.length ? messages[messages.length - 1].sid : '');
        if (signature === lastSignature) return;
        var before = server.length;
        lastSignature = signature;
        server = Array.isArray(messages) ? messages : [];
        if (before > 0 && server.length > before) {
          var newest = server[server.length - 1];
          announcer.textContent = 'New message ' + (newest.direction === 'inbound' ? 'from you to ' : 'from Kintsugi to ') + participantOf(newest);
        }
        render();
      })
      .catch(function (error) {
        statusLine.textContent = 'Cannot reach the local server (' + error.message + '); retrying';
        statusLine.classList.add('error');
      })
      .finally(function () { setTimeout(poll, POLL_MS); });
  }

  compose.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = input.value.trim();
    if (!body || selected === null) return;
    var from = selected;
    var sentAt = Date.now();
    sendButton.disabled = true;
    fetch('/_local/sms/reply', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ from: from, body: body })
    })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          if (!response.ok) throw new Error((answer && answer.error && answer.error.message) || 'the server answered ' + response.status);
          return answer;
        });
      })
      .then(function (answer) {
        input.value = '';
        if (answer && typeof answer.reply === 'string' && answer.reply) {
          autoReplies.push({ sid: 'reply-' + sentAt, to: from, from: '', body: answer.reply, at: new Date().toISOString(), direction: 'outbound', autoReply: true, sentAt: sentAt });
          announcer.textContent = 'Reply from Kintsugi: ' + answer.reply;
        }
        lastSignature = '';
        render();
      })
      .catch(function (error) {
        statusLine.textContent = 'Could not send: ' + error.message;
        statusLine.classList.add('error');
      })
      .finally(function () { sendButton.disabled = false; input.focus(); });
  });

  document.getElementById('back').addEventListener('click', function () {
    app.setAttribute('data-view', 'list');
    history.replaceState(null, '', location.pathname);
  });

  document.getElementById('new-number-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var field = document.getElementById('new-number');
    var number = field.value.replace(/[\\s().-]/g, '');
    if (!/^\\+[1-9][0-9]{1,14}$/.test(number)) {
      field.setCustomValidity('Use the international format, e.g. +15551234567');
      field.reportValidity();
      return;
    }
    field.setCustomValidity('');
    field.value = '';
    if (extraNumbers.indexOf(number) < 0) extraNumbers.push(number);
    select(number);
  });
  document.getElementById('new-number').addEventListener('input', function (event) { event.target.setCustomValidity(''); });

  if (location.hash.length > 1) {
    var fromHash = decodeURIComponent(location.hash.slice(1));
    extraNumbers.push(fromHash);
    select(fromHash);
  }
  render();
  poll();
})();
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const CSP = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>Phone · Kintsugi local</title>
<style>${STYLE}</style>
</head>
<body>
<div class="app" data-view="list">
  <header class="top">
    <h1>Phone</h1>
    <p id="status" class="status" role="status">Connecting…</p>
  </header>
  <nav class="threads" aria-label="Conversations">
    <form id="new-number-form" class="new-number">
      <label for="new-number">Text the program from another number</label>
      <input id="new-number" type="tel" inputmode="tel" autocomplete="off" placeholder="+15551234567">
      <button type="submit">Open</button>
    </form>
    <ul id="thread-list"></ul>
  </nav>
  <main class="conversation" aria-labelledby="thread-title">
    <header>
      <button id="back" class="back" type="button">Back</button>
      <h2 id="thread-title">Choose a conversation</h2>
    </header>
    <ol id="messages" class="messages" aria-label="Messages" tabindex="0"></ol>
    <form id="compose" class="compose" hidden>
      <label for="reply-text" class="visually-hidden">Reply as this participant</label>
      <input id="reply-text" type="text" autocomplete="off" maxlength="1600" placeholder="Text message" required>
      <button id="send" class="primary" type="submit">Send</button>
    </form>
  </main>
  <p id="announcer" class="visually-hidden" aria-live="polite"></p>
</div>
<script>${SCRIPT}</script>
</body>
</html>
`;

/** The local phone page: every participant's SMS thread, with a box to reply as that participant. */
export function renderPhonePage(): string {
  return PAGE;
}
