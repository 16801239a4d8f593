import { startAzurite } from '../../src/local/azurite';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildWeb } = require('../../scripts/buildWeb.js') as { buildWeb(): Promise<void> };

interface SharedAzurite {
  __azurite?: { stop(): Promise<void> };
}

/**
 * The pages' bundled scripts, then one Azurite (in memory, free ports) for the whole run, unless
 * real storage is configured. Each test file then uses its own table and container prefix. Both
 * the integration and the e2e project name this set-up; the second call finds the first one's Azurite.
 */
export default async function globalSetup(): Promise<void> {
  // The recording pages serve their scripts from dist/web: bundle src/web first (well under a
  // second), so a fresh clone needs no separate build and a changed script is always tested.
  await buildWeb();
  if (process.env.TEST_STORAGE_CONNECTION_STRING) return;
  if (process.env.AZURE_STORAGE_CONNECTION_STRING) {
    process.env.TEST_STORAGE_CONNECTION_STRING = process.env.AZURE_STORAGE_CONNECTION_STRING;
    return;
  }
  const azurite = await startAzurite();
  process.env.TEST_STORAGE_CONNECTION_STRING = azurite.connectionString;
  (globalThis as SharedAzurite).__azurite = azurite;
}
