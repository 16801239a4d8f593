import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure, MissingFigure } from './figures';
import { boardArg } from './options';

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

/**
 * The file of a run: bench/results/<date>.json (quick), <date>-full.json, with `-board<N>` for a
 * board size chosen on the command line, and the start time added when a run of that day and kind
 * is already there (a committed run is never overwritten).
 */
export function resultsName(results: Pick<BenchResults, 'startedAt' | 'mode' | 'args'>, taken: (name: string) => boolean): string {
  const board = boardArg(results.args);
  const base = `${results.startedAt.slice(0, 10)}${results.mode === 'full' ? '-full' : ''}${board === undefined ? '' : `-board${board}`}`;
  if (!taken(`${base}.json`)) return `${base}.json`;
  return `${base}-${results.startedAt.slice(11, 19).replaceAll(':', '')}.json`;
}

/** Writes the run's results (see `resultsName`) and returns the path. */
export function writeResults(results: BenchResults, root = process.cwd()): string {
  const folder = join(root, 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, resultsName(results, (name) => existsSync(join(folder, name))));
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}
