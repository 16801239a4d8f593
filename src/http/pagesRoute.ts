import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type * as restify from 'restify';
import type { Texts } from '../texts';
import { readPageScript } from './pages/pageScripts';
import { playerPageHtml } from './pages/playerPage';
import { uploadPageHtml } from './pages/uploadPage';

export interface PageRoutesOptions {
  /**
   * Origin of the Blob Storage endpoint the pages talk to directly, e.g. `http://127.0.0.1:10000`
   * (Azurite) or `https://<account>.blob.core.windows.net`. Only the origin part is used.
   */
  blobOrigin: string;
  /** With Teams SSO the pages open as Teams dialogs, so Teams (and only Teams) may frame them. */
  teamsDialogs?: boolean;
  /** The words of the pages (`texts.pages`) and their language. */
  texts: Texts;
}

/** Where Teams hosts apps' dialogs: the web, desktop and mobile clients. */
const TEAMS_FRAME_ANCESTORS = ['https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://teams.cloud.microsoft', 'https://*.cloud.microsoft', 'https://*.skype.com'];

/** The HTML of a page with the Content-Security-Policy that allows exactly its own code. */
export interface ServedPage {
  html: string;
  contentSecurityPolicy: string;
}

/**
 * `'sha256-…'` sources for every inline `<style>` element of a page. The pages have no inline
 * script: their scripts are files of this origin, and the `<script type="application/json">`
 * data block is never executed.
 */
function styleHashes(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => `'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
}

function normalizeOrigin(blobOrigin: string): string {
  let origin: string;
  try {
    origin = new URL(blobOrigin).origin;
  } catch {
    throw new Error(`blobOrigin is not a URL: ${blobOrigin}`);
  }
  if (origin === 'null' || !/^https?:\/\//.test(origin)) throw new Error(`blobOrigin must be an http(s) origin: ${blobOrigin}`);
  return origin;
}

/** Builds a page once: its hashes are fixed, so the policy is too. */
export function servedPage(html: string, blobOrigin: string, teamsDialogs = false): ServedPage {
  const origin = normalizeOrigin(blobOrigin);
  const directives = [
    "default-src 'none'",
    // 'self': the page scripts and the Teams JS SDK this app serves itself; nothing inline, nothing from elsewhere.
    "script-src 'self'",
    `style-src ${styleHashes(html).join(' ')}`,
    `connect-src 'self' ${origin}`,
    // blob: lets the upload page read the chosen file's duration locally.
    `media-src ${origin} blob:`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${teamsDialogs ? TEAMS_FRAME_ANCESTORS.join(' ') : "'none'"}`,
  ];
  return { html, contentSecurityPolicy: directives.join('; ') };
}

function sendPage(res: restify.Response, page: ServedPage): void {
  res.sendRaw(200, page.html, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    // The signed token is in the query string: never pass it on.
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': page.contentSecurityPolicy,
  });
}

/**
 * `GET /recordings/upload` and `GET /recordings/watch`: the static pages behind the card buttons.
 * They hold nothing secret; the token in `?t=` is checked by the JSON API they call.
 */
export function registerPageRoutes(server: restify.Server, options: PageRoutesOptions): void {
  const upload = servedPage(uploadPageHtml(options.texts), options.blobOrigin, options.teamsDialogs);
  const watch = servedPage(playerPageHtml(options.texts), options.blobOrigin, options.teamsDialogs);
  // The Teams JS SDK from the installed package, so the pages load nothing from elsewhere.
  const teamsJs = readFileSync(require.resolve('@microsoft/teams-js'));
  const scripts = { upload: readPageScript('upload'), player: readPageScript('player') };
  server.get('/recordings/upload', async (_req: restify.Request, res: restify.Response) => sendPage(res, upload));
  server.get('/recordings/watch', async (_req: restify.Request, res: restify.Response) => sendPage(res, watch));
  for (const [name, script] of Object.entries(scripts)) {
    server.get(`/static/${name}.js`, async (_req: restify.Request, res: restify.Response) => {
      res.sendRaw(200, script, {
        'Content-Type': 'text/javascript; charset=utf-8',
        // Same address across releases: the browser asks again rather than run an old script.
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
    });
  }
  server.get('/static/teams-js.js', async (_req: restify.Request, res: restify.Response) => {
    res.sendRaw(200, teamsJs, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
