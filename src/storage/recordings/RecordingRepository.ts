import { odata, type TableClient } from '@azure/data-tables';
import type { Fragment, Grant, Recording } from '../../domain/recordings/recording';
import { isStatus } from '../storageErrors';
import { parseWithDates, schoolPartition } from '../storageKeys';

const DATE_FIELDS = new Set(['uploadedAt', 'createdAt', 'until', 'grantedAt', 'withdrawnAt']);

function parse<T>(data: string): T {
  return parseWithDates<T>(data, DATE_FIELDS);
}


interface JsonEntity {
  partitionKey: string;
  rowKey: string;
  data: string;
}

/**
 * Recording references, their fragments and the teacher's grants: one table each, one school per
 * partition, so "everything of this trajectory" is a single-partition query.
 */
export class RecordingRepository {
  constructor(
    private readonly recordings: TableClient,
    private readonly fragments: TableClient,
    private readonly grants: TableClient,
  ) {}

  async add(recording: Recording): Promise<void> {
    await this.recordings.createEntity({
      partitionKey: schoolPartition(recording.tenantId, recording.schoolId),
      rowKey: recording.id,
      trajectoryId: recording.trajectoryId,
      data: JSON.stringify(recording),
    });
  }

  async get(tenantId: string, schoolId: string, recordingId: string): Promise<Recording | undefined> {
    try {
      return parse<Recording>((await this.recordings.getEntity<JsonEntity>(schoolPartition(tenantId, schoolId), recordingId)).data);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /**
   * A recording by its id alone, in whatever school or tenant it lives: only to audit a refused
   * attempt where the targeted recording's teacher sees it. A scan, on a refusal path only.
   */
  async findAnywhere(recordingId: string): Promise<Recording | undefined> {
    const [found] = await this.query<Recording>(this.recordings, odata`RowKey eq ${recordingId}`);
    return found;
  }

  async listForTrajectory(tenantId: string, schoolId: string, trajectoryId: string): Promise<Recording[]> {
    return this.query<Recording>(this.recordings, odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)} and trajectoryId eq ${trajectoryId}`);
  }

  /** Every recording of every school: the retention job's round. */
  async listAll(): Promise<Recording[]> {
    return this.query<Recording>(this.recordings);
  }

  /** Removes the reference with its fragments and grants; the blob is removed by the caller. */
  async remove(recording: Recording): Promise<void> {
    for (const fragment of await this.listFragments(recording)) await this.fragments.deleteEntity(recording.id, fragment.id).catch(ignoreMissing);
    for (const grant of await this.listGrants(recording.tenantId, recording.schoolId, recording.id)) {
      await this.grants.deleteEntity(schoolPartition(recording.tenantId, recording.schoolId), grant.id).catch(ignoreMissing);
    }
    await this.recordings.deleteEntity(schoolPartition(recording.tenantId, recording.schoolId), recording.id).catch(ignoreMissing);
  }

  async addFragment(recording: Recording, fragment: Fragment): Promise<void> {
    await this.fragments.createEntity({ partitionKey: recording.id, rowKey: fragment.id, data: JSON.stringify(fragment) });
  }

  async listFragments(recording: Recording): Promise<Fragment[]> {
    const fragments = await this.query<Fragment>(this.fragments, odata`PartitionKey eq ${recording.id}`);
    return fragments.sort((a, b) => a.startSecond - b.startSecond);
  }

  async putGrant(grant: Grant): Promise<void> {
    await this.grants.upsertEntity(
      {
        partitionKey: schoolPartition(grant.tenantId, grant.schoolId),
        rowKey: grant.id,
        recordingId: grant.recordingId,
        granteeId: grant.granteeId,
        data: JSON.stringify(grant),
      },
      'Replace',
    );
  }

  async getGrant(tenantId: string, schoolId: string, grantId: string): Promise<Grant | undefined> {
    try {
      return parse<Grant>((await this.grants.getEntity<JsonEntity>(schoolPartition(tenantId, schoolId), grantId)).data);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async listGrants(tenantId: string, schoolId: string, recordingId: string): Promise<Grant[]> {
    return this.query<Grant>(this.grants, odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)} and recordingId eq ${recordingId}`);
  }

  /** Every grant a colleague ever got at this school, withdrawn and expired ones included. */
  async listGrantsTo(tenantId: string, schoolId: string, granteeId: string): Promise<Grant[]> {
    return this.query<Grant>(this.grants, odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)} and granteeId eq ${granteeId}`);
  }

  private async query<T>(table: TableClient, filter?: string): Promise<T[]> {
    const found: T[] = [];
    for await (const entity of table.listEntities<JsonEntity>(filter ? { queryOptions: { filter } } : {})) found.push(parse<T>(entity.data));
    return found;
  }
}

function ignoreMissing(error: unknown): void {
  if (!isStatus(error, 404)) throw error;
}
