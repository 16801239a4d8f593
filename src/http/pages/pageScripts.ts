import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The recording pages' scripts, bundled from src/web by `npm run build` (scripts/buildWeb.js). */
export type PageScriptName = 'upload' | 'player';

/** Where the bundle lies: `dist/web` beside the package, from src/http/pages and from dist/src/http/pages alike. */
function bundleDir(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return path.join(dir, 'dist', 'web');
}

/** The address a page loads its script from: same origin, so `script-src 'self'` covers it. */
export function pageScriptPath(name: PageScriptName): string {
  return `/static/${name}.js`;
}

/** The bundled script, read once at start; a missing bundle stops the start with one line. */
export function readPageScript(name: PageScriptName): Buffer {
  const file = path.join(bundleDir(), `${name}.js`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build`);
  return readFileSync(file);
}
