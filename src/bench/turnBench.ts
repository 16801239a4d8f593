import { closedLoop } from './closedLoop';
import { figure, type Figure } from './figures';
import { summarize, type LatencySummary } from './stats';
import type { TurnScenario } from './turnScenarios';

export interface TurnSeries {
  scenario: TurnScenario['key'];
  name: string;
  concurrency: number;
  latency: LatencySummary;
  turnsPerSecond: number;
}

/** p99 of (a) and (c) within 1.5× the echo bot's, (b) and (d) within 2× (issue #16). */
const P99_GOALS: Record<TurnScenario['key'], number | undefined> = { echo: undefined, a: 1.5, b: 2, c: 1.5, d: 2 };

export interface TurnBenchOptions {
  concurrencies: readonly number[];
  /** Timed turns per scenario at each concurrency. */
  turnsAt: (concurrency: number) => number;
  /**
   * Each scenario's turns are split into this many rounds, taken in turn with the other
   * scenarios', so a burst of load from elsewhere on the machine hits all of them alike.
   */
  rounds: number;
  warmupTurns: number;
}

export async function benchTurns(scenarios: readonly TurnScenario[], options: TurnBenchOptions, progress: (line: string) => void): Promise<TurnSeries[]> {
  for (const scenario of scenarios) await closedLoop(1, options.warmupTurns, (client) => scenario.send(client));
  const series: TurnSeries[] = [];
  for (const concurrency of options.concurrencies) {
    const perRound = Math.max(concurrency, Math.ceil(options.turnsAt(concurrency) / options.rounds));
    const collected = new Map(scenarios.map((scenario) => [scenario.key, { samples: [] as number[], wallMs: 0 }]));
    for (let round = 0; round < options.rounds; round++) {
      for (const scenario of scenarios) {
        const run = await closedLoop(concurrency, perRound, (client) => scenario.send(client));
        const into = collected.get(scenario.key)!;
        into.samples.push(...run.samplesMs);
        into.wallMs += run.wallMs;
      }
    }
    for (const scenario of scenarios) {
      const { samples, wallMs } = collected.get(scenario.key)!;
      const latency = summarize(samples);
      const result = { scenario: scenario.key, name: scenario.name, concurrency, latency, turnsPerSecond: samples.length / (wallMs / 1000) };
      series.push(result);
      progress(`${scenario.name.padEnd(36)} c=${String(concurrency).padStart(2)}  p50 ${latency.p50.toFixed(1)} ms  p95 ${latency.p95.toFixed(1)} ms  p99 ${latency.p99.toFixed(1)} ms  ${result.turnsPerSecond.toFixed(1)} turns/s  (n=${latency.count})`);
    }
  }
  return series;
}

/** The table's figures: each turn type's p99 against the echo bot's at the same concurrency. */
export function turnFigures(series: readonly TurnSeries[]): Figure[] {
  const figures: Figure[] = [];
  for (const entry of series) {
    const echo = series.find((candidate) => candidate.scenario === 'echo' && candidate.concurrency === entry.concurrency);
    const limit = P99_GOALS[entry.scenario];
    if (!echo || limit === undefined) continue;
    figures.push(
      figure({
        item: 1,
        name: `${entry.name} p99, c=${entry.concurrency}`,
        value: entry.latency.p99,
        unit: 'ms',
        baseline: { name: 'echo p99', value: echo.latency.p99 },
        goal: { on: 'ratio', bound: 'atMost', limit },
        note: `p50 ${entry.latency.p50.toFixed(1)} ms (echo ${echo.latency.p50.toFixed(1)}), ${entry.turnsPerSecond.toFixed(1)} turns/s (echo ${echo.turnsPerSecond.toFixed(1)})`,
      }),
    );
  }
  return figures;
}

/** All latency figures of item 1 as a markdown table, for bench/README.md. */
export function turnTable(series: readonly TurnSeries[]): string {
  const rows = series.map((entry) =>
    [entry.name, entry.concurrency, entry.latency.p50.toFixed(1), entry.latency.p95.toFixed(1), entry.latency.p99.toFixed(1), entry.turnsPerSecond.toFixed(1), entry.latency.count].join(' | '),
  );
  return ['| turn | concurrency | p50 ms | p95 ms | p99 ms | turns/s | n |', '|---|---|---|---|---|---|---|', ...rows.map((row) => `| ${row} |`)].join('\n');
}
