import { randomBytes } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { AuditEntry, AuditResult } from '../../domain/recordings/auditEntry';

export type { AuditEntry, AuditResult };

interface AuditEntity extends Omit<AuditEntry, 'detail'> {
  partitionKey: string;
  rowKey: string;
  detail: string;
}

/** Row keys that sort newest first, unique even within one millisecond. */
function newestFirstKey(at: Date): string {
  return `${String(8_640_000_000_000_000 - at.getTime()).padStart(16, '0')}_${randomBytes(4).toString('hex')}`;
}

export function auditPartition(tenantId: string, schoolId: string, trajectoryId: string): string {
  // The trajectory id may come from a forged request; keys must stay valid for Azure Tables.
  return `${tenantId}_${schoolId}_${encodeURIComponent(trajectoryId)}`;
}

/**
 * Append-only: this class can add and read entries, nothing else. One partition per trajectory,
 * so a teacher's "Wie heeft mijn opnames bekeken?" is one query.
 */
export class AuditLog {
  constructor(private readonly table: TableClient) {}

  async append(tenantId: string, schoolId: string, trajectoryId: string, entry: AuditEntry): Promise<void> {
    await this.table.createEntity<AuditEntity>({
      partitionKey: auditPartition(tenantId, schoolId, trajectoryId),
      rowKey: newestFirstKey(entry.at),
      ...entry,
      detail: entry.detail ?? '',
    });
  }

  async list(tenantId: string, schoolId: string, trajectoryId: string, max = 200): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    const filter = odata`PartitionKey eq ${auditPartition(tenantId, schoolId, trajectoryId)}`;
    for await (const entity of this.table.listEntities<AuditEntity>({ queryOptions: { filter } })) {
      entries.push(entryOf(entity));
      if (entries.length >= max) break;
    }
    return entries;
  }

  /**
   * The recordings uploaded and deleted in these trajectories of one school, per trajectory: one
   * range query over the school's partitions instead of one query per trajectory (the directie
   * summary reads a whole school). Partitions of other schools that share the prefix are skipped.
   */
  async recordingChangesAtSchool(tenantId: string, schoolId: string, trajectoryIds: readonly string[]): Promise<Map<string, AuditEntry[]>> {
    const trajectoryOf = new Map(trajectoryIds.map((id) => [auditPartition(tenantId, schoolId, id), id]));
    const found = new Map<string, AuditEntry[]>(trajectoryIds.map((id) => [id, []]));
    const prefix = auditPartition(tenantId, schoolId, '');
    // Every key that starts with the prefix sorts below the prefix with its last "_" raised by one.
    const beyond = `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
    const filter = odata`PartitionKey ge ${prefix} and PartitionKey lt ${beyond} and objectType eq ${'recording'} and result eq ${'allowed'} and (action eq ${'upload'} or action eq ${'delete'})`;
    for await (const entity of this.table.listEntities<AuditEntity>({ queryOptions: { filter } })) {
      const trajectoryId = trajectoryOf.get(entity.partitionKey);
      if (trajectoryId !== undefined) found.get(trajectoryId)!.push(entryOf(entity));
    }
    return found;
  }
}

function entryOf(entity: AuditEntity): AuditEntry {
  return {
    at: new Date(entity.at),
    actorId: entity.actorId,
    action: entity.action,
    objectType: entity.objectType,
    objectId: entity.objectId,
    result: entity.result,
    detail: entity.detail || undefined,
  };
}
