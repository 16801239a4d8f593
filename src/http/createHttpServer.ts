import * as restify from 'restify';
import type { MessagesHandler } from '../teams/messagesEndpoint';
import type { StorageHealth } from '../storage/storageHealth';
import type { Logger } from '../logging/logger';
import type { QueueFigures } from '../storage/deliveries/DeliveryQueue';

export interface HttpServerOptions {
  messages: MessagesHandler;
  storageHealth: () => Promise<StorageHealth>;
  logger: Logger;
  /** Generic Dutch bodies for refused and failed requests. */
  errorTexts: { badRequest: string; somethingWentWrong: string };
  /** Whether ffmpeg runs here, so shared fragments can be cut into clips. */
  clipCutting: () => Promise<boolean>;
  /** Depth, oldest message's age and poison count of the delivery queue. */
  deliveryQueue: () => Promise<QueueFigures | 'unreachable'>;
}

/** The bot's HTTP surface: the Bot Framework endpoint and a health probe for App Service. */
export function createHttpServer(options: HttpServerOptions): restify.Server {
  const server = restify.createServer({ name: 'svib-bot' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024 }));
  // Every error restify answers itself (bad JSON, too large, a handler that threw) gets a generic
  // body: parser and exception texts stay in the log, and only their kind is logged.
  server.on('restifyError', (_req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number; toJSON?: () => unknown }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    const message = status >= 500 ? options.errorTexts.somethingWentWrong : options.errorTexts.badRequest;
    if (status >= 500) options.logger.error({ err: { name: err.name, message: err.message, stack: err.stack }, status }, 'request failed');
    else options.logger.warn({ err: { name: err.name }, status }, 'request refused');
    err.toJSON = () => ({ message });
    err.toString = () => message;
    return callback();
  });

  server.post('/api/messages', async (req, res) => {
    await options.messages(req, res);
  });

  server.get('/healthz', async (_req, res) => {
    const [storage, clipCutting, deliveries] = await Promise.all([options.storageHealth(), options.clipCutting(), options.deliveryQueue()]);
    // Storage and the delivery queue decide the status: without ffmpeg the bot still works, sharing whole recordings only.
    const healthy = storage.tables === 'ok' && storage.blobs === 'ok' && deliveries !== 'unreachable';
    res.json(healthy ? 200 : 503, { status: healthy ? 'ok' : 'degraded', storage, deliveries, clipCutting: clipCutting ? 'available' : 'unavailable' });
  });

  return server;
}
