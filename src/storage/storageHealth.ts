import type { StorageClients } from './storageClients';

export interface StorageHealth {
  tables: 'ok' | 'unreachable';
  blobs: 'ok' | 'unreachable';
}

async function reachable(probe: () => Promise<unknown>, timeoutMs: number): Promise<'ok' | 'unreachable'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'unreachable'>((resolve) => {
    timer = setTimeout(() => resolve('unreachable'), timeoutMs);
  });
  try {
    return await Promise.race([probe().then(() => 'ok' as const), timeout]);
  } catch {
    return 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}

export async function checkStorageHealth(clients: StorageClients, timeoutMs = 3000): Promise<StorageHealth> {
  const [tables, blobs] = await Promise.all([
    // Data-plane reads, so the probe works with the managed identity's data roles too.
    reachable(() => clients.table(clients.names.installationsTable).listEntities().byPage({ maxPageSize: 1 }).next(), timeoutMs),
    reachable(() => clients.container(clients.names.turnStateContainer).listBlobsFlat().byPage({ maxPageSize: 1 }).next(), timeoutMs),
  ]);
  return { tables, blobs };
}
