import { odata, type TableClient } from '@azure/data-tables';
import { schoolPartition } from '../storage/storageKeys';
import type { BenchApp } from './benchApp';
import { figure, type Figure } from './figures';
import { TENANT_ID } from './fixtures';
import { HttpCounter } from './httpCounter';
import { msSince, nowNs } from './measure';
import { summarize, type LatencySummary } from './stats';

export interface SummaryVsRead {
  schoolId: string;
  pairs: number;
  summary: LatencySummary;
  plainRead: LatencySummary;
  /** Rows the plain read returned: the school's trajectories, appointments and kijkwijzer rounds. */
  plainReadRows: number;
  trajectories: number;
  summaryRequests: number;
  plainReadRequests: number;
}

async function countRows(table: TableClient, partitionKey: string): Promise<number> {
  let rows = 0;
  for await (const entity of table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` } })) rows += entity ? 1 : 0;
  return rows;
}

/**
 * One school's directie summary (`DirectieSummaryService.summaryFor` with the period and settings
 * the summary job would post: the latest closed kijkwijzer round) against a plain read of the
 * school partitions its figures come from (trajectories, appointments, kijkwijzer rounds), all
 * three read at once as the summary reads in parallel too. Taken in pairs whose order alternates,
 * so load from elsewhere hits both alike. The audit log, which the summary also reads, has one
 * partition per trajectory and so no "school partition" to read plainly: it is the difference.
 */
export async function benchSchoolSummary(app: BenchApp, schoolId: string, pairs: number, warmup = 3): Promise<SummaryVsRead> {
  const { composed } = app;
  const due = await composed.directieSummary.dueAfterRoundClosed(TENANT_ID, schoolId);
  if (!due) throw new Error(`no directie summary is due at ${schoolId}: its channel or its closed rounds are missing`);
  const buildSummary = async () => {
    const summary = await composed.directieSummary.summaryFor(TENANT_ID, schoolId, due.period, due.settings);
    if (!summary.kijkwijzer) throw new Error('the summary left out the closed kijkwijzer round');
  };
  const partition = schoolPartition(TENANT_ID, schoolId);
  const { names } = composed.storage;
  const tables = [names.trajectoriesTable, names.appointmentsTable, names.kijkwijzerRoundsTable].map((name) => composed.storage.table(name));
  let plainReadRows = 0;
  const plainRead = async () => {
    plainReadRows = (await Promise.all(tables.map((table) => countRows(table, partition)))).reduce((sum, rows) => sum + rows, 0);
  };

  const summaries: number[] = [];
  const reads: number[] = [];
  const timed = async (work: () => Promise<void>, into: number[] | undefined) => {
    const start = nowNs();
    await work();
    into?.push(msSince(start));
  };
  for (let index = 0; index < warmup + pairs; index++) {
    const keep = index >= warmup;
    if (index % 2 === 0) {
      await timed(buildSummary, keep ? summaries : undefined);
      await timed(plainRead, keep ? reads : undefined);
    } else {
      await timed(plainRead, keep ? reads : undefined);
      await timed(buildSummary, keep ? summaries : undefined);
    }
  }

  const counter = new HttpCounter().start();
  await buildSummary();
  const summaryRequests = counter.take().length;
  await plainRead();
  const plainReadRequests = counter.take().length;
  counter.stop();
  const trajectories = (await composed.repositories.trajectories.listForSchool(TENANT_ID, schoolId)).length;
  return { schoolId, pairs, summary: summarize(summaries), plainRead: summarize(reads), plainReadRows, trajectories, summaryRequests, plainReadRequests };
}

export function summaryFigures(result: SummaryVsRead): Figure[] {
  const goal = { on: 'ratio' as const, bound: 'atMost' as const, limit: 1.5 };
  const note = `${result.trajectories} trajectories, ${result.plainReadRows} rows in the plain read; ${result.summaryRequests} storage requests per summary against ${result.plainReadRequests}; ${result.pairs} pairs`;
  return [
    figure({ item: 4, name: "one school's directie summary p50", value: result.summary.p50, unit: 'ms', baseline: { name: 'plain read of its partitions p50', value: result.plainRead.p50 }, goal, note }),
    figure({ item: 4, name: "one school's directie summary p99", value: result.summary.p99, unit: 'ms', baseline: { name: 'plain read of its partitions p99', value: result.plainRead.p99 }, goal, note }),
  ];
}
