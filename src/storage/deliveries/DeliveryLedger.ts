import { createHash } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import { deleteEntitiesWhere } from '../deleteEntities';
import { isStatus } from '../storageErrors';

interface LedgerEntity {
  partitionKey: string;
  rowKey: string;
  state: 'sending' | 'sent';
  /** A claim by a sender that died frees itself at this time (ms). */
  claimedUntil: number;
  activityId?: string;
  etag?: string;
}

export type Claim =
  | { kind: 'claimed'; etag: string }
  /** Sent before: a queue message handled twice, nothing to do. */
  | { kind: 'sent' }
  /** Another sender holds it right now (a second copy of the message). */
  | { kind: 'busy'; untilMs: number };

function partitionOf(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 3);
}

/**
 * One row per delivery a sender took on, written with conditional writes: the first sender
 * claims it, a later copy of the same queue message finds it claimed or sent and shows nothing
 * twice. A claim expires, so a delivery whose sender died mid-send is taken over.
 */
export class DeliveryLedger {
  constructor(private readonly table: TableClient) {}

  async claim(id: string, nowMs: number, holdMs: number): Promise<Claim> {
    const entity: LedgerEntity = { partitionKey: partitionOf(id), rowKey: id, state: 'sending', claimedUntil: nowMs + holdMs };
    try {
      const created = await this.table.createEntity(entity);
      return { kind: 'claimed', etag: created.etag ?? '*' };
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
    }
    const existing = await this.table.getEntity<LedgerEntity>(entity.partitionKey, id);
    if (existing.state === 'sent') return { kind: 'sent' };
    if (existing.claimedUntil > nowMs) return { kind: 'busy', untilMs: existing.claimedUntil };
    try {
      const taken = await this.table.updateEntity(entity, 'Replace', { etag: existing.etag });
      return { kind: 'claimed', etag: taken.etag ?? '*' };
    } catch (error) {
      if (isStatus(error, 412)) return { kind: 'busy', untilMs: nowMs + holdMs };
      throw error;
    }
  }

  /** Only the holder of the claim can mark it sent; false when another sender took it over meanwhile. */
  async markSent(id: string, etag: string, activityId: string | undefined): Promise<boolean> {
    try {
      await this.table.updateEntity(
        { partitionKey: partitionOf(id), rowKey: id, state: 'sent', claimedUntil: 0, ...(activityId ? { activityId } : {}) },
        'Replace',
        { etag },
      );
      return true;
    } catch (error) {
      if (isStatus(error, 412)) return false;
      throw error;
    }
  }

  /** Gives a claim back when the try failed, so the retry (or another sender) can claim it at once. */
  async release(id: string, etag: string): Promise<void> {
    try {
      await this.table.deleteEntity(partitionOf(id), id, { etag });
    } catch (error) {
      if (!isStatus(error, 412) && !isStatus(error, 404)) throw error;
    }
  }

  async wasSent(id: string): Promise<boolean> {
    try {
      return (await this.table.getEntity<LedgerEntity>(partitionOf(id), id)).state === 'sent';
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  /** Forgets every row last written before `cutoff` (sent ids, and claims of senders long dead); returns how many. */
  deleteWrittenBefore(cutoff: Date): Promise<number> {
    return deleteEntitiesWhere(this.table, odata`Timestamp lt ${cutoff}`);
  }
}
