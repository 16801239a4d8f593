/**
 * The upload page (`GET /recordings/upload`): the browser sends the chosen video straight to
 * Blob Storage in 4 MiB blocks through the write-only SAS the server hands out, resumes after a
 * dropped connection (blocks already there are skipped), commits the block list and then asks
 * the server to register the recording.
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
 * Data is only ever inserted with textContent. The words come from the page's JSON block
 * (`texts.pages.upload`).
 */
import type { Texts } from '../texts';
import { fillIn } from '../texts/fillIn';
import { pageAuth } from './auth';
import { byId, jsonBody, pageWords, showMessage as show } from './dom';
import { blockId, blockLength, formatSize, linkScope, withQuery } from './uploadBlocks';

type UploadWords = Texts['pages']['upload'];

const BLOCK_SIZE = 4 * 1024 * 1024;
const MAX_TRIES = 5;
const PARALLEL = 3;
const SESSION_MAX_AGE_MS = 5 * 60 * 1000;
// A resume needs a minute or two of SAS life left; an entry closer to its end is dropped.
const RESUME_MARGIN_MS = 2 * 60 * 1000;
const STORE_PREFIX = 'svib-upload:';
const API_VERSION = '2021-12-02';

/** What the upload session API returns. */
interface UploadSession {
  uploadUrl: string;
  registerToken?: string;
  maxBytes?: number;
  /** How long the upload SAS lives, from the session. */
  uploadSeconds?: number;
  title?: string;
  context?: string;
}

/** An upload in progress as kept in localStorage. */
interface StoredUpload {
  uploadUrl: string;
  registerToken: string;
  fileName: string;
  fileSize: number;
  lastModified: number;
  blockSize: number;
  startedAt: number;
  /** When the SAS ends: the secrets are kept no longer than that. */
  endsAt: number;
  committed?: boolean;
}

interface Job {
  file: File;
  key: string | null;
  entry: StoredUpload;
  uploadUrl: string;
  registerToken: string;
  blockSize: number;
  ids: string[];
  sent: boolean[];
  checkedServer: boolean;
  resumed: boolean;
  phase: 'upload' | 'commit' | 'register';
  duration: Promise<number | undefined>;
}

interface ApiResult {
  ok: boolean;
  status: number;
  data: Record<string, unknown>;
}

/** An error of a block upload; refused: the SAS no longer counts, trying again will not help. */
class BlockError extends Error {
  refused = false;
}

const words = pageWords<UploadWords>();
const titleEl = byId('title');
const form = byId<HTMLFormElement>('upload-form');
const fileInput = byId<HTMLInputElement>('file');
const uploadButton = byId<HTMLButtonElement>('upload');
const retryButton = byId<HTMLButtonElement>('retry');
const progressBox = byId('progress-box');
const progress = byId<HTMLProgressElement>('progress');
const percent = byId('percent');
const statusEl = byId('status');
const messageEl = byId('message');
const resumeHint = byId('resume-hint');
const probe = byId<HTMLVideoElement>('probe');

const auth = pageAuth();
const token = auth.linkToken;
// Inside Teams the page names its trajectory and cycle; who asks comes from Teams SSO.
const teamsTarget =
  auth.teams && auth.param('trajectory') && auth.param('cycle') ? { trajectoryId: auth.param('trajectory'), cycle: Number(auth.param('cycle')) } : null;
const scope = token ? linkScope(token) : teamsTarget ? 'teams|' + teamsTarget.trajectoryId + '|' + teamsTarget.cycle : null;
let session: UploadSession | null = null;
let sessionFetchedAt = 0;
let job: Job | null = null;
let busy = false;

function showMessage(text: string, kind: '' | 'error' | 'ok'): void {
  show(messageEl, text, kind);
}
function setStatus(text: string): void {
  statusEl.textContent = text;
}
function setProgress(done: number, total: number): void {
  const value = total > 0 ? Math.floor((done / total) * 100) : 0;
  progress.value = value;
  percent.textContent = value + '%';
}
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// The interrupted upload of one file for this link, in localStorage (a closed tab loses nothing).
function store(): Storage | null {
  try {
    return window.localStorage || null;
  } catch {
    return null;
  }
}
function uploadKey(file: File): string | null {
  return scope ? STORE_PREFIX + JSON.stringify([scope, file.name, file.size, file.lastModified]) : null;
}
function saveUpload(key: string | null, entry: StoredUpload): void {
  const s = store();
  if (!s || !key) return;
  try {
    s.setItem(key, JSON.stringify(entry));
  } catch {
    // Full or refused: no resume after a reload then.
  }
}
function forgetUpload(key: string | null): void {
  const s = store();
  if (!s || !key) return;
  try {
    s.removeItem(key);
  } catch {
    // nothing to do
  }
}
function usableEntry(entry: unknown): entry is StoredUpload {
  if (!entry || typeof entry !== 'object') return false;
  const e = entry as Partial<StoredUpload>;
  return (
    typeof e.uploadUrl === 'string' &&
    typeof e.registerToken === 'string' &&
    typeof e.fileName === 'string' &&
    typeof e.fileSize === 'number' &&
    typeof e.lastModified === 'number' &&
    typeof e.blockSize === 'number' &&
    e.blockSize > 0 &&
    typeof e.startedAt === 'number' &&
    typeof e.endsAt === 'number' &&
    Date.now() < e.endsAt - RESUME_MARGIN_MS &&
    e.startedAt <= Date.now() + 60 * 1000
  );
}
// Interrupted uploads of this link, newest first; outdated ones (of any link) are removed.
function storedUploads(): { key: string; entry: StoredUpload }[] {
  const s = store();
  const found: { key: string; entry: StoredUpload }[] = [];
  if (!s) return found;
  try {
    const keys: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (key && key.indexOf(STORE_PREFIX) === 0) keys.push(key);
    }
    for (const key of keys) {
      let entry: unknown = null;
      let keyScope: unknown = null;
      try {
        entry = JSON.parse(s.getItem(key) || 'null');
        keyScope = (JSON.parse(key.slice(STORE_PREFIX.length)) as unknown[])[0];
      } catch {
        entry = null;
      }
      if (!usableEntry(entry)) {
        s.removeItem(key);
        continue;
      }
      if (scope && keyScope === scope) found.push({ key, entry });
    }
  } catch {
    return found;
  }
  return found.sort((a, b) => b.entry.startedAt - a.entry.startedAt);
}

async function postJson(path: string, body: unknown): Promise<ApiResult> {
  let extra: Record<string, string>;
  try {
    extra = await auth.headers();
  } catch {
    return { ok: false, status: 401, data: { message: words.signInFailed } };
  }
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...extra },
    body: JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  return { ok: response.ok, status: response.status, data: await jsonBody(response) };
}

async function loadSession(): Promise<void> {
  const result = await postJson('/api/recordings/upload-session', token ? { t: token } : teamsTarget);
  if (!result.ok || typeof result.data.uploadUrl !== 'string') {
    throw new Error(typeof result.data.message === 'string' ? result.data.message : words.cannotAdd);
  }
  session = result.data as unknown as UploadSession;
  sessionFetchedAt = Date.now();
  if (typeof session.title === 'string' && session.title) {
    titleEl.textContent = session.title;
    document.title = session.title;
  }
  if (typeof session.context === 'string' && session.context) {
    const context = byId('context');
    context.textContent = session.context;
    context.hidden = false;
  }
}

// The duration, when the browser can read it from the file (a MediaRecorder webm has none).
function readDuration(file: File): Promise<number | undefined> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const done = (value: number | undefined): void => {
      probe.removeAttribute('src');
      probe.load();
      URL.revokeObjectURL(url);
      resolve(value);
    };
    const timer = setTimeout(() => done(undefined), 5000);
    probe.onloadedmetadata = () => {
      clearTimeout(timer);
      const d = probe.duration;
      done(isFinite(d) && d > 0 ? Math.round(d) : undefined);
    };
    probe.onerror = () => {
      clearTimeout(timer);
      done(undefined);
    };
    probe.src = url;
  });
}

// Blocks an earlier, interrupted attempt already left in the blob (name and size). The bot reads
// them: the write-only SAS cannot. refused: the register token no longer counts.
async function uploadedBlocks(registerToken: string): Promise<{ refused: boolean; blocks: Map<string, number> }> {
  const found = new Map<string, number>();
  try {
    const result = await postJson('/api/recordings/upload-progress', { registerToken });
    if (result.status === 403) return { refused: true, blocks: found };
    if (result.ok && Array.isArray(result.data.blocks)) {
      for (const block of result.data.blocks as { name?: unknown; size?: unknown }[]) {
        if (block && typeof block.name === 'string' && typeof block.size === 'number') found.set(block.name, block.size);
      }
    }
  } catch {
    // Not reachable now: upload every block that this page has not sent itself.
  }
  return { refused: false, blocks: found };
}

async function putBlock(uploadUrl: string, id: string, blob: Blob): Promise<void> {
  let lastError: unknown = null;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    if (attempt > 0) await sleep(Math.min(16000, 1000 * Math.pow(2, attempt - 1)));
    try {
      const response = await fetch(withQuery(uploadUrl, 'comp=block&blockid=' + encodeURIComponent(id)), {
        method: 'PUT',
        headers: { 'x-ms-version': API_VERSION },
        body: blob,
      });
      if (response.ok) return;
      const error = new BlockError('HTTP ' + response.status);
      lastError = error;
      // The SAS is refused or expired: trying again will not help.
      if (response.status === 403 || response.status === 401) {
        error.refused = true;
        break;
      }
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError || new Error('upload failed');
}

async function commit(uploadUrl: string, ids: string[], contentType: string): Promise<void> {
  const body = '<?xml version="1.0" encoding="utf-8"?><BlockList>' + ids.map((id) => '<Latest>' + id + '</Latest>').join('') + '</BlockList>';
  let lastError: unknown = null;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    if (attempt > 0) await sleep(1000 * Math.pow(2, attempt - 1));
    try {
      const response = await fetch(withQuery(uploadUrl, 'comp=blocklist'), {
        method: 'PUT',
        headers: { 'x-ms-version': API_VERSION, 'x-ms-blob-content-type': contentType, 'Content-Type': 'application/xml' },
        body,
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

function stopped(text: string): void {
  busy = false;
  setStatus(text);
  retryButton.hidden = false;
  retryButton.disabled = false;
  uploadButton.disabled = false;
  fileInput.disabled = false;
}

// An upload that can no longer be finished (its links expired): forget it; the next try starts anew.
function givenUp(text: string): void {
  if (job) forgetUpload(job.key);
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

async function run(): Promise<void> {
  const current = job;
  if (busy || !current) return;
  busy = true;
  retryButton.hidden = true;
  uploadButton.disabled = true;
  fileInput.disabled = true;
  showMessage('', '');
  const file = current.file;
  const blockSize = current.blockSize;
  const uploadingText = current.resumed ? words.resuming : words.uploading;

  if (current.phase === 'upload') {
    const remaining: number[] = [];
    if (!current.checkedServer) {
      setStatus(current.resumed ? uploadingText : words.checking);
      const already = await uploadedBlocks(current.registerToken);
      if (already.refused) return givenUp(words.cannotContinue);
      current.ids.forEach((id, index) => {
        // Only a block of exactly the expected size counts as there.
        if (already.blocks.get(id) === blockLength(index, blockSize, file.size)) current.sent[index] = true;
      });
      current.checkedServer = true;
    }
    current.ids.forEach((_id, index) => {
      if (!current.sent[index]) remaining.push(index);
    });
    const sentBytes = (): number =>
      current.sent.reduce((total, isSent, index) => (isSent ? total + blockLength(index, blockSize, file.size) : total), 0);
    setProgress(sentBytes(), file.size);
    setStatus(uploadingText);
    let failed: unknown = null;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (!failed && next < remaining.length) {
        const index = remaining[next++];
        const start = index * blockSize;
        try {
          await putBlock(current.uploadUrl, current.ids[index], file.slice(start, Math.min(file.size, start + blockSize)));
          current.sent[index] = true;
          setProgress(sentBytes(), file.size);
        } catch (e) {
          failed = failed || e;
        }
      }
    };
    const workers: Promise<void>[] = [];
    for (let w = 0; w < PARALLEL; w++) workers.push(worker());
    await Promise.all(workers);
    if (failed) {
      if (failed instanceof BlockError && failed.refused && current.resumed) return givenUp(words.cannotContinue);
      return stopped(words.stopped);
    }
    current.phase = 'commit';
  }

  if (current.phase === 'commit') {
    setStatus(words.finishing);
    try {
      await commit(current.uploadUrl, current.ids, file.type || 'application/octet-stream');
    } catch {
      return stopped(words.finishFailed);
    }
    setProgress(1, 1);
    current.phase = 'register';
    // After a reload, only the registration is left to do.
    current.entry.committed = true;
    saveUpload(current.key, current.entry);
  }

  if (current.phase === 'register') {
    setStatus(words.registering);
    const durationSeconds = await current.duration;
    const body: { registerToken: string; durationSeconds?: number } = { registerToken: current.registerToken };
    if (typeof durationSeconds === 'number') body.durationSeconds = durationSeconds;
    let result: ApiResult;
    try {
      result = await postJson('/api/recordings/register', body);
    } catch {
      return stopped(words.connectionLost);
    }
    busy = false;
    const text = typeof result.data.message === 'string' ? result.data.message : '';
    // Registered, or refused and the blob removed: either way there is nothing left to resume.
    forgetUpload(current.key);
    job = null;
    if (result.ok) {
      setStatus(words.done);
      showMessage(text || words.saved, 'ok');
      form.hidden = true;
      window.removeEventListener('beforeunload', warnBeforeLeaving);
    } else {
      // Refused (not a video, too large, …): a new attempt needs another file.
      setStatus('');
      progressBox.hidden = true;
      showMessage(text || words.notSaved, 'error');
      uploadButton.disabled = false;
      fileInput.disabled = false;
    }
  }
}

function warnBeforeLeaving(event: BeforeUnloadEvent): void {
  if (busy) {
    event.preventDefault();
    event.returnValue = '';
  }
}

function start(file: File, key: string | null, entry: StoredUpload, resumed: boolean): void {
  const count = Math.ceil(file.size / entry.blockSize);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(blockId(i));
  job = {
    file,
    key,
    entry,
    uploadUrl: entry.uploadUrl,
    registerToken: entry.registerToken,
    blockSize: entry.blockSize,
    ids,
    sent: ids.map(() => false),
    // A new blob has no blocks yet; a resumed one asks the bot first.
    checkedServer: !resumed,
    resumed,
    phase: resumed && entry.committed === true ? 'register' : 'upload',
    duration: readDuration(file),
  };
  progressBox.hidden = false;
  setProgress(job.phase === 'register' ? 1 : 0, job.phase === 'register' ? 1 : file.size);
  if (resumed) setStatus(words.resuming);
  window.addEventListener('beforeunload', warnBeforeLeaving);
  void run();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (busy) return;
  const file = fileInput.files && fileInput.files[0];
  if (!file) {
    showMessage(words.chooseFile, 'error');
    return;
  }
  if (file.type && file.type.indexOf('video/') !== 0) {
    showMessage(words.notAVideo, 'error');
    return;
  }
  if (file.size === 0) {
    showMessage(words.emptyFile, 'error');
    return;
  }
  uploadButton.disabled = true;

  // The same file as an interrupted upload of this link: continue that one. Any other file
  // starts anew, and the interrupted upload is given up.
  const key = uploadKey(file);
  let resume: { key: string; entry: StoredUpload } | null = null;
  for (const item of storedUploads()) {
    const entry = item.entry;
    const same = item.key === key && entry.fileName === file.name && entry.fileSize === file.size && entry.lastModified === file.lastModified;
    if (same && !resume) resume = item;
    else forgetUpload(item.key);
  }
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
      showMessage(e instanceof Error ? e.message : words.cannotAdd, 'error');
      return;
    }
  }
  const current = session as UploadSession;
  if (typeof current.maxBytes === 'number' && file.size > current.maxBytes) {
    uploadButton.disabled = false;
    setStatus('');
    showMessage(fillIn(words.tooLarge, { size: formatSize(file.size), max: formatSize(current.maxBytes) }), 'error');
    return;
  }
  const entry: StoredUpload = {
    uploadUrl: current.uploadUrl,
    registerToken: current.registerToken as string,
    fileName: file.name,
    fileSize: file.size,
    lastModified: file.lastModified,
    blockSize: BLOCK_SIZE,
    // When the SAS was issued (its lifetime counts from then), at most minutes before the start.
    startedAt: sessionFetchedAt,
    // When it ends: the secrets are kept no longer than that.
    endsAt: sessionFetchedAt + (typeof current.uploadSeconds === 'number' ? current.uploadSeconds : 15 * 60) * 1000,
  };
  // One SAS is for exactly one blob: the next file needs a new upload session.
  session = null;
  saveUpload(key, entry);
  start(file, key, entry, false);
});

retryButton.addEventListener('click', () => {
  if (job) {
    job.checkedServer = false;
    void run();
  }
});
// Back online after a dropped connection: continue by itself.
window.addEventListener('online', () => {
  if (job && !busy && !retryButton.hidden) {
    job.checkedServer = false;
    void run();
  }
});

function begin(): void {
  if (!token && !teamsTarget) {
    form.hidden = true;
    showMessage(words.incompleteLink, 'error');
    return;
  }
  const interrupted = storedUploads()[0];
  if (interrupted) {
    resumeHint.textContent = fillIn(words.resumeHint, { fileName: interrupted.entry.fileName });
    resumeHint.hidden = false;
  }
  loadSession().then(
    () => {
      uploadButton.disabled = false;
    },
    (e: unknown) => {
      // The page link may have expired while the interrupted upload's own links still hold.
      if (interrupted) {
        uploadButton.disabled = false;
        return;
      }
      form.hidden = true;
      showMessage(e instanceof Error ? e.message : words.cannotAdd, 'error');
    },
  );
}

begin();
