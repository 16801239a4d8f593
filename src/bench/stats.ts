import { percentile } from './measure';

/** Latency figures of one series of timed operations, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samplesMs: readonly number[]): LatencySummary {
  return {
    count: samplesMs.length,
    p50: percentile(samplesMs, 50),
    p95: percentile(samplesMs, 95),
    p99: percentile(samplesMs, 99),
    max: Math.max(...samplesMs),
  };
}

/** How a figure compares with its floor: `figure / baseline`, so 1.4 means 40 % slower (or more). */
export function ratioOf(figure: number, baseline: number): number {
  if (!(baseline > 0)) throw new RangeError(`baseline must be positive, got ${baseline}`);
  return figure / baseline;
}

/**
 * A goal from the issue: a bound on the ratio to the baseline, or on the figure itself.
 * `atMost` for times, round trips and memory; `atLeast` for throughput ratios.
 */
export interface Goal {
  on: 'ratio' | 'value';
  bound: 'atMost' | 'atLeast';
  limit: number;
}

export function meets(goal: Goal, value: number): boolean {
  return goal.bound === 'atMost' ? value <= goal.limit : value >= goal.limit;
}

export function describeGoal(goal: Goal, unit: string): string {
  const sign = goal.bound === 'atMost' ? '≤' : '≥';
  return goal.on === 'ratio' ? `${sign} ${goal.limit}×` : `${sign} ${goal.limit} ${unit}`.trim();
}
