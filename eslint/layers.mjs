/**
 * The direction of the layers, checked by `npm run lint` (ESLint's no-restricted-imports).
 * docs/architecture.md says what lives in each layer; this says what each may import.
 *
 * A layer is a folder directly under src/. An import of another layer always climbs out of the
 * file's own layer first (`../../storage/…`), so a relative path whose first folder after the
 * `../` run names a layer is an import of that layer. The roots (`src/composition`,
 * `src/local`, `src/bench`, `src/docs` and the files directly in src/) compose or print from the
 * layers and may import any of them.
 */

/** Every layer, with the layers of ours it may import besides itself. */
export const layers = {
  domain: [],
  // The default FFMPEG_PATH is the ffmpeg bundled with media.
  config: ['media'],
  logging: [],
  media: [],
  texts: ['domain'],
  storage: ['domain', 'config'],
  // Cards render what features return: they may take the outcome types from features.
  cards: ['domain', 'texts', 'features'],
  features: ['domain', 'storage', 'texts', 'media', 'logging'],
  jobs: ['domain', 'storage', 'features', 'texts', 'cards', 'logging'],
  teams: ['domain', 'storage', 'features', 'texts', 'cards', 'logging', 'config'],
  http: ['domain', 'storage', 'features', 'texts', 'teams', 'logging', 'config'],
  web: ['texts'],
};

/** Folders that compose the layers (or print from them) and may import any of them. */
export const roots = ['composition', 'local', 'bench', 'docs'];

const teamsPackages = ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai'];
const ioPackages = ['@azure/*', 'restify', 'pino', 'croner', 'node:*', 'fs', 'http', 'https', 'net', 'child_process'];

const onlyTeamsImportsBotFramework = {
  group: teamsPackages,
  message: 'Only src/teams may import Bot Framework or teams-ai.',
};
const textsThroughIndex = {
  regex: '(^|/)texts/nl\\w*$',
  message: 'Import texts through src/texts (index.ts): only src/texts knows which language it is.',
};

function layerImports(forbidden, message) {
  return { regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`, message };
}

function rule(...patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] };
}

function forbiddenFor(layer) {
  const allowed = new Set([layer, ...layers[layer]]);
  return [...Object.keys(layers), ...roots].filter((name) => !allowed.has(name));
}

function layerConfig(layer) {
  const patterns = [];
  if (layer !== 'teams') patterns.push(onlyTeamsImportsBotFramework);
  if (layer !== 'texts') patterns.push(textsThroughIndex);
  if (layer === 'domain') patterns.push({ group: ioPackages, message: 'The domain stays free of I/O.' });
  if (layer === 'web') {
    patterns.push({ group: ioPackages, message: 'Page scripts run in the browser.' });
    patterns.push({ regex: '^\\.\\./texts/(?!fillIn$)', message: 'Page scripts take their words from the page (type Texts, fillIn): nothing else of src/texts.' });
  }
  const message =
    layer === 'features'
      ? `src/features may import only ${layers.features.join(', ')}: features return outcomes, never cards (src/teams and src/jobs render them).`
      : `src/${layer} may import only ${layers[layer].length ? layers[layer].join(', ') : 'itself'} of ours (docs/architecture.md).`;
  return { files: [`src/${layer}/**/*.ts`], rules: rule(...patterns, layerImports(forbiddenFor(layer), message)) };
}

export const layerRules = [
  // The roots compose every layer, but they too take texts through the index and leave Bot Framework to src/teams.
  { files: ['src/**/*.ts'], rules: rule(onlyTeamsImportsBotFramework, textsThroughIndex) },
  // The echo bot is the benchmarks' floor: a bare teams-ai bot to compare svib-bot's turns with.
  { files: ['src/bench/echo/**/*.ts'], rules: rule(textsThroughIndex) },
  ...Object.keys(layers).map(layerConfig),
  // The page scripts run in the browser.
  { files: ['src/web/**/*.ts'], languageOptions: { globals: { window: 'readonly', document: 'readonly', location: 'readonly' } } },
];
