import { createHash } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import type { ConversationLease, TenantBudget } from '../../domain/deliveries/sharedLimits';
import { isStatus } from '../storageErrors';

/** A row as read, with the ETag a conditional write needs; undefined when there is none yet. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

/** Written with an ETag (or created); `undefined` when another sender wrote first (412, or 409 on create). */
export type WriteResult = { etag: string } | undefined;

interface LeaseEntity {
  partitionKey: string;
  rowKey: string;
  owner: string;
  leaseUntil: number;
  quietBy: number;
  writtenAt: number;
  /** JSON array of send times (ms); at most the largest window's maximum (1800 numbers) fits easily. */
  history: string;
}

interface BudgetEntity {
  partitionKey: string;
  rowKey: string;
  bucket: number;
  used: number;
  /** JSON array of the counts of the buckets before `bucket` (a dozen numbers). */
  before?: string;
}

/** Keys may hold characters a RowKey does not allow ('/', '#', '?'): rows are named by a hash. */
function hashOf(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function leaseKeys(conversationKey: string) {
  const hash = hashOf(conversationKey);
  // Spread over partitions so busy conversations do not share one.
  return { partitionKey: `conversation-${hash.slice(0, 2)}`, rowKey: hash };
}

/**
 * One row per tenant and bucket length: a row counts buckets by number, so senders with another
 * bucket length (during a rolling update that changes it) would misread it, one side as long
 * past, the other as far ahead. Apart, each generation keeps its own count; Teams' 429s cover
 * the overlap while both run.
 */
function budgetKeys(tenantId: string, bucketMs: number) {
  return { partitionKey: 'tenant', rowKey: `${hashOf(tenantId)}-${bucketMs}ms` };
}

/**
 * The rows senders share to keep Teams' limits together: one lease per conversation and one
 * budget per tenant, each written only with its ETag (optimistic concurrency). Thin: what the rows
 * mean is decided in `domain/deliveries/sharedLimits`.
 */
export class DeliveryLimitRows {
  constructor(private readonly table: TableClient) {}

  async readLease(conversationKey: string): Promise<Versioned<ConversationLease> | undefined> {
    const keys = leaseKeys(conversationKey);
    const entity = await this.read<LeaseEntity>(keys.partitionKey, keys.rowKey);
    if (!entity) return undefined;
    const { owner, leaseUntil, quietBy, writtenAt, history } = entity.value;
    return { etag: entity.etag, value: { owner, leaseUntil, quietBy, writtenAt, history: JSON.parse(history) as number[] } };
  }

  /** Writes the lease if the row is still at `etag` (or, without one, does not exist yet). */
  writeLease(conversationKey: string, lease: ConversationLease, etag: string | undefined): Promise<WriteResult> {
    const { history, ...rest } = lease;
    return this.write({ ...leaseKeys(conversationKey), ...rest, history: JSON.stringify(history) }, etag);
  }

  async readBudget(tenantId: string, bucketMs: number): Promise<Versioned<TenantBudget> | undefined> {
    const keys = budgetKeys(tenantId, bucketMs);
    const entity = await this.read<BudgetEntity>(keys.partitionKey, keys.rowKey);
    if (!entity) return undefined;
    const { bucket, used, before } = entity.value;
    return { etag: entity.etag, value: { bucket, used, before: before ? (JSON.parse(before) as number[]) : [] } };
  }

  writeBudget(tenantId: string, bucketMs: number, budget: TenantBudget, etag: string | undefined): Promise<WriteResult> {
    return this.write({ ...budgetKeys(tenantId, bucketMs), bucket: budget.bucket, used: budget.used, before: JSON.stringify(budget.before ?? []) }, etag);
  }

  private async read<T extends object>(partitionKey: string, rowKey: string): Promise<Versioned<T> | undefined> {
    try {
      const entity = await this.table.getEntity<T>(partitionKey, rowKey);
      return { value: entity, etag: entity.etag };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  private async write(entity: { partitionKey: string; rowKey: string } & Record<string, unknown>, etag: string | undefined): Promise<WriteResult> {
    try {
      const written = etag ? await this.table.updateEntity(entity, 'Replace', { etag }) : await this.table.createEntity(entity);
      return { etag: written.etag ?? '*' };
    } catch (error) {
      if (isStatus(error, 412) || isStatus(error, 409) || (etag && isStatus(error, 404))) return undefined;
      throw error;
    }
  }
}
