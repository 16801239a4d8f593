import { createHash } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import { deleteEntitiesWhere } from '../deleteEntities';
import { isStatus } from '../storageErrors';

/**
 * Single-use links: the first use inserts the link's nonce, any later use finds it taken. Jobs
 * use the same claim for "only once" keys (a warning, an announcement).
 */
export class UsedLinkRepository {
  constructor(private readonly table: TableClient) {}

  /**
   * `forgetAfter`: from then on a second use cannot happen any more (the link has expired), so the
   * row may be deleted. Without it the claim is kept for good: keys are hashed, so nothing else
   * tells a link's nonce from a job's claim that must hold as long as its grant.
   */
  async useOnce(nonce: string, now: Date, forgetAfter?: Date): Promise<boolean> {
    const key = createHash('sha256').update(nonce).digest('hex');
    try {
      await this.table.createEntity({ partitionKey: key.slice(0, 2), rowKey: key, usedAt: now, ...(forgetAfter && { forgetAfter }) });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  /** When `nonce` was used; undefined when never (or forgotten). */
  async usedAt(nonce: string): Promise<Date | undefined> {
    const key = createHash('sha256').update(nonce).digest('hex');
    try {
      const entity = await this.table.getEntity<{ usedAt?: Date }>(key.slice(0, 2), key, { queryOptions: { select: ['usedAt'] } });
      return entity.usedAt ? new Date(entity.usedAt) : undefined;
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** Deletes the uses whose `forgetAfter` has passed; returns how many. */
  async deleteForgettable(now: Date): Promise<number> {
    return deleteEntitiesWhere(this.table, odata`forgetAfter lt ${now}`);
  }
}
