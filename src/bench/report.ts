import { availableParallelism, cpus, totalmem } from 'node:os';
import type { BenchResult } from './measure';

/** Fixed column widths, so each line can be printed as soon as its benchmark ends and still align. */
const NAME_WIDTH = 38;
const NUMBER_WIDTH = 11;

/** Durations in the unit that keeps them readable, from nanoseconds to seconds. */
export function formatDuration(ms: number): string {
  if (ms < 0.001) return `${(ms * 1e6).toFixed(0)} ns`;
  if (ms < 1) return `${(ms * 1e3).toFixed(2)} µs`;
  if (ms < 1000) return `${ms.toFixed(2)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function machineLine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `node ${process.version} · ${process.platform}/${process.arch} · ${availableParallelism()} CPUs (${cpu}) · ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`;
}

export function headerLines(): string[] {
  const header = [
    'benchmark'.padEnd(NAME_WIDTH),
    'iterations'.padStart(NUMBER_WIDTH),
    'median'.padStart(NUMBER_WIDTH),
    'p95'.padStart(NUMBER_WIDTH),
    '  rate (at median)',
  ].join('');
  return [header, '-'.repeat(header.length + 12)];
}

export function resultLine(result: BenchResult): string {
  if ('skipped' in result) return `${result.name.padEnd(NAME_WIDTH)}skipped: ${result.skipped}`;
  return [
    result.name.padEnd(NAME_WIDTH),
    String(result.iterations).padStart(NUMBER_WIDTH),
    formatDuration(result.medianMs).padStart(NUMBER_WIDTH),
    formatDuration(result.p95Ms).padStart(NUMBER_WIDTH),
    `  ${result.rate}`,
  ].join('');
}

export function failureLine(label: string, error: unknown): string {
  return `${label.padEnd(NAME_WIDTH)}FAILED: ${error instanceof Error ? error.message : String(error)}`;
}
