// Bundles the recording pages' scripts (src/web, TypeScript) into dist/web with esbuild. Run by
// `npm run build` and by the jest set-up (tests/support/globalSetup.ts), so the pages always
// serve what src/web says.
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'dist', 'web');
const entryPoints = { upload: 'src/web/upload.ts', player: 'src/web/player.ts' };

async function buildWeb() {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

module.exports = { buildWeb, outdir };

if (require.main === module) {
  buildWeb().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
