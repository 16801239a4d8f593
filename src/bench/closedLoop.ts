import { msSince, nowNs } from './measure';

export interface LoadRun {
  /** Latency of each operation, in ms. */
  samplesMs: number[];
  /** Wall time of the whole run, for the rate. */
  wallMs: number;
}

/**
 * `concurrency` clients, each sending its next operation as soon as the previous one is answered
 * (a closed loop, as people in their own chats do), until `total` operations are done. Client i
 * always acts as the i-th conversation, so no two requests of one conversation overlap.
 */
export async function closedLoop(concurrency: number, total: number, operation: (client: number, sequence: number) => Promise<void>): Promise<LoadRun> {
  const samplesMs: number[] = [];
  let issued = 0;
  const started = nowNs();
  const client = async (index: number) => {
    while (issued < total) {
      const sequence = issued++;
      const start = nowNs();
      await operation(index, sequence);
      samplesMs.push(msSince(start));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => client(index)));
  return { samplesMs, wallMs: msSince(started) };
}
