import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite } from '../../src/local/azurite';
import { composeApp } from '../../src/composition/composeApp';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/logging/logger';
import { recordInstall } from '../../src/domain/installations/installation';

describe('npm start’s Azurite keeps data in a folder', () => {
  const folder = mkdtempSync(join(tmpdir(), 'svib-azurite-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  async function withLocalStack<T>(work: (app: Awaited<ReturnType<typeof composeApp>>) => Promise<T>): Promise<T> {
    const azurite = await startAzurite({ location: folder });
    try {
      const config = loadConfig({ AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, PORT: '0', LOCAL_MODE: 'true' });
      return await work(await composeApp(config, { logger: createLogger('silent') }));
    } finally {
      await azurite.stop();
    }
  }

  // Two Azurite starts in one test: more than the default 5 s on a busy machine.
  it('still has a conversation reference after Azurite and the bot are restarted', async () => {
    const key = { scope: 'personal' as const, partitionKey: 'tenant', rowKey: 'user_sanne' };
    await withLocalStack((app) => app.repositories.installations.save(recordInstall(undefined, key, '{"ref":"kept"}', new Date('2026-11-25T10:00:00Z'))));

    const afterRestart = await withLocalStack((app) => app.repositories.installations.get(key));

    expect(afterRestart).toMatchObject({ active: true, reference: '{"ref":"kept"}' });
  }, 60_000);
});
