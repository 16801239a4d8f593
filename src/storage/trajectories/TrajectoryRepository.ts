import { odata, type TableClient } from '@azure/data-tables';
import type { PhaseKind, Trajectory } from '../../domain/trajectories/trajectory';
import { isStatus } from '../storageErrors';

interface TrajectoryEntity {
  partitionKey: string;
  rowKey: string;
  teacherId: string;
  svibberId: string;
  phase: PhaseKind;
  /** The whole trajectory as JSON: it is read and written as one aggregate. */
  data: string;
  updatedAt: Date;
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
  return JSON.parse(data, (key, value) => (DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value)) as Trajectory;
}

/** One school's trajectories share a partition, so every school-wide list is one partition query. */
export function trajectoryPartition(tenantId: string, schoolId: string): string {
  return `${tenantId}_${schoolId}`;
}

function toEntity(tenantId: string, trajectory: Trajectory, now: Date): TrajectoryEntity {
  return {
    partitionKey: trajectoryPartition(tenantId, trajectory.schoolId),
    rowKey: trajectory.id,
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
      const entity = await this.table.getEntity<TrajectoryEntity>(trajectoryPartition(tenantId, schoolId), trajectoryId);
      return { trajectory: parse(entity.data), etag: entity.etag };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async update(tenantId: string, stored: StoredTrajectory, next: Trajectory, now: Date): Promise<StoredTrajectory> {
    try {
      const response = await this.table.updateEntity(toEntity(tenantId, next, now), 'Replace', { etag: stored.etag });
      return { trajectory: next, etag: response.etag ?? '' };
    } catch (error) {
      if (isStatus(error, 412)) throw new TrajectoryChangedError(next.id);
      throw error;
    }
  }

  async listForTeacher(tenantId: string, schoolId: string, teacherId: string): Promise<Trajectory[]> {
    return this.query(odata`PartitionKey eq ${trajectoryPartition(tenantId, schoolId)} and teacherId eq ${teacherId}`);
  }

  async listForSvibber(tenantId: string, schoolId: string, svibberId: string): Promise<Trajectory[]> {
    return this.query(odata`PartitionKey eq ${trajectoryPartition(tenantId, schoolId)} and svibberId eq ${svibberId}`);
  }

  async listInPhase(tenantId: string, schoolId: string, phase: PhaseKind): Promise<Trajectory[]> {
    return this.query(odata`PartitionKey eq ${trajectoryPartition(tenantId, schoolId)} and phase eq ${phase}`);
  }

  private async query(filter: string): Promise<Trajectory[]> {
    const found: Trajectory[] = [];
    for await (const entity of this.table.listEntities<TrajectoryEntity>({ queryOptions: { filter } })) found.push(parse(entity.data));
    return found;
  }
}
