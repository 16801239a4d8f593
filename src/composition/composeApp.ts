import type { Server } from 'restify';
import type { Config } from '../config/config';
import { createLogger, type Logger } from '../logging/logger';
import { textsFor } from '../texts';
import { createStorageClients, ensureStorage, type StorageClients } from '../storage/storageClients';
import { checkStorageHealth } from '../storage/storageHealth';
import { InstallationRepository } from '../storage/installations/InstallationRepository';
import { ProcessedActivityRepository } from '../storage/activities/ProcessedActivityRepository';
import { createTeamsAdapter } from '../teams/createTeamsAdapter';
import { BlobTurnStateStorage } from '../teams/BlobTurnStateStorage';
import { createBotApplication } from '../teams/createBotApplication';
import { createMessagesEndpoint } from '../teams/messagesEndpoint';
import { createHttpServer } from '../http/createHttpServer';

export interface ComposeOverrides {
  logger?: Logger;
  now?: () => Date;
}

export interface ComposedApp {
  config: Config;
  logger: Logger;
  storage: StorageClients;
  repositories: { installations: InstallationRepository; processedActivities: ProcessedActivityRepository };
  server: Server;
  /**
   * Listens on the configured port (0 picks a free one), logs whether inbound calls are
   * authenticated, and resolves with the port taken.
   */
  listen(): Promise<number>;
  close(): Promise<void>;
}

/** The one place that wires svib-bot together; tests compose it with their own settings. */
export async function composeApp(config: Config, overrides: ComposeOverrides = {}): Promise<ComposedApp> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const now = overrides.now ?? (() => new Date());
  const texts = textsFor('nl');

  const storage = createStorageClients(config.storage, config.storageNamePrefix);
  await ensureStorage(storage);
  const installations = new InstallationRepository(storage.table(storage.names.installationsTable));
  const processedActivities = new ProcessedActivityRepository(storage.table(storage.names.processedActivitiesTable));

  const adapter = createTeamsAdapter(config.botAuth);
  const app = createBotApplication(
    {
      adapter,
      turnStateStorage: new BlobTurnStateStorage(storage.container(storage.names.turnStateContainer)),
      botAppId: config.botAuth.mode === 'authenticated' ? config.botAuth.appId : '',
    },
    { installations, texts, logger, now },
  );
  const messages = createMessagesEndpoint({ adapter, app, processedActivities, texts, logger, now });
  const server = createHttpServer({ messages, storageHealth: () => checkStorageHealth(storage) });

  return {
    config,
    logger,
    storage,
    repositories: { installations, processedActivities },
    server,
    listen: () =>
      new Promise((resolve) => {
        server.listen(config.port, () => {
          const port = server.address().port;
          logger.info(
            { port, authentication: config.botAuth.mode, storage: config.storage.kind },
            config.botAuth.mode === 'local'
              ? 'svib-bot listening in LOCAL MODE: inbound calls are not authenticated (set BOT_ID to enforce)'
              : 'svib-bot listening; Bot Framework authentication enforced',
          );
          resolve(port);
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
