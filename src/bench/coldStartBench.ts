import type { BenchApp } from './benchApp';
import type { BenchSchool } from './benchSchool';
import { startBotProcess } from './botProcess';
import { figure, type Figure } from './figures';
import { percentile } from './measure';

const MIB = 1024 ** 2;

export interface ColdStartResult {
  svibMs: number[];
  echoMs: number[];
  /** Resident memory right after the first answered turn: what each process costs before any real work. */
  svibRssBytes: number[];
  echoRssBytes: number[];
}

/** Process start to first answered turn, svib-bot and the echo bot taken in turns. */
export async function benchColdStart(app: BenchApp, school: BenchSchool, starts: number): Promise<ColdStartResult> {
  const result: ColdStartResult = { svibMs: [], echoMs: [], svibRssBytes: [], echoRssBytes: [] };
  for (let index = 0; index < starts; index++) {
    for (const kind of ['echo', 'svib'] as const) {
      const bot = await startBotProcess(app, kind, school.typists[index % school.typists.length]);
      (kind === 'svib' ? result.svibMs : result.echoMs).push(bot.firstTurnMs);
      (kind === 'svib' ? result.svibRssBytes : result.echoRssBytes).push(bot.rssBytes());
      await bot.child.stop();
    }
  }
  return result;
}

export function coldStartFigures(result: ColdStartResult): Figure[] {
  return [
    figure({
      item: 5,
      name: 'cold start: process start to first answered turn (median)',
      value: percentile(result.svibMs, 50),
      unit: 'ms',
      baseline: { name: 'echo bot', value: percentile(result.echoMs, 50) },
      note: `${result.svibMs.length} starts each; svib ${result.svibMs.map((ms) => ms.toFixed(0)).join('/')} ms, echo ${result.echoMs.map((ms) => ms.toFixed(0)).join('/')} ms`,
    }),
    figure({
      item: 5,
      name: 'resident memory after the first turn (median)',
      value: percentile(result.svibRssBytes, 50) / MIB,
      unit: 'MiB',
      baseline: { name: 'echo bot', value: percentile(result.echoRssBytes, 50) / MIB },
    }),
  ];
}
