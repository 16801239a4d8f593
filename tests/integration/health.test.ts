import { createStorageClients } from '../../src/storage/storageClients';
import { checkDeliveryQueue, checkStorageHealth } from '../../src/storage/storageHealth';
import { DeliveryQueue } from '../../src/storage/deliveries/DeliveryQueue';
import { DelayedDeliveries } from '../../src/storage/deliveries/DelayedDeliveries';
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

  it('counts a delivery waiting out a retry delay, invisible to a queue peek, in the oldest message’s age', async () => {
    // Queues of their own, so no running sender takes the message.
    const { storage } = app.composed;
    const queue = new DeliveryQueue(storage.queue('waiting-deliveries'), storage.queue('waiting-deliveries-poison'), undefined, new DelayedDeliveries(storage.table(storage.names.deliveryDelaysTable)));
    await Promise.all([storage.queue('waiting-deliveries').createIfNotExists(), storage.queue('waiting-deliveries-poison').createIfNotExists()]);
    try {
      const delivery = { id: 'waiting-1', target: { kind: 'trackedCard' as const, tenantId: 't', subject: 's', purpose: 'p', userId: 'u' }, content: { kind: 'text' as const, text: 'later' }, tellOwnerOnFailure: false, createdAt: new Date().toISOString() };
      await queue.send(delivery);
      const [taken] = await queue.take(1, 60_000);
      await queue.retryLater(taken, 120_000, { failures: 1, throttles: 0, waits: 0 });

      // Half a minute from now the message still waits (two minutes), so the peek shows nothing.
      const soon = new Date(Date.now() + 30_000);
      const figures = await queue.figures(soon);
      expect(figures.depth).toBe(1);
      expect(figures.oldestAgeSeconds).toBeGreaterThanOrEqual(30);
      // Seen after the moment it shows again, the row no longer counts (a peek would find the message itself).
      expect((await queue.figures(new Date(taken.insertedOn.getTime() + 600_000))).oldestAgeSeconds).toBe(0);
    } finally {
      await Promise.all([storage.queue('waiting-deliveries').deleteIfExists(), storage.queue('waiting-deliveries-poison').deleteIfExists()]);
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
