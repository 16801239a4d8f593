import { createStorageClients } from '../../src/storage/storageClients';
import { checkDeliveryQueue, checkStorageHealth } from '../../src/storage/storageHealth';
import { DeliveryQueue } from '../../src/storage/deliveries/DeliveryQueue';
import { freePort } from '../../src/local/freePort';
import { azuriteConnectionString } from '../../src/local/azurite';
import { startTestApp, type TestApp } from '../support/testApp';

describe('GET /healthz', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('reports reachable storage and that clips can be cut with the ffmpeg in the deployment', async () => {
    const response = await fetch(`${app.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', storage: { tables: 'ok', blobs: 'ok' }, deliveries: { depth: 0, oldestAgeSeconds: 0, poisoned: 0 }, clipCutting: 'available' });
  });

  it('reports clip cutting unavailable without ffmpeg, and stays healthy', async () => {
    const withoutFfmpeg = await startTestApp({ FFMPEG_PATH: '/nonexistent/ffmpeg' });
    try {
      const response = await fetch(`${withoutFfmpeg.baseUrl}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', clipCutting: 'unavailable' });
    } finally {
      await withoutFfmpeg.close();
    }
  });

  it('reports storage that cannot be reached', async () => {
    const nobodyListens = await freePort();
    const clients = createStorageClients({ kind: 'connectionString', connectionString: azuriteConnectionString(nobodyListens, nobodyListens, nobodyListens) }, 'svib');
    expect(await checkStorageHealth(clients, 2000)).toEqual({ tables: 'unreachable', blobs: 'unreachable' });
    const queue = new DeliveryQueue(clients.queue(clients.names.deliveryQueue), clients.queue(clients.names.deliveryPoisonQueue));
    expect(await checkDeliveryQueue(queue, new Date(), 2000)).toBe('unreachable');
  });
});
