import { ConfigError, loadConfig } from './config/config';
import { composeApp } from './composition/composeApp';

/** Production entry: storage and credentials come from the environment (App Service settings). */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const composed = await composeApp(config);
  await composed.listen();
  const stop = () => void composed.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('svib-bot failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
