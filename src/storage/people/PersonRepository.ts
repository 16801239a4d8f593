import { odata, type TableClient } from '@azure/data-tables';
import { isStatus } from '../storageErrors';

/** What the bot knows of a person: enough to address them and to find their school. */
export interface KnownPerson {
  tenantId: string;
  /** Entra object id. */
  userId: string;
  name: string;
  email?: string;
  /** Set once a school knows the person (a role, or its team's roster). */
  schoolId?: string;
}

interface PersonEntity {
  partitionKey: string;
  rowKey: string;
  name: string;
  email?: string;
  schoolId?: string;
}

function toPerson(entity: PersonEntity): KnownPerson {
  return {
    tenantId: entity.partitionKey,
    userId: entity.rowKey,
    name: entity.name,
    email: entity.email || undefined,
    schoolId: entity.schoolId || undefined,
  };
}

/** People of a tenant, one partition per tenant. */
export class PersonRepository {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string, userId: string): Promise<KnownPerson | undefined> {
    try {
      return toPerson(await this.table.getEntity<PersonEntity>(tenantId, userId));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async findByEmail(tenantId: string, email: string): Promise<KnownPerson | undefined> {
    const filter = odata`PartitionKey eq ${tenantId} and email eq ${email.trim().toLowerCase()}`;
    for await (const entity of this.table.listEntities<PersonEntity>({ queryOptions: { filter } })) return toPerson(entity);
    return undefined;
  }

  /** Everyone of the tenant at this school, and those no school has claimed yet. */
  async listAtSchool(tenantId: string, schoolId: string): Promise<KnownPerson[]> {
    const people: KnownPerson[] = [];
    const filter = odata`PartitionKey eq ${tenantId} and (schoolId eq ${schoolId} or schoolId eq '')`;
    for await (const entity of this.table.listEntities<PersonEntity>({ queryOptions: { filter } })) people.push(toPerson(entity));
    return people;
  }

  async put(person: KnownPerson): Promise<void> {
    await this.table.upsertEntity<PersonEntity>(
      {
        partitionKey: person.tenantId,
        rowKey: person.userId,
        name: person.name,
        ...(person.email ? { email: person.email.trim().toLowerCase() } : {}),
        // Always written, so "no school yet" can be queried.
        schoolId: person.schoolId ?? '',
      },
      'Replace',
    );
  }
}
