import type { Texts } from '../../texts';
import { escapeHtml } from './pageTexts';
import { pageShell } from './pageShell';

/**
 * `GET /recordings/watch?t=…`: plays one recording through the short-lived read-only SAS the
 * server issues for this view, lists its fragments beside the player (a click jumps there) and,
 * for those who may, marks new fragments to the second.
 *
 * The markup and style in the language of `texts`; the script is `src/web/player.ts`, its words
 * come from the page's JSON block (`texts.pages.player`).
 */
export function playerPageHtml(texts: Texts): string {
  const words = texts.pages.player;
  const text = (key: keyof typeof words): string => escapeHtml(words[key]);
  return pageShell({
    texts,
    title: words.title,
    words,
    script: 'player',
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
