import { createHash } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { isStatus } from '../storageErrors';

/** Single-use links: the first use inserts the link's nonce, any later use finds it taken. */
export class UsedLinkRepository {
  constructor(private readonly table: TableClient) {}

  async useOnce(nonce: string, now: Date): Promise<boolean> {
    const key = createHash('sha256').update(nonce).digest('hex');
    try {
      await this.table.createEntity({ partitionKey: key.slice(0, 2), rowKey: key, usedAt: now });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }
}
