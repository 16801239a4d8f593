import type { TableClient } from '@azure/data-tables';
import type { StatementList } from '../../domain/kijkwijzer/statementList';
import { isStatus } from '../storageErrors';
import { schoolPartition } from '../storageKeys';

interface ListEntity {
  partitionKey: string;
  rowKey: string;
  version: number;
  data: string;
}

export interface StoredList {
  list: StatementList;
  /** Absent for a school that never changed its list (the default is not stored until then). */
  etag?: string;
}

const ROW = 'list';

/** The school's statement list: one entity per school, changed only with its ETag. */
export class KijkwijzerListRepository {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string, schoolId: string): Promise<StoredList | undefined> {
    try {
      const entity = await this.table.getEntity<ListEntity>(schoolPartition(tenantId, schoolId), ROW);
      return { list: JSON.parse(entity.data) as StatementList, etag: entity.etag };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** Writes only over the version that was read; false when someone else changed it meanwhile. */
  async save(tenantId: string, schoolId: string, list: StatementList, etag: string | undefined): Promise<boolean> {
    const entity: ListEntity = { partitionKey: schoolPartition(tenantId, schoolId), rowKey: ROW, version: list.version, data: JSON.stringify(list) };
    try {
      if (etag) await this.table.updateEntity(entity, 'Replace', { etag });
      else await this.table.createEntity(entity);
      return true;
    } catch (error) {
      if (isStatus(error, 412) || isStatus(error, 409)) return false;
      throw error;
    }
  }
}
