import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config/config';
import { composeApp, type ComposedApp } from '../composition/composeApp';
import { startAzurite, type RunningAzurite } from './azurite';
import { startPlayground, type RunningPlayground } from './playground';
import { writePlaygroundConfigFor } from './playgroundConfig';
import { seedLocalSchool } from './seedLocalSchool';

const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);
const PLAYGROUND_CONFIG = resolve('.m365agentsplayground.yml');
/** A second Playground shows the school through the eyes of its SVIB'er. */
const SVIBBER_USER_ID = 'user-marieke';

/**
 * `npm start`: Azurite (unless real storage is configured), the bot and the Agents Playground
 * as one command; Ctrl+C stops all three.
 */
async function startLocal(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  mkdirSync('.data', { recursive: true });
  let azurite: RunningAzurite | undefined;
  let composed: ComposedApp | undefined;
  const playgrounds: RunningPlayground[] = [];

  const stopAll = async () => {
    for (const playground of playgrounds) await playground.stop();
    await composed?.close();
    await azurite?.stop();
  };
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping svib-bot…');
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
    // The one place that asks for unauthenticated local mode (loadConfig refuses it where the
    // environment looks like production). With BOT_ID in .env (teamsapp.local.yml's dev tunnel) it stays authenticated.
    if (!process.env.BOT_ID?.trim()) process.env.LOCAL_MODE = 'true';
    const config = loadConfig(process.env);
    composed = await composeApp(config);
    await seedLocalSchool(composed.directory, PLAYGROUND_CONFIG);
    const botPort = await composed.listen();
    // The bot listens on 127.0.0.1 only; "localhost" might be tried as ::1 first.
    const botEndpoint = `http://127.0.0.1:${botPort}/api/messages`;
    const teacher = await startPlayground({ port: PLAYGROUND_PORT, botEndpoint, logFile: resolve('.data', 'playground.log') });
    playgrounds.push(teacher);
    const svibberConfig = resolve('.data', 'playground-svibber.yml');
    const svibberName = writePlaygroundConfigFor(PLAYGROUND_CONFIG, SVIBBER_USER_ID, svibberConfig).name;
    const svibber = await startPlayground({
      port: PLAYGROUND_PORT + 1,
      botEndpoint,
      configPath: svibberConfig,
      logFile: resolve('.data', 'playground-svibber.log'),
    });
    playgrounds.push(svibber);
    console.log(`
  svib-bot is running (Ctrl+C stops everything). Open in your browser:
    ${teacher.url}  as Sanne de Vries, leerkracht
    ${svibber.url}  as ${svibberName}, SVIB'er
`);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `svib-bot could not start: ${(error as Error).message}`);
    await stopAll();
    process.exit(1);
  }
}

void startLocal();
