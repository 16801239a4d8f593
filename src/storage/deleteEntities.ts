import type { TableClient, TransactionAction } from '@azure/data-tables';
import { isStatus } from './storageErrors';

/** A table transaction holds at most 100 operations, all in one partition. */
const TRANSACTION_LIMIT = 100;

/**
 * Deletes every entity the filter matches and returns how many. Deletes go per partition in
 * transactions; a transaction that fails (a row someone else deleted meanwhile) is retried row by
 * row, where an already deleted row counts as done.
 */
export async function deleteEntitiesWhere(table: TableClient, filter: string): Promise<number> {
  let deleted = 0;
  const pages = table.listEntities({ queryOptions: { filter, select: ['PartitionKey', 'RowKey'] } }).byPage({ maxPageSize: 1000 });
  for await (const page of pages) {
    const byPartition = new Map<string, string[]>();
    for (const entity of page) {
      const rows = byPartition.get(entity.partitionKey!) ?? [];
      rows.push(entity.rowKey!);
      byPartition.set(entity.partitionKey!, rows);
    }
    for (const [partitionKey, rowKeys] of byPartition) {
      for (let start = 0; start < rowKeys.length; start += TRANSACTION_LIMIT) {
        const chunk = rowKeys.slice(start, start + TRANSACTION_LIMIT);
        deleted += await deleteChunk(table, partitionKey, chunk);
      }
    }
  }
  return deleted;
}

async function deleteChunk(table: TableClient, partitionKey: string, rowKeys: string[]): Promise<number> {
  try {
    const actions: TransactionAction[] = rowKeys.map((rowKey) => ['delete', { partitionKey, rowKey }]);
    await table.submitTransaction(actions);
    return rowKeys.length;
  } catch {
    let deleted = 0;
    for (const rowKey of rowKeys) {
      try {
        await table.deleteEntity(partitionKey, rowKey);
        deleted++;
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
    }
    return deleted;
  }
}
