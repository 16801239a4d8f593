import { odata, type TableClient } from '@azure/data-tables';
import { allRoles, type Role, type SchoolMember } from '../../domain/schools/roles';
import { isStatus } from '../storageErrors';
import { schoolPartition } from '../storageKeys';

interface MemberEntity {
  partitionKey: string;
  rowKey: string;
  roles: string;
  name?: string;
  email?: string;
}

/** A member with what the roles card shows beside the id. */
export interface StoredMember extends SchoolMember {
  name?: string;
  email?: string;
}


function parseRoles(value: string): Role[] {
  const listed = value.split(',');
  return allRoles.filter((role) => listed.includes(role));
}

/**
 * Explicit role holders of one school in one partition, so a school's roles are one query.
 * Ordinary teachers have no row: leerkracht is everyone's role.
 */
export class SchoolMemberRepository {
  constructor(private readonly table: TableClient) {}

  async list(tenantId: string, schoolId: string): Promise<StoredMember[]> {
    const members: StoredMember[] = [];
    const filter = odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)}`;
    for await (const entity of this.table.listEntities<MemberEntity>({ queryOptions: { filter } })) {
      members.push({ schoolId, userId: entity.rowKey, roles: parseRoles(entity.roles), name: entity.name || undefined, email: entity.email || undefined });
    }
    return members;
  }

  /** Stores a member's explicit roles; no roles left removes the row. */
  async put(tenantId: string, member: StoredMember): Promise<void> {
    const partitionKey = schoolPartition(tenantId, member.schoolId);
    if (member.roles.length === 0) {
      try {
        await this.table.deleteEntity(partitionKey, member.userId);
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
      return;
    }
    await this.table.upsertEntity<MemberEntity>(
      {
        partitionKey,
        rowKey: member.userId,
        roles: member.roles.join(','),
        ...(member.name ? { name: member.name } : {}),
        ...(member.email ? { email: member.email } : {}),
      },
      'Replace',
    );
  }
}
