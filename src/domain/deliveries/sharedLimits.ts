import type { RateWindow } from './rateLimits';

/**
 * Teams' limits kept by any number of senders together, with Azure Table Storage as the only shared
 * place. Two mechanisms, chosen so senders rarely write the same row at the same moment:
 *
 * - **A conversation has one owner at a time** (a lease row). The owner sends that conversation's
 *   messages one after another, counts them in the row's history when it renews or lets go, and
 *   the next owner continues from that history. Others give such a message back to the queue for
 *   a moment. An owner that died leaves a lease that runs out; its last sends are unknown, so the
 *   next owner assumes the most it could have sent (see `takeOverHistory`).
 * - **A tenant's budget is counted per time bucket**, reserved a batch at a time: a sender holds a
 *   few sends of the bucket, so it writes the tenant row once a bucket rather than once a send.
 *
 * Pure: the storage keeps the rows, the sender keeps the clock.
 */

/** What the lease row of a conversation says. */
export interface ConversationLease {
  /** The sender that holds it; empty once it was let go. */
  owner: string;
  /** The holder starts no send at or after this moment (ms). */
  leaseUntil: number;
  /** By this moment every send the holder started has reached Teams or was given up (ms). */
  quietBy: number;
  /** When `history` was written (ms): the holder's sends after this are not in it. */
  writtenAt: number;
  /** Sends into the conversation, ascending (ms): when Teams answered each. */
  history: number[];
}

export type LeaseDecision =
  /** Take it, continuing from this history. */
  | { kind: 'take'; history: number[] }
  /** Another sender holds it until `untilMs`. */
  | { kind: 'held'; untilMs: number };

/**
 * Whether a sender may take the conversation now. A lease let go (or never taken) hands its history
 * over as it is; one that ran out while still held belonged to a sender that died, and its unknown
 * last sends are counted as the most the limits allowed.
 */
export function decideLease(lease: ConversationLease | undefined, now: number, windows: readonly RateWindow[]): LeaseDecision {
  if (!lease) return { kind: 'take', history: [] };
  if (!lease.owner) return { kind: 'take', history: lease.history };
  // Also when `me` holds it: a sender that lost track of its own lease cannot know its last sends.
  if (lease.leaseUntil > now) return { kind: 'held', untilMs: lease.leaseUntil };
  return { kind: 'take', history: takeOverHistory(lease, windows) };
}

/**
 * The history of a lease whose holder died: what it wrote, plus, at the moment its last send had
 * surely arrived (`quietBy`), as many sends as it could at most have made since it last wrote.
 * Sends all placed at the latest moment count in every later window that any of the real ones
 * could count in, so the next owner never goes faster than allowed; after a crash it waits longer.
 */
export function takeOverHistory(lease: ConversationLease, windows: readonly RateWindow[]): number[] {
  const unknown = mostSendsWithin(windows, Math.max(0, lease.quietBy - lease.writtenAt));
  return [...lease.history, ...Array.from({ length: unknown }, () => lease.quietBy)];
}

/**
 * The most sends that fit in a span of `spanMs` (both ends included) under the limits: each
 * window allows `max` in every `periodMs`, and the span is covered by that many periods.
 */
export function mostSendsWithin(windows: readonly RateWindow[], spanMs: number): number {
  if (windows.length === 0) throw new Error('a conversation has at least one rate window');
  return Math.min(...windows.map((window) => window.max * Math.ceil((spanMs + 1) / window.periodMs)));
}

/** The row of a tenant's budget: what was reserved in its latest bucket and the ones just before. */
export interface TenantBudget {
  /** Index of the latest bucket with reservations (start = bucket * bucketMs). */
  bucket: number;
  used: number;
  /** Reserved in the buckets just before `bucket`, oldest first: as many as a window can reach back. */
  before?: number[];
}

/**
 * How many buckets a span shorter than the window can touch: `floor((periodMs - 1) / bucketMs) + 2`.
 * If the reservations of every run of that many consecutive buckets stay within the window's
 * maximum, every span does, wherever its sends fall within their buckets.
 */
export function bucketsTouched(window: RateWindow, bucketMs: number): number {
  if (bucketMs < 1) throw new Error('a bucket lasts at least a millisecond');
  return Math.floor((window.periodMs - 1) / bucketMs) + 2;
}

export type BudgetGrant = {
  /** The bucket the sends were reserved in, and how many. */
  bucket: number;
  granted: number;
  /** The row to write back (conditionally) for this grant. */
  next: TenantBudget;
};

/**
 * Reserves up to `want` sends in the first bucket at or after `fromBucket` that has room: room is
 * what every window leaves over the run of buckets it can touch ending there, so a busy bucket
 * leaves less to its neighbours and the rate approaches the limit as buckets get shorter (with
 * 100 ms buckets, 10/11 of it). The row only moves forward, and every grant is counted in the
 * bucket it is for, so no window is ever exceeded, whichever senders asked.
 */
export function reserveBudget(row: TenantBudget | undefined, fromBucket: number, want: number, windows: readonly RateWindow[], bucketMs: number): BudgetGrant {
  if (want < 1) throw new Error('reserve at least one send');
  if (windows.length === 0) throw new Error('a tenant has at least one rate window');
  const reach = Math.max(...windows.map((window) => bucketsTouched(window, bucketMs)));
  const counts = new Map<number, number>();
  if (row) {
    counts.set(row.bucket, row.used);
    (row.before ?? []).forEach((used, index, all) => counts.set(row.bucket - all.length + index, used));
  }
  const countIn = (bucket: number) => counts.get(bucket) ?? 0;
  const roomIn = (bucket: number) =>
    Math.min(
      ...windows.map((window) => {
        let used = 0;
        for (let earlier = bucket - bucketsTouched(window, bucketMs) + 1; earlier <= bucket; earlier++) used += countIn(earlier);
        return window.max - used;
      }),
    );
  let bucket = Math.max(fromBucket, row?.bucket ?? fromBucket);
  // Ends: once `reach` buckets passed with nothing reserved, a bucket has every window's whole maximum.
  while (roomIn(bucket) < 1) bucket += 1;
  const granted = Math.min(want, roomIn(bucket));
  counts.set(bucket, countIn(bucket) + granted);
  const before = Array.from({ length: reach - 1 }, (_, index) => countIn(bucket - reach + 1 + index));
  return { bucket, granted, next: { bucket, used: countIn(bucket), before } };
}
