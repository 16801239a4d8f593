/** Quick (default) finishes in a few minutes on a shared 2-core machine; --full uses the sizes. */
export interface BenchOptions {
  full: boolean;
  turnsAt: (concurrency: number) => number;
  rounds: number;
  uploadBytes: number;
  /** School board (item 4): schools generated into Azurite; 0 skips it. */
  boardSchools: number;
  watchLinkIterations: number;
  coldStarts: number;
  uploadRounds: number;
  /** Cutting clips with ffmpeg takes a minute on a loaded machine and has no goal: --full only. */
  clipCut: boolean;
}

const MIB = 1024 ** 2;

/** `--board=<schools>` runs the school board with that many schools, to try it without the full run. */
export function boardArg(argv: readonly string[]): number | undefined {
  const board = Number(/^--board=(\d+)$/.exec(argv.find((arg) => arg.startsWith('--board=')) ?? '')?.[1] ?? NaN);
  return Number.isInteger(board) ? board : undefined;
}

export function benchOptions(argv: readonly string[]): BenchOptions {
  const full = argv.includes('--full');
  const board = boardArg(argv);
  const options: BenchOptions = full
    ? { full, turnsAt: (c) => (c === 1 ? 400 : c === 8 ? 800 : 1280), rounds: 8, uploadBytes: 2 * 1024 * MIB, uploadRounds: 1, boardSchools: 200, watchLinkIterations: 1000, coldStarts: 5, clipCut: true }
    : { full, turnsAt: (c) => (c === 1 ? 100 : 200), rounds: 4, uploadBytes: 128 * MIB, uploadRounds: 2, boardSchools: 4, watchLinkIterations: 200, coldStarts: 2, clipCut: false };
  return board === undefined ? options : { ...options, boardSchools: board };
}
