import * as restify from 'restify';
import type { MessagesHandler } from '../teams/messagesEndpoint';
import type { StorageHealth } from '../storage/storageHealth';

export interface HttpServerOptions {
  messages: MessagesHandler;
  storageHealth: () => Promise<StorageHealth>;
}

/** The bot's HTTP surface: the Bot Framework endpoint and a health probe for App Service. */
export function createHttpServer(options: HttpServerOptions): restify.Server {
  const server = restify.createServer({ name: 'svib-bot' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024 }));

  server.post('/api/messages', async (req, res) => {
    await options.messages(req, res);
  });

  server.get('/healthz', async (_req, res) => {
    const storage = await options.storageHealth();
    const healthy = storage.tables === 'ok' && storage.blobs === 'ok';
    res.json(healthy ? 200 : 503, { status: healthy ? 'ok' : 'degraded', storage });
  });

  return server;
}
