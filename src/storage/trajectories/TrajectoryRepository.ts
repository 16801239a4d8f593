import { odata, type TableClient } from '@azure/data-tables';
import type { PhaseKind, Trajectory } from '../../domain/trajectories/trajectory';
import { isStatus } from '../storageErrors';
import { parseWithDates, schoolPartition } from '../storageKeys';

interface TrajectoryEntity {
  partitionKey: string;
  rowKey: string;
  tenantId: string;
  teacherId: string;
  svibberId: string;
  phase: PhaseKind;
  /** The whole trajectory as JSON: it is read and written as one aggregate. */
  data: string;
  updatedAt: Date;
  /** When the SVIB'ers were reminded of this open request; kept outside the aggregate. */
  reminderSentAt?: Date;
  /** When teacher and begeleider were told the trajectory will close for inactivity. */
  inactivityNoticeAt?: Date;
}

/** A trajectory not closed yet, as the inactivity job sees it. */
export interface OpenTrajectory {
  tenantId: string;
  trajectory: Trajectory;
  noticedAt?: Date;
  etag: string;
}

/** An open request as the reminder job sees it. */
export interface OpenRequest {
  tenantId: string;
  trajectory: Trajectory;
  remindedAt?: Date;
  etag: string;
}

export interface StoredTrajectory {
  trajectory: Trajectory;
  /** Optimistic concurrency: an update with a stale ETag is refused by the storage itself. */
  etag: string;
}

/** Raised when someone else changed the trajectory since it was read. */
export class TrajectoryChangedError extends Error {
  constructor(readonly trajectoryId: string) {
    super(`Trajectory ${trajectoryId} was changed by someone else`);
    this.name = 'TrajectoryChangedError';
  }
}

const DATE_FIELDS = new Set(['at', 'createdAt']);

function parse(data: string): Trajectory {
  return parseWithDates<Trajectory>(data, DATE_FIELDS);
}

function toEntity(tenantId: string, trajectory: Trajectory, now: Date): TrajectoryEntity {
  return {
    partitionKey: schoolPartition(tenantId, trajectory.schoolId),
    rowKey: trajectory.id,
    tenantId,
    teacherId: trajectory.teacher.userId,
    svibberId: trajectory.svibber?.userId ?? '',
    phase: trajectory.phase.kind,
    data: JSON.stringify(trajectory),
    updatedAt: now,
  };
}

export class TrajectoryRepository {
  constructor(private readonly table: TableClient) {}

  /** Inserts; false when a trajectory with this id exists already (a repeated submit). */
  async create(tenantId: string, trajectory: Trajectory, now: Date): Promise<boolean> {
    try {
      await this.table.createEntity(toEntity(tenantId, trajectory, now));
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  async get(tenantId: string, schoolId: string, trajectoryId: string): Promise<StoredTrajectory | undefined> {
    try {
      const entity = await this.table.getEntity<TrajectoryEntity>(schoolPartition(tenantId, schoolId), trajectoryId);
      return { trajectory: parse(entity.data), etag: entity.etag };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async update(tenantId: string, stored: StoredTrajectory, next: Trajectory, now: Date): Promise<StoredTrajectory> {
    try {
      // Merge keeps reminderSentAt, which is not part of the aggregate.
      const response = await this.table.updateEntity(toEntity(tenantId, next, now), 'Merge', { etag: stored.etag });
      return { trajectory: next, etag: response.etag ?? '' };
    } catch (error) {
      if (isStatus(error, 412)) throw new TrajectoryChangedError(next.id);
      throw error;
    }
  }

  async listForTeacher(tenantId: string, schoolId: string, teacherId: string): Promise<Trajectory[]> {
    return this.query(odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)} and teacherId eq ${teacherId}`);
  }

  async listForSvibber(tenantId: string, schoolId: string, svibberId: string): Promise<Trajectory[]> {
    return this.query(odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)} and svibberId eq ${svibberId}`);
  }

  /** Every trajectory of one school (one partition); callers filter on what has no indexed column. */
  async listAtSchool(tenantId: string, schoolId: string): Promise<Trajectory[]> {
    return this.query(odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)}`);
  }

  async listInPhase(tenantId: string, schoolId: string, phase: PhaseKind): Promise<Trajectory[]> {
    return this.query(odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)} and phase eq ${phase}`);
  }

  /** Every trajectory of one school: the directie summary counts them (figures only). */
  async listForSchool(tenantId: string, schoolId: string): Promise<Trajectory[]> {
    return this.query(odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)}`);
  }

  /** Every open request of every school: the reminder job's daily round, not a user's query. */
  async listOpenRequests(): Promise<OpenRequest[]> {
    const found: OpenRequest[] = [];
    const filter = odata`phase eq ${'aangevraagd'}`;
    for await (const entity of this.table.listEntities<TrajectoryEntity>({ queryOptions: { filter } })) {
      found.push({
        tenantId: entity.tenantId,
        trajectory: parse(entity.data),
        remindedAt: entity.reminderSentAt ? new Date(entity.reminderSentAt) : undefined,
        etag: entity.etag,
      });
    }
    return found;
  }

  /**
   * Marks the reminder as sent, conditional on the state the job read. Of several instances (or a
   * restarted one) only the first succeeds, so the SVIB'ers are reminded exactly once.
   */
  async claimReminder(request: OpenRequest, now: Date): Promise<boolean> {
    return this.claimMark(request.tenantId, request.trajectory, request.etag, { reminderSentAt: now });
  }

  /** Every trajectory not closed yet, of every school: the inactivity job's nightly round. */
  async listOpen(): Promise<OpenTrajectory[]> {
    const found: OpenTrajectory[] = [];
    const filter = odata`phase ne ${'afgesloten'} and phase ne ${'geannuleerd'}`;
    for await (const entity of this.table.listEntities<TrajectoryEntity>({ queryOptions: { filter } })) {
      found.push({
        tenantId: entity.tenantId,
        trajectory: parse(entity.data),
        noticedAt: entity.inactivityNoticeAt ? new Date(entity.inactivityNoticeAt) : undefined,
        etag: entity.etag,
      });
    }
    return found;
  }

  /**
   * Marks the inactivity notice as sent, conditional on the state the job read: of several
   * instances (or a restarted one) only the first succeeds, so the notice goes out once.
   */
  async claimInactivityNotice(open: OpenTrajectory, now: Date): Promise<boolean> {
    return this.claimMark(open.tenantId, open.trajectory, open.etag, { inactivityNoticeAt: now });
  }

  /** When a job's mark was written last; undefined when never (or the trajectory is gone). */
  async markOf(tenantId: string, schoolId: string, trajectoryId: string, mark: 'reminderSentAt' | 'inactivityNoticeAt'): Promise<Date | undefined> {
    try {
      const entity = await this.table.getEntity<TrajectoryEntity>(schoolPartition(tenantId, schoolId), trajectoryId, { queryOptions: { select: [mark] } });
      const value = entity[mark];
      return value ? new Date(value) : undefined;
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** Writes a job's mark only if the row is still as the job read it; false when another got there first. */
  private async claimMark(tenantId: string, trajectory: Trajectory, etag: string, mark: Record<string, Date>): Promise<boolean> {
    try {
      await this.table.updateEntity({ partitionKey: schoolPartition(tenantId, trajectory.schoolId), rowKey: trajectory.id, ...mark }, 'Merge', { etag });
      return true;
    } catch (error) {
      if (isStatus(error, 412) || isStatus(error, 404)) return false;
      throw error;
    }
  }

  private async query(filter: string): Promise<Trajectory[]> {
    const found: Trajectory[] = [];
    for await (const entity of this.table.listEntities<TrajectoryEntity>({ queryOptions: { filter } })) found.push(parse(entity.data));
    return found;
  }
}
