import { startAzurite } from '../../src/local/azurite';

/**
 * One Azurite (in memory, free ports) for the whole run, unless real storage is configured.
 * Each test file then uses its own table and container prefix.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.AZURE_STORAGE_CONNECTION_STRING) {
    process.env.TEST_STORAGE_CONNECTION_STRING = process.env.AZURE_STORAGE_CONNECTION_STRING;
    return;
  }
  const azurite = await startAzurite();
  process.env.TEST_STORAGE_CONNECTION_STRING = azurite.connectionString;
  (globalThis as { __azurite?: { stop(): Promise<void> } }).__azurite = azurite;
}
