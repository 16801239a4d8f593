import { odata, type TableClient } from '@azure/data-tables';
import type { Observation, ObserverRole } from '../../domain/kijkwijzer/observation';
import { parseWithDates, schoolPartition } from '../storageKeys';

interface ObservationEntity {
  partitionKey: string;
  rowKey: string;
  trajectoryId: string;
  recordingId: string;
  data: string;
}

const DATE_FIELDS = new Set(['updatedAt']);

/** Observation kijkwijzers: one per recording and author role, one school per partition. */
export class ObservationRepository {
  constructor(private readonly table: TableClient) {}

  /** Replaces the author's observation of the recording: the newest submit is what she meant. */
  async put(observation: Observation): Promise<void> {
    await this.table.upsertEntity<ObservationEntity>(
      {
        partitionKey: schoolPartition(observation.tenantId, observation.schoolId),
        rowKey: `${observation.recordingId}|${observation.author}`,
        trajectoryId: observation.trajectoryId,
        recordingId: observation.recordingId,
        data: JSON.stringify(observation),
      },
      'Replace',
    );
  }

  async listForRecording(tenantId: string, schoolId: string, recordingId: string): Promise<Observation[]> {
    return this.query(odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)} and recordingId eq ${recordingId}`);
  }

  async listForTrajectory(tenantId: string, schoolId: string, trajectoryId: string): Promise<Observation[]> {
    return this.query(odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)} and trajectoryId eq ${trajectoryId}`);
  }

  async get(tenantId: string, schoolId: string, recordingId: string, author: ObserverRole): Promise<Observation | undefined> {
    return (await this.listForRecording(tenantId, schoolId, recordingId)).find((observation) => observation.author === author);
  }

  private async query(filter: string): Promise<Observation[]> {
    const found: Observation[] = [];
    for await (const entity of this.table.listEntities<ObservationEntity>({ queryOptions: { filter } })) found.push(parseWithDates<Observation>(entity.data, DATE_FIELDS));
    return found;
  }
}
