import type { Texts } from '../../texts';
import { escapeHtml, FILL_IN_SCRIPT } from './pageTexts';
import { pageShell } from './pageShell';

/**
 * `GET /recordings/watch?t=…`: plays one recording through the short-lived read-only SAS the
 * server issues for this view, lists its fragments beside the player (a click jumps there) and,
 * for those who may, marks new fragments to the second.
 *
 * The watch link is single-use on the server, so the page asks for the view exactly once.
 * Self-contained and free of backticks and `${` in the script (see uploadPage.ts); data is only
 * ever inserted with textContent. The script's words come from the page's JSON block
 * (`texts.pages.player`).
 */
const SCRIPT = `
(function () {
  'use strict';
  var el = function (id) { return document.getElementById(id); };
  var titleEl = el('title');
  var layout = el('layout');
  var video = el('video');
  var list = el('fragments');
  var emptyEl = el('no-fragments');
  var messageEl = el('message');
  var markSection = el('mark');
  var markForm = el('mark-form');
  var startInput = el('start');
  var endInput = el('end');
  var noteInput = el('note');
  var aspectSelect = el('aspect');
  var saveButton = el('save');
  var markMessage = el('mark-message');
  var words = JSON.parse(document.getElementById('page-texts').textContent);
${FILL_IN_SCRIPT}

  var auth = window.svibAuth;
  var fragments = [];
  var aspectTitles = new Map();
  var sessionToken = '';
  // A colleague shown chosen fragments only gets one clip per fragment, never the recording.
  var clipMode = false;
  var currentClip = null;

  function show(target, text, kind) {
    target.textContent = text;
    target.className = 'message' + (kind ? ' ' + kind : '');
    target.hidden = !text;
  }
  function pad(n) { return String(n).padStart(2, '0'); }
  function formatTime(seconds) {
    var s = Math.max(0, Math.floor(Number(seconds) || 0));
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    return (h > 0 ? h + ':' + pad(m) : pad(m)) + ':' + pad(s % 60);
  }
  function fragmentLabel(f) {
    var parts = [formatTime(f.startSecond) + '\\u2013' + formatTime(f.endSecond)];
    var aspect = aspectTitles.get(f.aspect) || f.aspect;
    if (aspect) parts.push(aspect);
    if (f.note) parts.push(f.note);
    return parts.join(' \\u00b7 ');
  }

  function renderFragments() {
    list.replaceChildren();
    fragments.sort(function (a, b) { return a.startSecond - b.startSecond || a.endSecond - b.endSecond; });
    fragments.forEach(function (f) {
      var item = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'fragment';
      button.textContent = fragmentLabel(f);
      button.dataset.start = String(f.startSecond);
      button.dataset.end = String(f.endSecond);
      button.addEventListener('click', function () { if (clipMode) playClip(f); else jumpTo(f.startSecond); });
      item.appendChild(button);
      list.appendChild(item);
    });
    emptyEl.hidden = fragments.length > 0;
    highlight();
  }

  function playClip(f, autoplay) {
    currentClip = f;
    video.src = f.clipUrl;
    highlight();
    if (autoplay === false) return;
    var playing = video.play();
    if (playing && playing.catch) playing.catch(function () { /* autoplay refused: the user presses play */ });
  }

  function jumpTo(second) {
    video.currentTime = Number(second) || 0;
    var playing = video.play();
    if (playing && playing.catch) playing.catch(function () { /* autoplay refused: the user presses play */ });
  }

  // The fragment that is playing now stands out in the list.
  function highlight() {
    var now = video.currentTime;
    var buttons = list.querySelectorAll('button.fragment');
    for (var i = 0; i < buttons.length; i++) {
      var active = clipMode
        ? currentClip !== null && buttons[i].dataset.start === String(currentClip.startSecond) && buttons[i].dataset.end === String(currentClip.endSecond)
        : now >= Number(buttons[i].dataset.start) && now < Number(buttons[i].dataset.end);
      buttons[i].classList.toggle('active', active);
      if (active) buttons[i].setAttribute('aria-current', 'true'); else buttons[i].removeAttribute('aria-current');
    }
  }
  video.addEventListener('timeupdate', highlight);
  video.addEventListener('error', function () {
    show(messageEl, words.cannotPlay, 'error');
  });

  el('set-start').addEventListener('click', function () { startInput.value = String(Math.floor(video.currentTime)); });
  el('set-end').addEventListener('click', function () { endInput.value = String(Math.floor(video.currentTime)); });

  markForm.addEventListener('submit', async function (event) {
    event.preventDefault();
    show(markMessage, '', '');
    var start = Number(startInput.value);
    var end = Number(endInput.value);
    if (startInput.value === '' || endInput.value === '' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0) {
      show(markMessage, words.wholeSeconds, 'error');
      return;
    }
    if (end <= start) { show(markMessage, words.endBeforeStart, 'error'); return; }
    if (isFinite(video.duration) && video.duration > 0 && end > Math.ceil(video.duration)) {
      show(markMessage, words.endAfterRecording, 'error');
      return;
    }
    if (!aspectSelect.value) { show(markMessage, words.chooseAspect, 'error'); return; }
    saveButton.disabled = true;
    try {
      var response = await fetch('/api/recordings/fragments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        cache: 'no-store',
        body: JSON.stringify({ sessionToken: sessionToken, startSecond: start, endSecond: end, note: noteInput.value.trim(), aspect: aspectSelect.value }),
      });
      var data = {};
      try { data = (await response.json()) || {}; } catch (e) { data = {}; }
      if (response.ok && data.fragment) {
        fragments.push(data.fragment);
        renderFragments();
        noteInput.value = '';
        startInput.value = '';
        endInput.value = '';
        show(markMessage, fillIn(words.fragmentSaved, { start: formatTime(data.fragment.startSecond), end: formatTime(data.fragment.endSecond) }), 'ok');
      } else {
        show(markMessage, typeof data.message === 'string' ? data.message : words.fragmentNotSaved, 'error');
      }
    } catch (e) {
      show(markMessage, words.connectionLost, 'error');
    } finally {
      saveButton.disabled = false;
    }
  });

  async function load() {
    var recordingId = auth.param('r');
    if (!auth.linkToken && !recordingId) { show(messageEl, words.incompleteLink, 'error'); return; }
    var headers;
    try {
      headers = await auth.headers();
    } catch (e) {
      show(messageEl, words.signInFailed, 'error');
      return;
    }
    var response;
    var data = {};
    try {
      response = await fetch('/api/recordings/view', {
        method: 'POST',
        headers: Object.assign({ 'Content-Type': 'application/json' }, headers),
        credentials: 'same-origin',
        cache: 'no-store',
        body: JSON.stringify(auth.linkToken ? { t: auth.linkToken } : { recordingId: recordingId }),
      });
      try { data = (await response.json()) || {}; } catch (e) { data = {}; }
    } catch (e) {
      show(messageEl, words.unreachable, 'error');
      return;
    }
    clipMode = data.fragmentsOnly === true && Array.isArray(data.fragments) && data.fragments.length > 0 &&
      data.fragments.every(function (f) { return typeof f.clipUrl === 'string'; });
    if (!response.ok || (typeof data.videoUrl !== 'string' && !clipMode)) {
      show(messageEl, typeof data.message === 'string' ? data.message : words.cannotOpen, 'error');
      return;
    }
    if (typeof data.title === 'string' && data.title) { titleEl.textContent = data.title; document.title = data.title; }
    if (typeof data.context === 'string' && data.context) { el('context').textContent = data.context; el('context').hidden = false; }
    sessionToken = typeof data.sessionToken === 'string' ? data.sessionToken : '';
    (Array.isArray(data.aspects) ? data.aspects : []).forEach(function (a) {
      aspectTitles.set(String(a.value), String(a.title));
      var option = document.createElement('option');
      option.value = String(a.value);
      option.textContent = String(a.title);
      aspectSelect.appendChild(option);
    });
    fragments = Array.isArray(data.fragments) ? data.fragments.slice() : [];
    renderFragments();
    markSection.hidden = data.canMark !== true || clipMode;
    if (typeof data.notice === 'string' && data.notice) show(messageEl, data.notice, 'info');
    layout.hidden = false;
    if (clipMode) playClip(fragments[0], false); else video.src = data.videoUrl;
  }
  load();
})();
`;

/** The player page in the language of `texts`. */
export function playerPageHtml(texts: Texts): string {
  const words = texts.pages.player;
  const text = (key: keyof typeof words): string => escapeHtml(words[key]);
  return pageShell({
    texts,
    title: words.title,
    words,
    script: SCRIPT,
    style: `
  .layout { display: grid; grid-template-columns: minmax(0, 2fr) minmax(260px, 1fr); gap: 16px; align-items: start; }
  @media (max-width: 800px) { .layout { grid-template-columns: 1fr; } }
  video { width: 100%; max-height: 70vh; background: #000; border-radius: 8px; display: block; }
  .side { display: flex; flex-direction: column; gap: 16px; }
  #fragments { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
  button.fragment { width: 100%; text-align: left; font-weight: 400; font-variant-numeric: tabular-nums;
    white-space: normal; overflow-wrap: anywhere; }
  button.fragment.active { border-color: var(--accent); background: #e8ebfa; }
  .times { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
  .times input { width: 100%; }
  .time-field { display: flex; flex-direction: column; gap: 4px; }
  .time-field button { padding: 4px 8px; font-weight: 400; }
  #note, #aspect { width: 100%; }
`,
    main: `
  <h1 id="title">${text('title')}</h1>
  <p id="context" class="context" hidden></p>
  <div id="message" class="message" role="alert" hidden></div>
  <div id="layout" class="layout" hidden>
    <div><video id="video" controls preload="metadata" playsinline></video></div>
    <div class="side">
      <section class="card" aria-labelledby="fragments-title">
        <h2 id="fragments-title">${text('fragmentsTitle')}</h2>
        <p id="no-fragments" class="muted">${text('noFragments')}</p>
        <ul id="fragments"></ul>
      </section>
      <section id="mark" class="card" aria-labelledby="mark-title" hidden>
        <h2 id="mark-title">${text('markTitle')}</h2>
        <form id="mark-form" novalidate>
          <div class="times field">
            <div class="time-field">
              <label for="start">${text('startLabel')}</label>
              <input id="start" type="number" min="0" step="1" inputmode="numeric">
              <button id="set-start" type="button">${text('setStart')}</button>
            </div>
            <div class="time-field">
              <label for="end">${text('endLabel')}</label>
              <input id="end" type="number" min="0" step="1" inputmode="numeric">
              <button id="set-end" type="button">${text('setEnd')}</button>
            </div>
          </div>
          <div class="field">
            <label for="note">${text('noteLabel')}</label>
            <input id="note" type="text" maxlength="200" autocomplete="off">
          </div>
          <div class="field">
            <label for="aspect">${text('aspectLabel')}</label>
            <select id="aspect"><option value="">${text('chooseAspectOption')}</option></select>
          </div>
          <button id="save" class="primary" type="submit">${text('save')}</button>
          <div id="mark-message" class="message" role="status" aria-live="polite" hidden></div>
        </form>
      </section>
    </div>
  </div>
`,
  });
}
