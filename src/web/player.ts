/**
 * The player page (`GET /recordings/watch`): plays one recording through the short-lived
 * read-only SAS the server issues for this view, lists its fragments beside the player (a click
 * jumps there) and, for those who may, marks new fragments to the second.
 *
 * The watch link is single-use on the server, so the page asks for the view exactly once. Data
 * is only ever inserted with textContent. The words come from the page's JSON block
 * (`texts.pages.player`).
 */
import type { Texts } from '../texts';
import { fillIn } from '../texts/fillIn';
import { pageAuth } from './auth';
import { byId, jsonBody, pageWords, showMessage as show } from './dom';

type PlayerWords = Texts['pages']['player'];

/** One fragment as the view API returns it; `clipUrl` only for a colleague shown clips. */
interface Fragment {
  startSecond: number;
  endSecond: number;
  note?: string;
  aspect?: string;
  clipUrl?: string;
}

interface Aspect {
  value: string;
  title: string;
}

const words = pageWords<PlayerWords>();
const titleEl = byId('title');
const layout = byId('layout');
const video = byId<HTMLVideoElement>('video');
const list = byId<HTMLUListElement>('fragments');
const emptyEl = byId('no-fragments');
const messageEl = byId('message');
const markSection = byId('mark');
const markForm = byId<HTMLFormElement>('mark-form');
const startInput = byId<HTMLInputElement>('start');
const endInput = byId<HTMLInputElement>('end');
const noteInput = byId<HTMLInputElement>('note');
const aspectSelect = byId<HTMLSelectElement>('aspect');
const saveButton = byId<HTMLButtonElement>('save');
const markMessage = byId('mark-message');

const auth = pageAuth();
let fragments: Fragment[] = [];
const aspectTitles = new Map<string, string>();
let sessionToken = '';
// A colleague shown chosen fragments only gets one clip per fragment, never the recording.
let clipMode = false;
let currentClip: Fragment | null = null;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function formatTime(seconds: unknown): string {
  const s = Math.max(0, Math.floor(Number(seconds) || 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return (h > 0 ? h + ':' + pad(m) : pad(m)) + ':' + pad(s % 60);
}

function fragmentLabel(f: Fragment): string {
  const parts = [formatTime(f.startSecond) + '\u2013' + formatTime(f.endSecond)];
  const aspect = (f.aspect && aspectTitles.get(f.aspect)) || f.aspect;
  if (aspect) parts.push(aspect);
  if (f.note) parts.push(f.note);
  return parts.join(' \u00b7 ');
}

function renderFragments(): void {
  list.replaceChildren();
  fragments.sort((a, b) => a.startSecond - b.startSecond || a.endSecond - b.endSecond);
  for (const f of fragments) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'fragment';
    button.textContent = fragmentLabel(f);
    button.dataset.start = String(f.startSecond);
    button.dataset.end = String(f.endSecond);
    button.addEventListener('click', () => (clipMode ? playClip(f) : jumpTo(f.startSecond)));
    item.appendChild(button);
    list.appendChild(item);
  }
  emptyEl.hidden = fragments.length > 0;
  highlight();
}

function play(): void {
  // Autoplay refused: the user presses play.
  video.play().catch(() => undefined);
}

function playClip(f: Fragment, autoplay = true): void {
  currentClip = f;
  video.src = f.clipUrl ?? '';
  highlight();
  if (autoplay) play();
}

function jumpTo(second: number): void {
  video.currentTime = Number(second) || 0;
  play();
}

// The fragment that is playing now stands out in the list.
function highlight(): void {
  const now = video.currentTime;
  list.querySelectorAll<HTMLButtonElement>('button.fragment').forEach((button) => {
    const active = clipMode
      ? currentClip !== null && button.dataset.start === String(currentClip.startSecond) && button.dataset.end === String(currentClip.endSecond)
      : now >= Number(button.dataset.start) && now < Number(button.dataset.end);
    button.classList.toggle('active', active);
    if (active) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  });
}

video.addEventListener('timeupdate', highlight);
video.addEventListener('error', () => show(messageEl, words.cannotPlay, 'error'));

byId('set-start').addEventListener('click', () => {
  startInput.value = String(Math.floor(video.currentTime));
});
byId('set-end').addEventListener('click', () => {
  endInput.value = String(Math.floor(video.currentTime));
});

markForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  show(markMessage, '', '');
  const start = Number(startInput.value);
  const end = Number(endInput.value);
  if (startInput.value === '' || endInput.value === '' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0) {
    show(markMessage, words.wholeSeconds, 'error');
    return;
  }
  if (end <= start) {
    show(markMessage, words.endBeforeStart, 'error');
    return;
  }
  if (isFinite(video.duration) && video.duration > 0 && end > Math.ceil(video.duration)) {
    show(markMessage, words.endAfterRecording, 'error');
    return;
  }
  if (!aspectSelect.value) {
    show(markMessage, words.chooseAspect, 'error');
    return;
  }
  saveButton.disabled = true;
  try {
    const response = await fetch('/api/recordings/fragments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store',
      body: JSON.stringify({ sessionToken, startSecond: start, endSecond: end, note: noteInput.value.trim(), aspect: aspectSelect.value }),
    });
    const data = await jsonBody(response);
    const fragment = data.fragment as Fragment | undefined;
    if (response.ok && fragment) {
      fragments.push(fragment);
      renderFragments();
      noteInput.value = '';
      startInput.value = '';
      endInput.value = '';
      show(markMessage, fillIn(words.fragmentSaved, { start: formatTime(fragment.startSecond), end: formatTime(fragment.endSecond) }), 'ok');
    } else {
      show(markMessage, typeof data.message === 'string' ? data.message : words.fragmentNotSaved, 'error');
    }
  } catch {
    show(markMessage, words.connectionLost, 'error');
  } finally {
    saveButton.disabled = false;
  }
});

async function load(): Promise<void> {
  const recordingId = auth.param('r');
  if (!auth.linkToken && !recordingId) {
    show(messageEl, words.incompleteLink, 'error');
    return;
  }
  let headers: Record<string, string>;
  try {
    headers = await auth.headers();
  } catch {
    show(messageEl, words.signInFailed, 'error');
    return;
  }
  let response: Response;
  let data: Record<string, unknown>;
  try {
    response = await fetch('/api/recordings/view', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      credentials: 'same-origin',
      cache: 'no-store',
      body: JSON.stringify(auth.linkToken ? { t: auth.linkToken } : { recordingId }),
    });
    data = await jsonBody(response);
  } catch {
    show(messageEl, words.unreachable, 'error');
    return;
  }
  const received = Array.isArray(data.fragments) ? (data.fragments as Fragment[]) : [];
  clipMode = data.fragmentsOnly === true && received.length > 0 && received.every((f) => typeof f.clipUrl === 'string');
  if (!response.ok || (typeof data.videoUrl !== 'string' && !clipMode)) {
    show(messageEl, typeof data.message === 'string' ? data.message : words.cannotOpen, 'error');
    return;
  }
  if (typeof data.title === 'string' && data.title) {
    titleEl.textContent = data.title;
    document.title = data.title;
  }
  if (typeof data.context === 'string' && data.context) {
    const context = byId('context');
    context.textContent = data.context;
    context.hidden = false;
  }
  sessionToken = typeof data.sessionToken === 'string' ? data.sessionToken : '';
  for (const a of Array.isArray(data.aspects) ? (data.aspects as Aspect[]) : []) {
    aspectTitles.set(String(a.value), String(a.title));
    const option = document.createElement('option');
    option.value = String(a.value);
    option.textContent = String(a.title);
    aspectSelect.appendChild(option);
  }
  fragments = received.slice();
  renderFragments();
  markSection.hidden = data.canMark !== true || clipMode;
  if (typeof data.notice === 'string' && data.notice) show(messageEl, data.notice, 'info');
  layout.hidden = false;
  if (clipMode) playClip(fragments[0], false);
  else video.src = data.videoUrl as string;
}

void load();
