import type { Texts } from '../../texts';
import { escapeHtml } from './pageTexts';
import { pageShell } from './pageShell';

/**
 * `GET /recordings/upload?t=…`: the browser sends the chosen video straight to Blob Storage in
 * 4 MiB blocks through the write-only SAS the server hands out, resumes after a dropped
 * connection (blocks already there are skipped), commits the block list and then asks the
 * server to register the recording.
 *
 * Resume after a reload or a closed browser: the upload in progress (SAS, register token, the
 * file's name, size and lastModified, block size, start time; never the page token) is kept in
 * localStorage, keyed by the link's claims and the file. Choosing the same file again within
 * 110 minutes continues that upload; which blocks already arrived the bot tells
 * (`/api/recordings/upload-progress`), as the write-only SAS cannot read the block list.
 *
 * The markup and style in the language of `texts`; the script is `src/web/upload.ts`, its words
 * come from the page's JSON block (`texts.pages.upload`), so it is the same in every language.
 */
export function uploadPageHtml(texts: Texts): string {
  const words = texts.pages.upload;
  const text = (key: keyof typeof words): string => escapeHtml(words[key]);
  return pageShell({
    texts,
    title: words.title,
    words,
    script: 'upload',
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
