import { odata, type TableClient } from '@azure/data-tables';
import type { RecordingSettings } from '../../domain/schools/recordingSettings';
import type { School } from '../../domain/schools/school';
import { isStatus } from '../storageErrors';

interface SchoolEntity {
  partitionKey: string;
  rowKey: string;
  name: string;
  teamId?: string;
  createdAt: Date;
  recordingMaxBytes?: number;
  recordingRetentionDays?: number;
}

function toSchool(entity: SchoolEntity): School {
  return {
    tenantId: entity.partitionKey,
    schoolId: entity.rowKey,
    name: entity.name,
    teamId: entity.teamId || undefined,
    createdAt: new Date(entity.createdAt),
    recordingSettings: {
      ...(typeof entity.recordingMaxBytes === 'number' ? { maxBytes: entity.recordingMaxBytes } : {}),
      ...(typeof entity.recordingRetentionDays === 'number' ? { retentionDays: entity.recordingRetentionDays } : {}),
    },
  };
}

/** The schools of a tenant, one partition per tenant (a school board has a handful). */
export class SchoolRepository {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string, schoolId: string): Promise<School | undefined> {
    try {
      return toSchool(await this.table.getEntity<SchoolEntity>(tenantId, schoolId));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async listForTenant(tenantId: string): Promise<School[]> {
    const schools: School[] = [];
    for await (const entity of this.table.listEntities<SchoolEntity>({ queryOptions: { filter: odata`PartitionKey eq ${tenantId}` } })) {
      schools.push(toSchool(entity));
    }
    return schools;
  }

  /** Stores the beheerder's choice; only these columns change (Merge), the rest of the school stays. */
  async saveRecordingSettings(tenantId: string, schoolId: string, settings: RecordingSettings): Promise<void> {
    await this.table.updateEntity(
      // Sizes above 2 GiB do not fit Int32: the SDK stores them as Edm.Double, exact up to 2^53.
      { partitionKey: tenantId, rowKey: schoolId, recordingMaxBytes: settings.maxBytes, recordingRetentionDays: settings.retentionDays },
      'Merge',
    );
  }

  /** Creates the school once; a second install of the same team keeps the first creation time. */
  async ensure(school: School): Promise<School> {
    try {
      await this.table.createEntity<SchoolEntity>({
        partitionKey: school.tenantId,
        rowKey: school.schoolId,
        name: school.name,
        ...(school.teamId ? { teamId: school.teamId } : {}),
        createdAt: school.createdAt,
      });
      return school;
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
      return (await this.get(school.tenantId, school.schoolId)) ?? school;
    }
  }
}
