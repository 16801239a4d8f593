import { mkdirSync } from 'node:fs';
import { binOf, startNodeChild } from './childProcess';
import { freePort, waitForPort } from './freePort';

/** Azurite's published development account; it is not a secret. */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteOptions {
  /** Keep data in this folder; without it Azurite keeps everything in memory. */
  location?: string;
  blobPort?: number;
  queuePort?: number;
  tablePort?: number;
}

export interface RunningAzurite {
  connectionString: string;
  stop(): Promise<void>;
}

export function azuriteConnectionString(blobPort: number, tablePort: number, queuePort?: number): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${DEV_ACCOUNT}`,
    `AccountKey=${DEV_KEY}`,
    `BlobEndpoint=http://127.0.0.1:${blobPort}/${DEV_ACCOUNT}`,
    `TableEndpoint=http://127.0.0.1:${tablePort}/${DEV_ACCOUNT}`,
    ...(queuePort ? [`QueueEndpoint=http://127.0.0.1:${queuePort}/${DEV_ACCOUNT}`] : []),
  ].join(';');
}

/** Starts Azurite (blob, queue and table service) from its npm package and waits until both listen. */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const blobPort = options.blobPort ?? (await freePort());
  const queuePort = options.queuePort ?? (await freePort());
  const tablePort = options.tablePort ?? (await freePort());
  const storageArgs = options.location ? ['--location', options.location] : ['--inMemoryPersistence'];
  if (options.location) mkdirSync(options.location, { recursive: true });

  const child = startNodeChild(
    binOf('azurite', 'azurite'),
    [
      '--silent',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--blobHost', '127.0.0.1', '--blobPort', String(blobPort),
      '--queueHost', '127.0.0.1', '--queuePort', String(queuePort),
      '--tableHost', '127.0.0.1', '--tablePort', String(tablePort),
      ...storageArgs,
    ],
    process.env,
  );
  try {
    await waitForPort(blobPort, 'Azurite blob service', 60_000, child.isAlive);
    await waitForPort(tablePort, 'Azurite table service', 60_000, child.isAlive);
    await waitForPort(queuePort, 'Azurite queue service', 60_000, child.isAlive);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { connectionString: azuriteConnectionString(blobPort, tablePort, queuePort), stop: child.stop };
}
