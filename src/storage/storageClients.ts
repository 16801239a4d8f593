import { TableClient, TableServiceClient } from '@azure/data-tables';
import { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import { QueueServiceClient, type QueueClient } from '@azure/storage-queue';
import { DefaultAzureCredential } from '@azure/identity';
import type { StorageConfig } from '../config/config';
import { isStatus } from './storageErrors';

/** Every table and container svib-bot uses; the prefix keeps parallel test runs apart. */
export function storageNames(prefix: string) {
  return {
    installationsTable: `${prefix}Installations`,
    processedActivitiesTable: `${prefix}ProcessedActivities`,
    schoolsTable: `${prefix}Schools`,
    schoolMembersTable: `${prefix}SchoolMembers`,
    peopleTable: `${prefix}People`,
    trajectoriesTable: `${prefix}Trajectories`,
    sentCardsTable: `${prefix}SentCards`,
    appointmentsTable: `${prefix}Appointments`,
    jobLeasesContainer: `${prefix}-jobleases`,
    recordingsContainer: `${prefix}-recordings`,
    recordingsTable: `${prefix}Recordings`,
    fragmentsTable: `${prefix}Fragments`,
    grantsTable: `${prefix}Grants`,
    clipsTable: `${prefix}Clips`,
    auditTable: `${prefix}Audit`,
    usedLinksTable: `${prefix}UsedLinks`,
    kijkwijzerListsTable: `${prefix}KijkwijzerLists`,
    kijkwijzerRoundsTable: `${prefix}KijkwijzerRounds`,
    kijkwijzerAnswersTable: `${prefix}KijkwijzerAnswers`,
    observationsTable: `${prefix}Observations`,
    summarySettingsTable: `${prefix}SummarySettings`,
    summariesSentTable: `${prefix}SummariesSent`,
    turnStateContainer: `${prefix}-turnstate`,
    /** Deliveries written before they are queued; a sweep queues what a crash left here. */
    deliveryOutboxTable: `${prefix}DeliveryOutbox`,
    /** One row per delivery once a sender claimed or sent it: what makes a redelivery harmless. */
    deliveryLedgerTable: `${prefix}DeliveryLedger`,
    /** What senders share to keep Teams' limits together: conversation leases, tenant budgets. */
    deliveryLimitsTable: `${prefix}DeliveryLimits`,
    /** Queue messages waiting out a retry delay (invisible to a peek), for the oldest message's age. */
    deliveryDelaysTable: `${prefix}DeliveryDelays`,
    deliveryQueue: `${prefix}-deliveries`,
    deliveryPoisonQueue: `${prefix}-deliveries-poison`,
    /** Deliveries too large for a queue message (a summary card with its chart). */
    deliveryPayloadsContainer: `${prefix}-delivery-payloads`,
  };
}

export type StorageNames = ReturnType<typeof storageNames>;

export interface StorageClients {
  names: StorageNames;
  tableService: TableServiceClient;
  blobService: BlobServiceClient;
  queueService: QueueServiceClient;
  table(name: string): TableClient;
  container(name: string): ContainerClient;
  queue(name: string): QueueClient;
}

export function createStorageClients(config: StorageConfig, prefix: string): StorageClients {
  const names = storageNames(prefix);
  if (config.kind === 'connectionString') {
    // Azurite speaks plain http; Azure itself is always https.
    const options = { allowInsecureConnection: /DefaultEndpointsProtocol=http;|https?:\/\/(127\.0\.0\.1|localhost)/.test(config.connectionString) };
    const blobService = BlobServiceClient.fromConnectionString(config.connectionString);
    const queueService = QueueServiceClient.fromConnectionString(config.connectionString);
    return {
      names,
      tableService: TableServiceClient.fromConnectionString(config.connectionString, options),
      blobService,
      queueService,
      table: (name) => TableClient.fromConnectionString(config.connectionString, name, options),
      container: (name) => blobService.getContainerClient(name),
      queue: (name) => queueService.getQueueClient(name),
    };
  }
  const credential = new DefaultAzureCredential();
  const tableUrl = `https://${config.accountName}.table.core.windows.net`;
  const blobService = new BlobServiceClient(`https://${config.accountName}.blob.core.windows.net`, credential);
  // The same account and identity; Bicep gives it Storage Queue Data Contributor.
  const queueService = new QueueServiceClient(`https://${config.accountName}.queue.core.windows.net`, credential);
  return {
    names,
    tableService: new TableServiceClient(tableUrl, credential),
    blobService,
    queueService,
    table: (name) => new TableClient(tableUrl, name, credential),
    container: (name) => blobService.getContainerClient(name),
    queue: (name) => queueService.getQueueClient(name),
  };
}

/**
 * The upload and player pages talk to Blob Storage from the browser. Azure gets its CORS rule
 * (the app's own origin only) from Bicep; the local Azurite emulator gets an open one here,
 * which is harmless there because every request still needs a SAS.
 */
export async function allowBrowserAccessToAzurite(clients: StorageClients): Promise<void> {
  if (clients.blobService.accountName !== 'devstoreaccount1') return;
  await clients.blobService.setProperties({
    cors: [{ allowedOrigins: '*', allowedMethods: 'GET,HEAD,PUT,OPTIONS', allowedHeaders: '*', exposedHeaders: '*', maxAgeInSeconds: 3600 }],
  });
}

/** Creates what is missing; safe to run on every start and from several instances at once. */
export async function ensureStorage(clients: StorageClients): Promise<void> {
  const { names } = clients;
  const tables = [
    names.installationsTable,
    names.processedActivitiesTable,
    names.schoolsTable,
    names.schoolMembersTable,
    names.peopleTable,
    names.trajectoriesTable,
    names.sentCardsTable,
    names.appointmentsTable,
    names.recordingsTable,
    names.fragmentsTable,
    names.grantsTable,
    names.clipsTable,
    names.auditTable,
    names.usedLinksTable,
    names.kijkwijzerListsTable,
    names.kijkwijzerRoundsTable,
    names.kijkwijzerAnswersTable,
    names.observationsTable,
    names.deliveryOutboxTable,
    names.deliveryLedgerTable,
    names.deliveryLimitsTable,
    names.deliveryDelaysTable,
    names.summarySettingsTable,
    names.summariesSentTable,
  ];
  // In parallel: every start (and every test app) creates them, and each is one round trip.
  await Promise.all(
    tables.map(async (table) => {
      try {
        await clients.table(table).createTable();
      } catch (error) {
        if (!isStatus(error, 409)) throw error;
      }
    }),
  );
  await clients.container(names.turnStateContainer).createIfNotExists();
  await clients.container(names.jobLeasesContainer).createIfNotExists();
  // No public access level: every read goes through a SAS the server issues after a policy check.
  await clients.container(names.recordingsContainer).createIfNotExists();
  await clients.container(names.deliveryPayloadsContainer).createIfNotExists();
  await clients.queue(names.deliveryQueue).createIfNotExists();
  await clients.queue(names.deliveryPoisonQueue).createIfNotExists();
  await allowBrowserAccessToAzurite(clients);
}
