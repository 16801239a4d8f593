import type { TableClient } from '@azure/data-tables';
import { isStatus } from '../storageErrors';
import { schoolPartition } from '../storageKeys';

/**
 * Which summaries went out, one row per school and period. A period is claimed with a
 * conditional insert before anything is posted, so of two instances (or a restarted one) only one
 * ever posts it; a post that failed for a passing reason gives its claim back for the next round.
 */
export interface SentSummary {
  periodKey: string;
  start: Date;
  end: Date;
  /** rejected: Teams refused the message itself (4xx other than 403/429); trying again cannot help. */
  state: 'sending' | 'posted' | 'blocked' | 'rejected';
  late: boolean;
  claimedAt: Date;
}

interface SentEntity extends Omit<SentSummary, 'periodKey'> {
  partitionKey: string;
  rowKey: string;
}

export interface Claim {
  tenantId: string;
  schoolId: string;
  periodKey: string;
  etag: string;
}

/** A claim still "sending" after this long belonged to an instance that stopped mid-post. */
export const STALE_CLAIM_MS = 15 * 60_000;

export class SummaryLedger {
  constructor(private readonly table: TableClient) {}

  /**
   * Undefined when someone else claimed (or posted) this period already. A claim left "sending"
   * by a crashed instance is taken over (conditionally, so by one instance only) once it is stale.
   */
  async claim(tenantId: string, schoolId: string, period: { key: string; start: Date; end: Date }, late: boolean, now: Date): Promise<Claim | undefined> {
    try {
      const response = await this.table.createEntity<SentEntity>({
        partitionKey: schoolPartition(tenantId, schoolId),
        rowKey: period.key,
        start: period.start,
        end: period.end,
        state: 'sending',
        late,
        claimedAt: now,
      });
      return { tenantId, schoolId, periodKey: period.key, etag: response.etag ?? '' };
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
    }
    return this.takeOverStale(tenantId, schoolId, period.key, now);
  }

  private async takeOverStale(tenantId: string, schoolId: string, periodKey: string, now: Date): Promise<Claim | undefined> {
    const partitionKey = schoolPartition(tenantId, schoolId);
    let existing: SentEntity & { etag: string };
    try {
      existing = await this.table.getEntity<SentEntity>(partitionKey, periodKey);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
    if (existing.state !== 'sending' || now.getTime() - new Date(existing.claimedAt).getTime() < STALE_CLAIM_MS) return undefined;
    try {
      const response = await this.table.updateEntity({ partitionKey, rowKey: periodKey, claimedAt: now }, 'Merge', { etag: existing.etag });
      return { tenantId, schoolId, periodKey, etag: response.etag ?? '' };
    } catch (error) {
      if (isStatus(error, 412) || isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async mark(claim: Claim, state: 'posted' | 'blocked' | 'rejected'): Promise<void> {
    await this.table.updateEntity({ partitionKey: schoolPartition(claim.tenantId, claim.schoolId), rowKey: claim.periodKey, state }, 'Merge', { etag: claim.etag });
  }

  /** Gives a claim back after a failed post, so the next round tries the period again. */
  async release(claim: Claim): Promise<void> {
    try {
      await this.table.deleteEntity(schoolPartition(claim.tenantId, claim.schoolId), claim.periodKey, { etag: claim.etag });
    } catch (error) {
      if (!isStatus(error, 404) && !isStatus(error, 412)) throw error;
    }
  }

  async get(tenantId: string, schoolId: string, periodKey: string): Promise<SentSummary | undefined> {
    try {
      const entity = await this.table.getEntity<SentEntity>(schoolPartition(tenantId, schoolId), periodKey);
      return { periodKey, start: new Date(entity.start), end: new Date(entity.end), state: entity.state, late: entity.late, claimedAt: new Date(entity.claimedAt) };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }
}
