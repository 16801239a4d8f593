import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { ContainerClient } from '@azure/storage-blob';
import * as restify from 'restify';
import { BlobTurnStateStorage } from '../../teams/BlobTurnStateStorage';

export interface EchoBot {
  port: number;
  close(): Promise<void>;
}

/**
 * The floor every turn is compared with: the smallest teams-ai bot on svib-bot's own stack
 * (restify with the same body parser, TeamsAdapter in local mode, Application with its turn state
 * in Blob Storage through the same BlobTurnStateStorage). It answers each message with its text.
 * A benchmark baseline, never product: it lives here so nothing in the app can depend on it.
 */
export async function startEchoBot(turnState: ContainerClient, port = 0): Promise<EchoBot> {
  await turnState.createIfNotExists();
  const adapter = new TeamsAdapter({});
  const app = new Application<TurnState>({
    adapter,
    storage: new BlobTurnStateStorage(turnState),
    startTypingTimer: false,
  });
  app.activity('message', async (context) => {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  });
  const server = restify.createServer({ name: 'echo-bot' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024 }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    port: server.address().port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
