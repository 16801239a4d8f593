import { odata, type TableClient } from '@azure/data-tables';
import { deleteEntitiesWhere } from '../deleteEntities';
import { isStatus } from '../storageErrors';

const PARTITION = 'delayed';

/**
 * Queue messages waiting out a retry delay are invisible, and a queue's peek shows only visible
 * ones: this table remembers when each delayed message was first queued and when it shows again,
 * so the oldest message's age counts them too. One row per queue message, removed with it.
 */
export class DelayedDeliveries {
  constructor(private readonly table: TableClient) {}

  async delayed(messageId: string, insertedOn: Date, visibleAt: Date): Promise<void> {
    await this.table.upsertEntity({ partitionKey: PARTITION, rowKey: messageId, insertedOn: insertedOn.getTime(), visibleAt: visibleAt.getTime() }, 'Replace');
  }

  async done(messageId: string): Promise<void> {
    try {
      await this.table.deleteEntity(PARTITION, messageId);
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }

  /**
   * When the oldest message still waiting out its delay was queued. A row whose message shows
   * again (or was removed by a sender that died before it could say so) no longer counts.
   */
  async oldestWaiting(now: Date, abortSignal?: AbortSignal): Promise<Date | undefined> {
    let oldest: number | undefined;
    const filter = odata`PartitionKey eq ${PARTITION} and visibleAt gt ${now.getTime()}`;
    for await (const row of this.table.listEntities<{ insertedOn: number }>({ queryOptions: { filter, select: ['insertedOn'] }, abortSignal })) {
      if (oldest === undefined || row.insertedOn < oldest) oldest = row.insertedOn;
    }
    return oldest === undefined ? undefined : new Date(oldest);
  }

  /** Forgets rows whose messages showed again before `cutoff` and were never marked done (a crash). */
  deleteVisibleBefore(cutoff: Date): Promise<number> {
    return deleteEntitiesWhere(this.table, odata`PartitionKey eq ${PARTITION} and visibleAt lt ${cutoff.getTime()}`);
  }
}
