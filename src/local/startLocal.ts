import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config/config';
import { composeApp, type ComposedApp } from '../composition/composeApp';
import { startAzurite, type RunningAzurite } from './azurite';
import { startPlayground, type RunningPlayground } from './playground';

const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);

/**
 * `npm start`: Azurite (unless real storage is configured), the bot and the Agents Playground
 * as one command; Ctrl+C stops all three.
 */
async function startLocal(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let azurite: RunningAzurite | undefined;
  let composed: ComposedApp | undefined;
  let playground: RunningPlayground | undefined;

  const stopAll = async () => {
    await playground?.stop();
    await composed?.close();
    await azurite?.stop();
  };
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nsvib-bot stopt…');
    void stopAll().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    if (!process.env.AZURE_STORAGE_CONNECTION_STRING && !process.env.AZURE_STORAGE_ACCOUNT_NAME) {
      const location = resolve('.data', 'azurite');
      azurite = await startAzurite({ location, blobPort: 10000, queuePort: 10001, tablePort: 10002 });
      process.env.AZURE_STORAGE_CONNECTION_STRING = azurite.connectionString;
      console.log(`Azurite started, data in ${location}`);
    }
    const config = loadConfig(process.env);
    composed = await composeApp(config);
    const botPort = await composed.listen();
    playground = await startPlayground({
      port: PLAYGROUND_PORT,
      botEndpoint: `http://localhost:${botPort}/api/messages`,
      logFile: resolve('.data', 'playground.log'),
    });
    console.log(`\n  Open ${playground.url} in your browser to chat with svib-bot (Ctrl+C stops everything).\n`);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `svib-bot could not start: ${(error as Error).message}`);
    await stopAll();
    process.exit(1);
  }
}

void startLocal();
