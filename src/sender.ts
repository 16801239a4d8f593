import { ConfigError, loadConfig } from './config/config';
import { composeApp } from './composition/composeApp';

/**
 * Sends queued deliveries and nothing else (`npm run sender`): the same composition as the bot,
 * without its HTTP server, plus the outbox sweep. Any number can run beside the bot's processes.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const composed = await composeApp(config);
  composed.deliveries.startSender();
  const sweep = setInterval(() => {
    composed.deliveries.sweep().catch((error: unknown) => composed.logger.warn({ err: { message: (error as Error).message } }, 'outbox sweep failed'));
  }, 60_000);
  composed.logger.info({ storage: config.storage.kind }, 'svib-bot sender running');
  const stop = () => {
    clearInterval(sweep);
    void composed.deliveries.sender.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `svib-bot sender failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
