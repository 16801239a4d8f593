import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { RecordingConnector } from '../support/recordingConnector';
import { installationKeyOf, recordInstall } from '../../src/domain/installations/installation';
import { botAdded, cardAction, joost, message, post, TENANT_ID } from '../support/teamsActivities';
import { startTestApp, type TestApp } from '../support/testApp';

/** A would-be victim of request forgery: it counts every request that reaches it, on every interface. */
async function listenEverywhere(): Promise<{ server: Server; port: number; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id":"x"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  return { server, port: (server.address() as AddressInfo).port, requests };
}

/** Addresses that reach this machine without being the loopback by name. */
function nonLoopbackHosts(): string[] {
  const external = Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && address.family === 'IPv4' && !address.internal)
    .map((address) => address!.address);
  // 0.0.0.0 reaches the local listener on Linux, yet is no loopback address.
  return ['0.0.0.0', ...external.slice(0, 1)];
}

describe('local mode talks to this machine only (real storage on Azurite)', () => {
  const connector = new RecordingConnector();
  let serviceUrl: string;
  let app: TestApp;
  let victim: Awaited<ReturnType<typeof listenEverywhere>>;

  beforeAll(async () => {
    serviceUrl = await connector.start();
    victim = await listenEverywhere();
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
    await connector.stop();
    await new Promise<void>((resolve) => victim.server.close(() => resolve()));
  });
  beforeEach(() => {
    connector.clear();
    victim.requests.length = 0;
  });

  it('listens on 127.0.0.1 only', () => {
    expect(app.composed.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('still answers activities whose serviceUrl is on the loopback (the Playground)', async () => {
    const answer = await post(app.baseUrl, message({ serviceUrl }, 'hulp'));
    expect(answer.status).toBe(200);
    expect(connector.sent).toHaveLength(1);
  });

  it('accepts the loopback by name too', async () => {
    const answer = await post(app.baseUrl, message({ serviceUrl: serviceUrl.replace('127.0.0.1', 'localhost') }, 'hulp'));
    expect(answer.status).toBe(200);
    expect(connector.sent).toHaveLength(1);
  });

  it('refuses with 400 and makes no outbound request for a serviceUrl elsewhere', async () => {
    const evil = [
      ...nonLoopbackHosts().map((host) => `http://${host}:${victim.port}/`),
      'http://169.254.169.254/metadata/',
      'http://evil.example/',
      'http://127.0.0.1.evil.example/',
      `http://localhost@evil.example:${victim.port}/`,
      `http://user:pw@127.0.0.1:${victim.port}/`,
      'file:///etc/passwd',
      'http://[::ffff:7f00:1]/',
    ];
    for (const url of evil) {
      for (const activity of [message({ serviceUrl: url }, 'hulp'), botAdded({ serviceUrl: url }), cardAction({ serviceUrl: url }, 'trajectories.mine')]) {
        const answer = await post(app.baseUrl, activity);
        expect({ url, status: answer.status }).toEqual({ url, status: 400 });
        expect(answer.body).toEqual({ message: 'Dit bericht kan ik niet verwerken.' });
      }
    }
    expect(victim.requests).toEqual([]);
    expect(connector.sent).toEqual([]);
  });

  it('never uses a stored reference off the loopback (one saved before this rule) for a proactive message', async () => {
    const key = installationKeyOf({ tenantId: TENANT_ID, conversationType: 'personal', conversationId: '', userAadObjectId: joost.aadObjectId });
    const reference = { serviceUrl: `http://0.0.0.0:${victim.port}/`, conversation: { id: 'a:personal-joost' }, user: { id: joost.id }, bot: { id: '28:svib-bot' }, channelId: 'msteams' };
    await app.composed.repositories.installations.save(recordInstall(undefined, key, JSON.stringify(reference), new Date()));

    // Asked in a channel, the list would go to Joost's personal chat, through that reference.
    await post(app.baseUrl, message({ serviceUrl, from: joost, scope: 'channel' }, 'mijn trajecten'));

    expect(victim.requests).toEqual([]);
    expect(connector.sent.map((sent) => sent.activity.text)).toEqual(['Dit laat ik hier niet zien, en je hebt nog geen persoonlijke chat met mij. Open de SVIB-bot in Teams als app (persoonlijke chat) en vraag het daar opnieuw.']);
  });

  it('never sends a queued delivery to a reference off the loopback: a stored channel, or any installation', async () => {
    const offLoopback = (conversationId: string) => JSON.stringify({ serviceUrl: `http://0.0.0.0:${victim.port}/`, conversation: { id: conversationId, tenantId: TENANT_ID }, bot: { id: '28:svib-bot' }, channelId: 'msteams' });
    const channel = installationKeyOf({ tenantId: TENANT_ID, conversationType: 'channel', conversationId: '19:directie@thread.tacv2', teamId: '19:team@thread.tacv2' });
    await app.composed.repositories.installations.save(recordInstall(undefined, channel, offLoopback('19:directie@thread.tacv2'), new Date()));
    const { outgoing } = app.composed.deliveries;
    app.logs.lines.length = 0;

    // A reference a feature stored itself (the directie channel), and a channel by its installation key.
    await outgoing.enqueue([{ target: { kind: 'reference', tenantId: TENANT_ID, conversationId: '19:directie@thread.tacv2', reference: offLoopback('19:directie@thread.tacv2') }, content: { kind: 'text', text: 'samenvatting' } }]);
    await outgoing.sendToConversation(TENANT_ID, channel, { kind: 'text', text: 'ronde gesloten' });
    await app.composed.deliveries.idle();

    expect(victim.requests).toEqual([]);
    expect(connector.sent).toEqual([]);
    expect((await app.composed.deliveries.queue.figures(new Date())).poisoned).toBe(0);
    // Both were looked at and dropped for their address, not for a missing installation.
    const dropped = app.logs.lines.filter((line) => line.msg === 'delivery dropped' && String(line.reason).includes('loopback'));
    expect(dropped.map((line) => line.target).sort()).toEqual(['conversation', 'reference']);
  });

  it('answers a failing reply with a generic 500 body, the cause only in the log', async () => {
    // A Teams service that refuses every reply with its own error text: the reply and the error message both fail.
    const failing = createServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"BadArgument","message":"InternalDetail: table svibinstallations partition 6b3c"}}');
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    app.logs.lines.length = 0;
    try {
      const answer = await post(app.baseUrl, message({ serviceUrl: `http://127.0.0.1:${(failing.address() as AddressInfo).port}/` }, 'hulp'));

      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({ message: 'Er ging iets mis aan mijn kant. Probeer het zo nog eens.' });
      expect(JSON.stringify(app.logs.lines)).toContain('turn failed');
    } finally {
      await new Promise<void>((resolve) => failing.close(() => resolve()));
    }
  });
});
