import type { Texts } from '../../texts';
import { escapeHtml, FILL_IN_SCRIPT } from './pageTexts';
import { pageShell } from './pageShell';

/**
 * `GET /recordings/upload?t=…`: the browser sends the chosen video straight to Blob Storage in
 * 4 MiB blocks through the write-only SAS the server hands out, resumes after a dropped
 * connection (blocks already there are skipped), commits the block list and then asks the
 * server to register the recording.
 *
 * Resume after a reload or a closed browser: the upload in progress (SAS, register token, the
 * file's name, size and lastModified, block size, start time and when the SAS ends; never the
 * page token) is kept in localStorage, keyed by the link's claims and the file. Choosing the same
 * file again while the SAS lives continues that upload; which blocks already arrived the bot tells
 * (`/api/recordings/upload-progress`), as the write-only SAS cannot read the block list.
 *
 * Those secrets stay only as long as a resume needs them: an entry is removed once registered
 * or refused, and on every page load once its SAS has ended (its life is the school's upload
 * window, see uploadWindow.ts), since after that it could not write anything anyway.
 *
 * Self-contained (inline CSS and script, nothing loaded from elsewhere) so that a strict
 * Content-Security-Policy with hashes can cover it. The inline script uses no backticks and no
 * `${`, as it lives in this template string; data is only ever inserted with textContent. Its
 * words come from the page's JSON block (`texts.pages.upload`), so the script is the same in
 * every language and so is its hash.
 */
const SCRIPT = `
(function () {
  'use strict';
  var BLOCK_SIZE = 4 * 1024 * 1024;
  var MAX_TRIES = 5;
  var PARALLEL = 3;
  var SESSION_MAX_AGE_MS = 5 * 60 * 1000;
  // A resume needs a minute or two of SAS life left; an entry closer to its end is dropped.
  var RESUME_MARGIN_MS = 2 * 60 * 1000;
  var STORE_PREFIX = 'svib-upload:';
  var API_VERSION = '2021-12-02';
  var words = JSON.parse(document.getElementById('page-texts').textContent);
${FILL_IN_SCRIPT}

  var el = function (id) { return document.getElementById(id); };
  var titleEl = el('title');
  var form = el('upload-form');
  var fileInput = el('file');
  var uploadButton = el('upload');
  var retryButton = el('retry');
  var progressBox = el('progress-box');
  var progress = el('progress');
  var percent = el('percent');
  var statusEl = el('status');
  var messageEl = el('message');
  var resumeHint = el('resume-hint');
  var probe = el('probe');

  var auth = window.svibAuth;
  var token = auth.linkToken;
  // Inside Teams the page names its trajectory and cycle; who asks comes from Teams SSO.
  var teamsTarget = auth.teams && auth.param('trajectory') && auth.param('cycle')
    ? { trajectoryId: auth.param('trajectory'), cycle: Number(auth.param('cycle')) }
    : null;
  var scope = token ? linkScope(token) : teamsTarget ? 'teams|' + teamsTarget.trajectoryId + '|' + teamsTarget.cycle : null;
  var session = null;
  var sessionFetchedAt = 0;
  var job = null;
  var busy = false;

  function showMessage(text, kind) {
    messageEl.textContent = text;
    messageEl.className = 'message' + (kind ? ' ' + kind : '');
    messageEl.hidden = !text;
  }
  function setStatus(text) { statusEl.textContent = text; }
  function setProgress(done, total) {
    var value = total > 0 ? Math.floor((done / total) * 100) : 0;
    progress.value = value;
    percent.textContent = value + '%';
  }
  function sleep(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }
  function formatSize(bytes) {
    if (bytes >= 1024 * 1024 * 1024) return (bytes / (1024 * 1024 * 1024)).toFixed(1).replace('.', ',') + ' GB';
    return Math.max(1, Math.round(bytes / (1024 * 1024))) + ' MB';
  }
  function blockId(index) {
    // Fixed width, so all ids in the blob have the same length, as Blob Storage requires.
    return btoa('block-' + String(index + 1).padStart(6, '0'));
  }
  function blockLength(index, blockSize, fileSize) { return Math.min(blockSize, fileSize - index * blockSize); }
  function withQuery(url, query) { return url + (url.indexOf('?') >= 0 ? '&' : '?') + query; }

  // What the link is for (trajectory, cycle, person), read from its claims, which are not secret.
  // An interrupted upload is kept under this, never under the token itself.
  function linkScope(value) {
    try {
      var part = value.split('.')[0].replace(/-/g, '+').replace(/_/g, '/');
      while (part.length % 4) part += '=';
      var bytes = Uint8Array.from(atob(part), function (c) { return c.charCodeAt(0); });
      var claims = JSON.parse(new TextDecoder().decode(bytes));
      return typeof claims.s === 'string' && typeof claims.u === 'string' ? claims.s + '|' + claims.u : null;
    } catch (e) {
      return null;
    }
  }

  // The interrupted upload of one file for this link, in localStorage (a closed tab loses nothing).
  function store() {
    try { return window.localStorage || null; } catch (e) { return null; }
  }
  function uploadKey(file) {
    return scope ? STORE_PREFIX + JSON.stringify([scope, file.name, file.size, file.lastModified]) : null;
  }
  function saveUpload(key, entry) {
    var s = store();
    if (!s || !key) return;
    try { s.setItem(key, JSON.stringify(entry)); } catch (e) { /* Full or refused: no resume after a reload then. */ }
  }
  function forgetUpload(key) {
    var s = store();
    if (!s || !key) return;
    try { s.removeItem(key); } catch (e) { /* nothing to do */ }
  }
  function usableEntry(entry) {
    return !!entry && typeof entry.uploadUrl === 'string' && typeof entry.registerToken === 'string' &&
      typeof entry.fileName === 'string' && typeof entry.fileSize === 'number' && typeof entry.lastModified === 'number' &&
      typeof entry.blockSize === 'number' && entry.blockSize > 0 && typeof entry.startedAt === 'number' &&
      typeof entry.endsAt === 'number' && Date.now() < entry.endsAt - RESUME_MARGIN_MS &&
      entry.startedAt <= Date.now() + 60 * 1000;
  }
  // Interrupted uploads of this link, newest first; outdated ones (of any link) are removed.
  function storedUploads() {
    var s = store();
    var found = [];
    if (!s) return found;
    try {
      var keys = [];
      for (var i = 0; i < s.length; i++) {
        var key = s.key(i);
        if (key && key.indexOf(STORE_PREFIX) === 0) keys.push(key);
      }
      keys.forEach(function (key) {
        var entry = null;
        var keyScope = null;
        try {
          entry = JSON.parse(s.getItem(key) || 'null');
          keyScope = JSON.parse(key.slice(STORE_PREFIX.length))[0];
        } catch (e) {
          entry = null;
        }
        if (!usableEntry(entry)) { s.removeItem(key); return; }
        if (scope && keyScope === scope) found.push({ key: key, entry: entry });
      });
    } catch (e) {
      return found;
    }
    return found.sort(function (a, b) { return b.entry.startedAt - a.entry.startedAt; });
  }

  async function postJson(path, body) {
    var extra = {};
    try {
      extra = await auth.headers();
    } catch (e) {
      return { ok: false, status: 401, data: { message: words.signInFailed } };
    }
    var response = await fetch(path, {
      method: 'POST',
      headers: Object.assign({ 'Content-Type': 'application/json' }, extra),
      body: JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    var data = {};
    try { data = await response.json(); } catch (e) { data = {}; }
    return { ok: response.ok, status: response.status, data: data || {} };
  }

  async function loadSession() {
    var result = await postJson('/api/recordings/upload-session', token ? { t: token } : teamsTarget);
    if (!result.ok || typeof result.data.uploadUrl !== 'string') {
      throw new Error(typeof result.data.message === 'string' ? result.data.message : words.cannotAdd);
    }
    session = result.data;
    sessionFetchedAt = Date.now();
    if (typeof session.title === 'string' && session.title) {
      titleEl.textContent = session.title;
      document.title = session.title;
    }
    if (typeof session.context === 'string' && session.context) {
      el('context').textContent = session.context;
      el('context').hidden = false;
    }
  }

  // The duration, when the browser can read it from the file (a MediaRecorder webm has none).
  function readDuration(file) {
    return new Promise(function (resolve) {
      var url = URL.createObjectURL(file);
      var done = function (value) {
        probe.removeAttribute('src');
        probe.load();
        URL.revokeObjectURL(url);
        resolve(value);
      };
      var timer = setTimeout(function () { done(undefined); }, 5000);
      probe.onloadedmetadata = function () {
        clearTimeout(timer);
        var d = probe.duration;
        done(isFinite(d) && d > 0 ? Math.round(d) : undefined);
      };
      probe.onerror = function () { clearTimeout(timer); done(undefined); };
      probe.src = url;
    });
  }

  // Blocks an earlier, interrupted attempt already left in the blob (name and size). The bot reads
  // them: the write-only SAS cannot. refused: the register token no longer counts.
  async function uploadedBlocks(registerToken) {
    var found = new Map();
    try {
      var result = await postJson('/api/recordings/upload-progress', { registerToken: registerToken });
      if (result.status === 403) return { refused: true, blocks: found };
      if (result.ok && Array.isArray(result.data.blocks)) {
        result.data.blocks.forEach(function (block) {
          if (block && typeof block.name === 'string' && typeof block.size === 'number') found.set(block.name, block.size);
        });
      }
    } catch (e) {
      // Not reachable now: upload every block that this page has not sent itself.
    }
    return { refused: false, blocks: found };
  }

  async function putBlock(uploadUrl, id, blob) {
    var lastError = null;
    for (var attempt = 0; attempt < MAX_TRIES; attempt++) {
      if (attempt > 0) await sleep(Math.min(16000, 1000 * Math.pow(2, attempt - 1)));
      try {
        var response = await fetch(withQuery(uploadUrl, 'comp=block&blockid=' + encodeURIComponent(id)), {
          method: 'PUT',
          headers: { 'x-ms-version': API_VERSION },
          body: blob,
        });
        if (response.ok) return;
        lastError = new Error('HTTP ' + response.status);
        // The SAS is refused or expired: trying again will not help.
        if (response.status === 403 || response.status === 401) { lastError.refused = true; break; }
      } catch (e) {
        lastError = e;
      }
    }
    throw lastError || new Error('upload failed');
  }

  async function commit(uploadUrl, ids, contentType) {
    var body = '<?xml version="1.0" encoding="utf-8"?><BlockList>' +
      ids.map(function (id) { return '<Latest>' + id + '</Latest>'; }).join('') + '</BlockList>';
    var lastError = null;
    for (var attempt = 0; attempt < MAX_TRIES; attempt++) {
      if (attempt > 0) await sleep(1000 * Math.pow(2, attempt - 1));
      try {
        var response = await fetch(withQuery(uploadUrl, 'comp=blocklist'), {
          method: 'PUT',
          headers: { 'x-ms-version': API_VERSION, 'x-ms-blob-content-type': contentType, 'Content-Type': 'application/xml' },
          body: body,
        });
        if (response.ok) return;
        lastError = new Error('HTTP ' + response.status);
        if (response.status === 403 || response.status === 401) break;
      } catch (e) {
        lastError = e;
      }
    }
    throw lastError || new Error('commit failed');
  }

  function stopped(text) {
    busy = false;
    setStatus(text);
    retryButton.hidden = false;
    retryButton.disabled = false;
    uploadButton.disabled = false;
    fileInput.disabled = false;
  }

  // An upload that can no longer be finished (its links expired): forget it; the next try starts anew.
  function givenUp(text) {
    forgetUpload(job.key);
    job = null;
    busy = false;
    setStatus('');
    progressBox.hidden = true;
    retryButton.hidden = true;
    showMessage(text, 'error');
    uploadButton.disabled = false;
    fileInput.disabled = false;
    window.removeEventListener('beforeunload', warnBeforeLeaving);
  }

  async function run() {
    if (busy || !job) return;
    busy = true;
    retryButton.hidden = true;
    uploadButton.disabled = true;
    fileInput.disabled = true;
    showMessage('', '');
    var file = job.file;
    var blockSize = job.blockSize;
    var uploadingText = job.resumed ? words.resuming : words.uploading;

    if (job.phase === 'upload') {
      var remaining = [];
      if (!job.checkedServer) {
        setStatus(job.resumed ? uploadingText : words.checking);
        var already = await uploadedBlocks(job.registerToken);
        if (already.refused) {
          return givenUp(words.cannotContinue);
        }
        job.ids.forEach(function (id, index) {
          // Only a block of exactly the expected size counts as there.
          if (already.blocks.get(id) === blockLength(index, blockSize, file.size)) job.sent[index] = true;
        });
        job.checkedServer = true;
      }
      job.ids.forEach(function (_id, index) { if (!job.sent[index]) remaining.push(index); });
      var sentBytes = function () {
        var total = 0;
        job.sent.forEach(function (isSent, index) { if (isSent) total += blockLength(index, blockSize, file.size); });
        return total;
      };
      setProgress(sentBytes(), file.size);
      setStatus(uploadingText);
      var failed = null;
      var next = 0;
      var worker = async function () {
        while (!failed && next < remaining.length) {
          var index = remaining[next++];
          var start = index * blockSize;
          try {
            await putBlock(job.uploadUrl, job.ids[index], file.slice(start, Math.min(file.size, start + blockSize)));
            job.sent[index] = true;
            setProgress(sentBytes(), file.size);
          } catch (e) {
            failed = failed || e;
          }
        }
      };
      var workers = [];
      for (var w = 0; w < PARALLEL; w++) workers.push(worker());
      await Promise.all(workers);
      if (failed) {
        if (failed.refused && job.resumed) {
          return givenUp(words.cannotContinue);
        }
        return stopped(words.stopped);
      }
      job.phase = 'commit';
    }

    if (job.phase === 'commit') {
      setStatus(words.finishing);
      try {
        await commit(job.uploadUrl, job.ids, file.type || 'application/octet-stream');
      } catch (e) {
        return stopped(words.finishFailed);
      }
      setProgress(1, 1);
      job.phase = 'register';
      // After a reload, only the registration is left to do.
      job.entry.committed = true;
      saveUpload(job.key, job.entry);
    }

    if (job.phase === 'register') {
      setStatus(words.registering);
      var durationSeconds = await job.duration;
      var body = { registerToken: job.registerToken };
      if (typeof durationSeconds === 'number') body.durationSeconds = durationSeconds;
      var result;
      try {
        result = await postJson('/api/recordings/register', body);
      } catch (e) {
        return stopped(words.connectionLost);
      }
      busy = false;
      var text = typeof result.data.message === 'string' ? result.data.message : '';
      // Registered, or refused and the blob removed: either way there is nothing left to resume.
      forgetUpload(job.key);
      if (result.ok) {
        job = null;
        setStatus(words.done);
        showMessage(text || words.saved, 'ok');
        form.hidden = true;
        window.removeEventListener('beforeunload', warnBeforeLeaving);
      } else {
        // Refused (not a video, too large, …): a new attempt needs another file.
        job = null;
        setStatus('');
        progressBox.hidden = true;
        showMessage(text || words.notSaved, 'error');
        uploadButton.disabled = false;
        fileInput.disabled = false;
      }
    }
  }

  function warnBeforeLeaving(event) {
    if (busy) { event.preventDefault(); event.returnValue = ''; }
  }

  function start(file, key, entry, resumed) {
    var count = Math.ceil(file.size / entry.blockSize);
    var ids = [];
    for (var i = 0; i < count; i++) ids.push(blockId(i));
    job = {
      file: file,
      key: key,
      entry: entry,
      uploadUrl: entry.uploadUrl,
      registerToken: entry.registerToken,
      blockSize: entry.blockSize,
      ids: ids,
      sent: ids.map(function () { return false; }),
      // A new blob has no blocks yet; a resumed one asks the bot first.
      checkedServer: !resumed,
      resumed: resumed,
      phase: resumed && entry.committed === true ? 'register' : 'upload',
      duration: readDuration(file),
    };
    progressBox.hidden = false;
    setProgress(job.phase === 'register' ? 1 : 0, job.phase === 'register' ? 1 : file.size);
    if (resumed) setStatus(words.resuming);
    window.addEventListener('beforeunload', warnBeforeLeaving);
    run();
  }

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    if (busy) return;
    var file = fileInput.files && fileInput.files[0];
    if (!file) { showMessage(words.chooseFile, 'error'); return; }
    if (file.type && file.type.indexOf('video/') !== 0) { showMessage(words.notAVideo, 'error'); return; }
    if (file.size === 0) { showMessage(words.emptyFile, 'error'); return; }
    uploadButton.disabled = true;

    // The same file as an interrupted upload of this link: continue that one. Any other file
    // starts anew, and the interrupted upload is given up.
    var key = uploadKey(file);
    var resume = null;
    storedUploads().forEach(function (item) {
      var entry = item.entry;
      var same = item.key === key && entry.fileName === file.name && entry.fileSize === file.size && entry.lastModified === file.lastModified;
      if (same && !resume) resume = item;
      else forgetUpload(item.key);
    });
    resumeHint.hidden = true;
    if (resume) {
      showMessage('', '');
      start(file, key, resume.entry, true);
      return;
    }

    if (!session || Date.now() - sessionFetchedAt > SESSION_MAX_AGE_MS) {
      try {
        setStatus(words.wait);
        await loadSession();
      } catch (e) {
        uploadButton.disabled = false;
        setStatus('');
        showMessage(e.message, 'error');
        return;
      }
    }
    if (typeof session.maxBytes === 'number' && file.size > session.maxBytes) {
      uploadButton.disabled = false;
      setStatus('');
      showMessage(fillIn(words.tooLarge, { size: formatSize(file.size), max: formatSize(session.maxBytes) }), 'error');
      return;
    }
    var entry = {
      uploadUrl: session.uploadUrl,
      registerToken: session.registerToken,
      fileName: file.name,
      fileSize: file.size,
      lastModified: file.lastModified,
      blockSize: BLOCK_SIZE,
      // When the SAS was issued (its lifetime counts from then), at most minutes before the start.
      startedAt: sessionFetchedAt,
      // When it ends: the secrets are kept no longer than that.
      endsAt: sessionFetchedAt + (typeof session.uploadSeconds === 'number' ? session.uploadSeconds : 15 * 60) * 1000,
    };
    // One SAS is for exactly one blob: the next file needs a new upload session.
    session = null;
    saveUpload(key, entry);
    start(file, key, entry, false);
  });

  retryButton.addEventListener('click', function () {
    if (job) { job.checkedServer = false; run(); }
  });
  // Back online after a dropped connection: continue by itself.
  window.addEventListener('online', function () {
    if (job && !busy && !retryButton.hidden) { job.checkedServer = false; run(); }
  });

  if (!token && !teamsTarget) {
    form.hidden = true;
    showMessage(words.incompleteLink, 'error');
    return;
  }
  var interrupted = storedUploads()[0];
  if (interrupted) {
    resumeHint.textContent = fillIn(words.resumeHint, { fileName: interrupted.entry.fileName });
    resumeHint.hidden = false;
  }
  loadSession().then(function () {
    uploadButton.disabled = false;
  }, function (e) {
    // The page link may have expired while the interrupted upload's own links still hold.
    if (interrupted) { uploadButton.disabled = false; return; }
    form.hidden = true;
    showMessage(e.message, 'error');
  });
})();
`;

/** The upload page in the language of `texts`. */
export function uploadPageHtml(texts: Texts): string {
  const words = texts.pages.upload;
  const text = (key: keyof typeof words): string => escapeHtml(words[key]);
  return pageShell({
    texts,
    title: words.title,
    words,
    script: SCRIPT,
    style: `
  .upload { max-width: 560px; }
  .progress-line { display: flex; align-items: center; gap: 8px; }
  .progress-line progress { flex: 1; }
  #percent { min-width: 3.5em; text-align: right; font-variant-numeric: tabular-nums; }
  #status { margin: 8px 0 0; min-height: 1.5em; }
`,
    main: `
  <div class="card upload">
    <h1 id="title">${text('title')}</h1>
    <p id="context" class="context" hidden></p>
    <form id="upload-form" novalidate>
      <div class="field">
        <label for="file">${text('fileLabel')}</label>
        <input id="file" name="file" type="file" accept="video/*">
        <span class="muted">${text('fileHint')}</span>
      </div>
      <p id="resume-hint" class="message" role="status" hidden></p>
      <div class="row">
        <button id="upload" class="primary" type="submit" disabled>${text('uploadButton')}</button>
        <button id="retry" type="button" hidden>${text('retryButton')}</button>
      </div>
      <div id="progress-box" hidden>
        <p class="progress-line">
          <label for="progress" class="muted">${text('progressLabel')}</label>
          <progress id="progress" max="100" value="0" aria-describedby="percent"></progress>
          <span id="percent">0%</span>
        </p>
      </div>
      <p id="status" role="status" aria-live="polite"></p>
    </form>
    <div id="message" class="message" role="alert" hidden></div>
    <video id="probe" preload="metadata" muted hidden></video>
  </div>
`,
  });
}
