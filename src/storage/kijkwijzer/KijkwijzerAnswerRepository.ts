import { odata, type TableClient } from '@azure/data-tables';
import type { Answer, AnswerSheet } from '../../domain/kijkwijzer/answers';
import { isStatus } from '../storageErrors';
import { schoolPartition } from '../storageKeys';

interface PageEntity {
  partitionKey: string;
  rowKey: string;
  roundId: string;
  userId: string;
  page: number;
  data: string;
}

const SEPARATOR = '|';

function rowKey(roundId: string, userId: string, page: number): string {
  return [roundId, userId, String(page).padStart(3, '0')].join(SEPARATOR);
}

/**
 * A person's answers, stored page by page as they are sent, so a half-filled kijkwijzer survives
 * a restart. One school per partition; a page is written over the version that was read.
 */
export class KijkwijzerAnswerRepository {
  constructor(private readonly table: TableClient) {}

  /**
   * Replaces one page's answers. A concurrent write of the same page (a double click, a
   * redelivered activity) makes the ETag stale; the page is read again and written once more.
   */
  async savePage(tenantId: string, schoolId: string, roundId: string, userId: string, page: number, answers: Answer[]): Promise<void> {
    const partitionKey = schoolPartition(tenantId, schoolId);
    const entity: PageEntity = { partitionKey, rowKey: rowKey(roundId, userId, page), roundId, userId, page, data: JSON.stringify(answers) };
    for (let attempt = 0; ; attempt++) {
      const etag = await this.etagOf(partitionKey, entity.rowKey);
      try {
        if (etag) await this.table.updateEntity(entity, 'Replace', { etag });
        else await this.table.createEntity(entity);
        return;
      } catch (error) {
        if (attempt < 2 && (isStatus(error, 412) || isStatus(error, 409))) continue;
        throw error;
      }
    }
  }

  /** One person's own sheet in a round. */
  async sheetOf(tenantId: string, schoolId: string, roundId: string, userId: string): Promise<AnswerSheet> {
    const prefix = `${roundId}${SEPARATOR}${userId}${SEPARATOR}`;
    const sheets = await this.query(odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)} and RowKey ge ${prefix} and RowKey lt ${prefix + '~'}`);
    return sheets.get(userId) ?? {};
  }

  /** Every sheet of a round, by person: read only to count. */
  async sheetsOf(tenantId: string, schoolId: string, roundId: string): Promise<Map<string, AnswerSheet>> {
    return this.query(odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)} and roundId eq ${roundId}`);
  }

  private async etagOf(partitionKey: string, row: string): Promise<string | undefined> {
    try {
      return (await this.table.getEntity(partitionKey, row, { queryOptions: { select: ['PartitionKey'] } })).etag;
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  private async query(filter: string): Promise<Map<string, AnswerSheet>> {
    const sheets = new Map<string, AnswerSheet>();
    for await (const entity of this.table.listEntities<PageEntity>({ queryOptions: { filter } })) {
      const sheet = sheets.get(entity.userId) ?? {};
      for (const answer of JSON.parse(entity.data) as Answer[]) sheet[answer.statementId] = answer;
      sheets.set(entity.userId, sheet);
    }
    return sheets;
  }
}
