import { DEFAULT_SCHOOL_ID } from '../domain/schools/school';
import { schoolPartition } from '../storage/storageKeys';
import type { BenchApp } from './benchApp';
import type { BenchSchool } from './benchSchool';
import { figure, type Figure } from './figures';
import { TENANT_ID } from './fixtures';
import { msSince, nowNs } from './measure';
import { summarize, type LatencySummary } from './stats';

export interface WatchLinkResult {
  watchLink: LatencySummary;
  getEntity: LatencySummary;
}

/**
 * Issuing a watch link (read the recording, its trajectory and grants, decide by policy, audit,
 * sign a SAS, list the fragments) against the floor of one bare getEntity of the same recording.
 * Taken in pairs, so load from elsewhere hits both alike.
 */
export async function benchWatchLink(app: BenchApp, school: BenchSchool, iterations: number): Promise<WatchLinkResult> {
  const { composed } = app;
  const owner = school.listers[0];
  const subject = { tenantId: TENANT_ID, schoolId: DEFAULT_SCHOOL_ID, userId: owner.aadObjectId, roles: ['leerkracht'] as const };
  const recordingId = school.recordingOf[0];
  const table = composed.storage.table(composed.storage.names.recordingsTable);
  const partition = schoolPartition(TENANT_ID, DEFAULT_SCHOOL_ID);
  const watch = async () => {
    const watched = await composed.recordings.watch(subject, recordingId);
    if (!watched.ok || !watched.videoUrl) throw new Error(`watch: ${watched.ok ? 'no video link' : watched.reason}`);
  };
  const bare = async () => {
    await table.getEntity(partition, recordingId);
  };
  for (let warmup = 0; warmup < 10; warmup++) {
    await watch();
    await bare();
  }
  const watchSamples: number[] = [];
  const bareSamples: number[] = [];
  for (let index = 0; index < iterations; index++) {
    let start = nowNs();
    await watch();
    watchSamples.push(msSince(start));
    start = nowNs();
    await bare();
    bareSamples.push(msSince(start));
  }
  return { watchLink: summarize(watchSamples), getEntity: summarize(bareSamples) };
}

export function watchLinkFigures(result: WatchLinkResult): Figure[] {
  return [
    figure({
      item: 3,
      name: 'issue a watch link (policy, audit, SAS) p99',
      value: result.watchLink.p99,
      unit: 'ms',
      baseline: { name: 'bare getEntity p99', value: result.getEntity.p99 },
      goal: { on: 'ratio', bound: 'atMost', limit: 3 },
      note: `p50 ${result.watchLink.p50.toFixed(2)} ms vs ${result.getEntity.p50.toFixed(2)} ms`,
    }),
  ];
}
