import { ContainerClient } from '@azure/storage-blob';
import { startEchoBot } from './echoBot';

/**
 * The echo bot as a process of its own, for the cold-start comparison: started the way the bot
 * is (node, environment), it answers its first turn as soon as it can.
 */
async function main(): Promise<void> {
  const connectionString = process.env.AZURE_STORAGE_CONNECTION_STRING;
  const container = process.env.ECHO_CONTAINER;
  if (!connectionString || !container) throw new Error('AZURE_STORAGE_CONNECTION_STRING and ECHO_CONTAINER are required');
  const bot = await startEchoBot(new ContainerClient(connectionString, container), Number(process.env.PORT ?? 0));
  const stop = () => void bot.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('echo bot failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
