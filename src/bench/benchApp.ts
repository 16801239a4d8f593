import { randomBytes } from 'node:crypto';
import { composeApp, type ComposedApp } from '../composition/composeApp';
import { loadConfig } from '../config/config';
import { startAzurite, type RunningAzurite } from '../local/azurite';
import { startConnectorStub, type ConnectorStub } from './connectorStub';
import { startEchoBot, type EchoBot } from './echo/echoBot';

/**
 * svib-bot composed as in production (restify, adapter, Application, storage) on in-memory
 * Azurite, and the echo bot beside it on the same Azurite: the floor of every turn figure.
 */
export interface BenchApp {
  composed: ComposedApp;
  baseUrl: string;
  echoUrl: string;
  connector: ConnectorStub;
  /** For child processes (cold start, upload) that work on the same storage. */
  connectionString: string;
  prefix: string;
  echoContainer: string;
  linkSecret: string;
  close(): Promise<void>;
}

export async function startBenchApp(): Promise<BenchApp> {
  const started: { azurite?: RunningAzurite; connector?: ConnectorStub; composed?: ComposedApp; echo?: EchoBot } = {};
  // Whatever did start is stopped, even when a later step or an earlier stop failed, so the
  // process can still exit by itself.
  const close = async () => {
    try {
      await started.echo?.close();
      await started.composed?.close();
    } finally {
      try {
        await started.connector?.stop();
      } finally {
        await started.azurite?.stop();
      }
    }
  };
  try {
    started.azurite = await startAzurite();
    started.connector = await startConnectorStub();
    // Unique as in the tests: harmless on a fresh Azurite, and safe should this ever run against shared storage.
    const prefix = `b${randomBytes(6).toString('hex')}`;
    const linkSecret = randomBytes(32).toString('hex');
    const { connectionString } = started.azurite;
    const config = loadConfig({
      PORT: '0',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
      LOCAL_MODE: 'true',
      AZURE_STORAGE_CONNECTION_STRING: connectionString,
      STORAGE_NAME_PREFIX: prefix,
      LINK_SIGNING_SECRET: linkSecret,
      // Turns are measured as in a deployment whose sender runs apart (`npm run sender`): with it
      // in this process, every turn figure would also carry the sending of the notices the turn
      // benchmarks themselves queued (a backlog of a thousand-odd). The board starts it itself.
      DELIVERY_SENDER: 'off',
    });
    const composed = await composeApp(config);
    started.composed = composed;
    const port = await composed.listen();
    const echoContainer = `${prefix}-echo`;
    started.echo = await startEchoBot(composed.storage.container(echoContainer));
    return {
      composed,
      baseUrl: `http://127.0.0.1:${port}`,
      echoUrl: `http://127.0.0.1:${started.echo.port}`,
      connector: started.connector,
      connectionString,
      prefix,
      echoContainer,
      linkSecret,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
