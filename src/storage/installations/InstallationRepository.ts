import { odata, type TableClient } from '@azure/data-tables';
import type { Installation, InstallationKey } from '../../domain/installations/installation';
import { isStatus } from '../storageErrors';

interface InstallationEntity {
  partitionKey: string;
  rowKey: string;
  scope: InstallationKey['scope'];
  active: boolean;
  reference: string;
  installedAt: Date;
  updatedAt: Date;
  uninstalledAt?: Date;
}

function toInstallation(entity: InstallationEntity): Installation {
  return {
    key: { scope: entity.scope, partitionKey: entity.partitionKey, rowKey: entity.rowKey },
    active: entity.active,
    reference: entity.reference,
    installedAt: new Date(entity.installedAt),
    updatedAt: new Date(entity.updatedAt),
    uninstalledAt: entity.uninstalledAt ? new Date(entity.uninstalledAt) : undefined,
  };
}

function toEntity(installation: Installation): InstallationEntity {
  return {
    partitionKey: installation.key.partitionKey,
    rowKey: installation.key.rowKey,
    scope: installation.key.scope,
    active: installation.active,
    reference: installation.reference,
    installedAt: installation.installedAt,
    updatedAt: installation.updatedAt,
    ...(installation.uninstalledAt ? { uninstalledAt: installation.uninstalledAt } : {}),
  };
}

/** Installations (conversation references) in one table, a partition per tenant. */
export class InstallationRepository {
  constructor(private readonly table: TableClient) {}

  async get(key: InstallationKey): Promise<Installation | undefined> {
    try {
      return toInstallation(await this.table.getEntity<InstallationEntity>(key.partitionKey, key.rowKey));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** Last writer wins: an install event carries the whole fresh state, so replaying one is harmless. */
  async save(installation: Installation): Promise<void> {
    await this.table.upsertEntity(toEntity(installation), 'Replace');
  }

  async listActive(partitionKey: string): Promise<Installation[]> {
    const found: Installation[] = [];
    const filter = odata`PartitionKey eq ${partitionKey} and active eq true`;
    for await (const entity of this.table.listEntities<InstallationEntity>({ queryOptions: { filter } })) {
      found.push(toInstallation(entity));
    }
    return found;
  }
}
