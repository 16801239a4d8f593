import { odata, type TableClient } from '@azure/data-tables';
import type { Round } from '../../domain/kijkwijzer/round';
import type { RoundFigures } from '../../domain/kijkwijzer/roundFigures';
import { isStatus } from '../storageErrors';
import { parseWithDates, schoolPartition } from '../storageKeys';

const DATE_FIELDS = new Set(['startedAt', 'closesAt', 'closedAt', 'remindedAt']);

interface RoundEntity {
  partitionKey: string;
  rowKey: string;
  status: Round['status'];
  sequence: number;
  data: string;
  /** Raw counts, written once when the round closes (never answers or notes). */
  figures?: string;
}

/** Counts kept with a closed round; notes only as how many per statement. */
export type StoredFigures = RoundFigures & { notes: Record<string, number> };

export interface StoredRound {
  round: Round;
  figures?: StoredFigures;
  etag: string;
}

function fromEntity(entity: RoundEntity & { etag: string }): StoredRound {
  return {
    round: parseWithDates<Round>(entity.data, DATE_FIELDS),
    ...(entity.figures ? { figures: parseWithDates<StoredFigures>(entity.figures, DATE_FIELDS) } : {}),
    etag: entity.etag,
  };
}

/** Kijkwijzer rounds, one school per partition; every state change is a conditional write. */
export class KijkwijzerRoundRepository {
  constructor(private readonly table: TableClient) {}

  async create(round: Round): Promise<boolean> {
    try {
      await this.table.createEntity<RoundEntity>({ partitionKey: schoolPartition(round.tenantId, round.schoolId), rowKey: round.id, status: round.status, sequence: round.sequence, data: JSON.stringify(round) });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  async get(tenantId: string, schoolId: string, roundId: string): Promise<StoredRound | undefined> {
    try {
      return fromEntity(await this.table.getEntity<RoundEntity>(schoolPartition(tenantId, schoolId), roundId));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** The school's rounds, oldest first. */
  async listForSchool(tenantId: string, schoolId: string): Promise<StoredRound[]> {
    const rounds = await this.query(odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)}`);
    return rounds.sort((a, b) => a.round.sequence - b.round.sequence);
  }

  /** Open rounds of every school: the jobs' round. */
  async listOpen(): Promise<StoredRound[]> {
    return this.query(odata`status eq ${'open'}`);
  }

  /** Replaces the round only if nobody changed it since it was read; false otherwise. */
  async update(stored: StoredRound, round: Round, figures?: StoredFigures): Promise<boolean> {
    try {
      await this.table.updateEntity<RoundEntity>(
        {
          partitionKey: schoolPartition(round.tenantId, round.schoolId),
          rowKey: round.id,
          status: round.status,
          sequence: round.sequence,
          data: JSON.stringify(round),
          ...(figures ?? stored.figures ? { figures: JSON.stringify(figures ?? stored.figures) } : {}),
        },
        'Replace',
        { etag: stored.etag },
      );
      return true;
    } catch (error) {
      if (isStatus(error, 412) || isStatus(error, 404)) return false;
      throw error;
    }
  }

  private async query(filter: string): Promise<StoredRound[]> {
    const found: StoredRound[] = [];
    for await (const entity of this.table.listEntities<RoundEntity>({ queryOptions: { filter } })) found.push(fromEntity(entity as RoundEntity & { etag: string }));
    return found;
  }
}
