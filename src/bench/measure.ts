/**
 * Timing helpers for the benchmarks. process.hrtime.bigint() is monotonic and has nanosecond
 * resolution, so a clock adjustment during a run cannot distort a figure.
 */

/** What one benchmark reports: its figures, or why it did not run. */
export type BenchResult =
  | {
      name: string;
      /** How many operations were timed (warm-up excluded). */
      iterations: number;
      /** Per operation. */
      medianMs: number;
      p95Ms: number;
      /** The figure that matters for this benchmark, formatted (e.g. "1.2M ops/s", "85 MiB/s"). */
      rate: string;
    }
  | { name: string; skipped: string };

export function nowNs(): bigint {
  return process.hrtime.bigint();
}

export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Nearest-rank percentile: always a value that was really measured, no interpolation. */
export function percentile(samplesMs: readonly number[], p: number): number {
  if (samplesMs.length === 0) throw new RangeError('no samples');
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Times each call on its own: for operations long enough (I/O, a bot turn) that the timer's cost does not matter. */
export async function timeEach(iterations: number, operation: (index: number) => Promise<void>, warmup = 0): Promise<number[]> {
  for (let index = 0; index < warmup; index++) await operation(index);
  const samples: number[] = [];
  for (let index = 0; index < iterations; index++) {
    const start = nowNs();
    await operation(warmup + index);
    samples.push(msSince(start));
  }
  return samples;
}

/**
 * Times a synchronous operation in batches and returns the time per operation of each batch:
 * a single call is too short to time on its own, and batches still give a spread for the p95.
 * The operation returns a value that is kept, so the JIT cannot drop the work as unused.
 */
export function timeBatches(batches: number, batchSize: number, operation: (index: number) => unknown, warmupBatches = 2): number[] {
  let sink = 0;
  const samples: number[] = [];
  for (let batch = 0; batch < warmupBatches + batches; batch++) {
    const start = nowNs();
    for (let index = 0; index < batchSize; index++) if (operation(batch * batchSize + index)) sink++;
    if (batch >= warmupBatches) samples.push(msSince(start) / batchSize);
  }
  if (sink < 0) throw new Error('unreachable: keeps `sink` alive');
  return samples;
}

export function opsPerSecond(msPerOperation: number): string {
  const ops = 1000 / msPerOperation;
  if (ops >= 1e6) return `${(ops / 1e6).toFixed(2)}M ops/s`;
  if (ops >= 1e3) return `${(ops / 1e3).toFixed(1)}k ops/s`;
  return `${ops.toFixed(1)} ops/s`;
}

/** A result from per-operation samples, with the rate derived from the median. */
export function resultOf(name: string, samplesMs: readonly number[], iterations: number, rate: (medianMs: number) => string): BenchResult {
  const medianMs = percentile(samplesMs, 50);
  return { name, iterations, medianMs, p95Ms: percentile(samplesMs, 95), rate: rate(medianMs) };
}
