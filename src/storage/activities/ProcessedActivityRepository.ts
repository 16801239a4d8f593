import { createHash } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import { deleteEntitiesWhere } from '../deleteEntities';
import { isStatus } from '../storageErrors';

function keyPart(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Remembers which inbound activities were handled, so one that Teams delivers twice is
 * handled once. A claim is an insert: of two racing deliveries exactly one succeeds.
 */
export class ProcessedActivityRepository {
  constructor(private readonly table: TableClient) {}

  /** True when this call is the first to claim the activity. */
  async claim(conversationId: string, activityId: string, now: Date): Promise<boolean> {
    try {
      await this.table.createEntity({ partitionKey: keyPart(conversationId), rowKey: keyPart(activityId), claimedAt: now });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  /** Gives a claim back when handling failed, so a redelivery can try again. */
  async release(conversationId: string, activityId: string): Promise<void> {
    try {
      await this.table.deleteEntity(keyPart(conversationId), keyPart(activityId));
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }

  /** Forgets claims written before `cutoff` (by the table's own timestamp); returns how many. */
  async deleteClaimedBefore(cutoff: Date): Promise<number> {
    return deleteEntitiesWhere(this.table, odata`Timestamp lt ${cutoff}`);
  }
}
