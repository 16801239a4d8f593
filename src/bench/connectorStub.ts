import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorStub {
  /** The serviceUrl to put in activities: the bot sends its replies here. */
  serviceUrl: string;
  /** Activities the bot sent that carry a card: proof that the timed turns did their work. */
  cardsSent(): number;
  /** Every activity the bot sent (text or card). */
  activitiesSent(): number;
  stop(): Promise<void>;
}

/**
 * Stands in for the Teams service (Bot Connector API) the bot replies to, answering at once so a
 * turn's time is the bot's own. A member lookup gets an e-mail address: then the bot stores it on
 * the first turn and later turns run as they do for a known user, without the lookup.
 */
export async function startConnectorStub(): Promise<ConnectorStub> {
  let counter = 0;
  let cards = 0;
  let activities = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const member = /\/v3\/conversations\/[^/]+\/members\/([^/?]+)/.exec(req.url ?? '');
      if (req.method === 'POST' && /\/activities/.test(req.url ?? '')) {
        activities++;
        const sent = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { attachments?: unknown[] };
        if (sent.attachments?.length) cards++;
      }
      const body = req.method === 'GET' && member ? { id: decodeURIComponent(member[1]), email: 'bench@school.example.nl' } : { id: `bench-${++counter}` };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    cardsSent: () => cards,
    activitiesSent: () => activities,
    stop: () =>
      new Promise<void>((resolve) => {
        // Keep-alive sockets from the bot would otherwise hold close() open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
