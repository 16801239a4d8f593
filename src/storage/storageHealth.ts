import type { StorageClients } from './storageClients';
import type { DeliveryQueue, QueueFigures } from './deliveries/DeliveryQueue';

export interface StorageHealth {
  tables: 'ok' | 'unreachable';
  blobs: 'ok' | 'unreachable';
}

async function reachable(probe: (abortSignal: AbortSignal) => Promise<unknown>, timeoutMs: number): Promise<'ok' | 'unreachable'> {
  // Aborting (rather than racing a timer) also stops the SDK's retries, so nothing lingers.
  try {
    await probe(AbortSignal.timeout(timeoutMs));
    return 'ok';
  } catch {
    return 'unreachable';
  }
}

export async function checkStorageHealth(clients: StorageClients, timeoutMs = 3000): Promise<StorageHealth> {
  const [tables, blobs] = await Promise.all([
    // Data-plane reads, so the probe works with the managed identity's data roles too.
    reachable(
      (abortSignal) => clients.table(clients.names.installationsTable).listEntities({ abortSignal }).byPage({ maxPageSize: 1 }).next(),
      timeoutMs,
    ),
    reachable(
      (abortSignal) => clients.container(clients.names.turnStateContainer).listBlobsFlat({ abortSignal }).byPage({ maxPageSize: 1 }).next(),
      timeoutMs,
    ),
  ]);
  return { tables, blobs };
}

/**
 * How the delivery queue is doing: how many messages wait, how old the one at the front is, and
 * how many were given up on (the poison queue, which a beheerder looks at; see README).
 */
export async function checkDeliveryQueue(queue: DeliveryQueue, now: Date, timeoutMs = 3000): Promise<QueueFigures | 'unreachable'> {
  try {
    return await queue.figures(now, AbortSignal.timeout(timeoutMs));
  } catch {
    return 'unreachable';
  }
}
