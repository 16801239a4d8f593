import { BlobTurnStateStorage } from '../../src/teams/BlobTurnStateStorage';
import { createStorageClients, ensureStorage } from '../../src/storage/storageClients';
import { RecordingConnector } from '../support/recordingConnector';
import { botAdded, message, post } from '../support/teamsActivities';
import { startTestApp, testConnectionString, uniquePrefix } from '../support/testApp';

describe('turn state in Blob Storage', () => {
  let storage: BlobTurnStateStorage;

  beforeAll(async () => {
    const clients = createStorageClients({ kind: 'connectionString', connectionString: testConnectionString() }, uniquePrefix());
    await ensureStorage(clients);
    storage = new BlobTurnStateStorage(clients.container(clients.names.turnStateContainer));
  });

  it('reads back what was written, with an eTag, and nothing for unknown keys', async () => {
    await storage.write({ 'msteams/bot/conversations/a:1': { step: 2 } });
    const items = await storage.read(['msteams/bot/conversations/a:1', 'msteams/bot/conversations/unknown']);
    expect(items['msteams/bot/conversations/a:1']).toMatchObject({ step: 2, eTag: expect.any(String) });
    expect(items).not.toHaveProperty(['msteams/bot/conversations/unknown']);
  });

  it('refuses a write based on a stale read', async () => {
    await storage.write({ key: { version: 1 } });
    const stale = (await storage.read(['key'])).key;
    await storage.write({ key: { ...stale, version: 2 } });
    await expect(storage.write({ key: { ...stale, version: 3 } })).rejects.toMatchObject({ statusCode: 412 });
    expect((await storage.read(['key'])).key).toMatchObject({ version: 2 });
  });

  it('deletes', async () => {
    await storage.write({ gone: { x: 1 } });
    await storage.delete(['gone']);
    expect(await storage.read(['gone'])).toEqual({});
  });

  it('keeps a conversation’s state across a restart of the bot', async () => {
    const connector = new RecordingConnector();
    const serviceUrl = await connector.start();
    const prefix = uniquePrefix();
    const first = await startTestApp({ STORAGE_NAME_PREFIX: prefix });
    await post(first.baseUrl, botAdded({ serviceUrl }));
    await first.close();
    connector.clear();

    const second = await startTestApp({ STORAGE_NAME_PREFIX: prefix });
    await post(second.baseUrl, message({ serviceUrl }, 'iets onbekends'));
    await second.close();
    await connector.stop();

    // The restarted bot remembers that this conversation was welcomed, so it answers with the short pointer.
    expect(connector.textsSent()).toHaveLength(1);
    expect(connector.textsSent()[0]).toContain('Dat begrijp ik nog niet');
  });
});
