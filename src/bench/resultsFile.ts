import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure, MissingFigure } from './figures';

export interface BenchResults {
  startedAt: string;
  mode: 'quick' | 'full';
  /** The command-line arguments of the run (e.g. --board=4). */
  args: string[];
  machine: string;
  /** Load average when the run started: other work on the machine makes absolute figures noisy. */
  loadAverage: number[];
  figures: Figure[];
  missing: MissingFigure[];
  /** Everything measured, per benchmark, for whoever wants more than the table. */
  details: Record<string, unknown>;
}

/** Writes bench/results/<date>.json (quick) or <date>-full.json, and returns the path. */
export function writeResults(results: BenchResults, root = process.cwd()): string {
  const folder = join(root, 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const date = results.startedAt.slice(0, 10);
  const path = join(folder, `${date}${results.mode === 'full' ? '-full' : ''}.json`);
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}
