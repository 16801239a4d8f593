import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { Delivery } from '../../domain/deliveries/delivery';
import { isStatus } from '../storageErrors';
import { fromChunks, toChunks } from './chunkedJson';

/** All outbox rows share one partition, so a fan-out is written in one transaction of up to 100. */
const PARTITION = 'outbox';
const TRANSACTION_MAX = 100;

/**
 * Deliveries written down before they go on the queue and removed once they are on it. A row
 * that stays (the process died in between, or the queue could not be reached) is queued by the
 * sweep, so nothing a turn announced is lost.
 */
export class DeliveryOutbox {
  constructor(private readonly table: TableClient) {}

  async add(deliveries: readonly Delivery[]): Promise<void> {
    await this.inTransactions(deliveries.map((delivery): TransactionAction => ['upsert', { partitionKey: PARTITION, rowKey: delivery.id, ...toChunks(delivery) }, 'Replace']));
  }

  async remove(ids: readonly string[]): Promise<void> {
    try {
      await this.inTransactions(ids.map((id): TransactionAction => ['delete', { partitionKey: PARTITION, rowKey: id }]));
    } catch (error) {
      // The sweep of another instance removed some first: remove the rest one by one.
      if (!isStatus(error, 404)) throw error;
      for (const id of ids) await this.table.deleteEntity(PARTITION, id).catch((inner: unknown) => { if (!isStatus(inner, 404)) throw inner; });
    }
  }

  /** Rows older than `before`: what a crash between writing and queueing left behind. */
  async listStale(before: Date): Promise<Delivery[]> {
    const found: Delivery[] = [];
    const filter = odata`PartitionKey eq ${PARTITION} and Timestamp lt ${before}`;
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) found.push(fromChunks<Delivery>(entity));
    return found;
  }

  /** How many rows wait: 0 means every announced delivery is on the queue. */
  async count(): Promise<number> {
    let count = 0;
    const filter = odata`PartitionKey eq ${PARTITION}`;
    for await (const entity of this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) if (entity) count++;
    return count;
  }

  private async inTransactions(actions: TransactionAction[]): Promise<void> {
    for (let start = 0; start < actions.length; start += TRANSACTION_MAX) {
      const slice = actions.slice(start, start + TRANSACTION_MAX);
      if (slice.length === 1) {
        const [kind, entity] = slice[0];
        if (kind === 'delete') await this.table.deleteEntity(entity.partitionKey, entity.rowKey);
        else await this.table.upsertEntity(entity, 'Replace');
      } else {
        await this.table.submitTransaction(slice);
      }
    }
  }
}
