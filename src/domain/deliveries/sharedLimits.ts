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

/** The row of a tenant's budget: how much of its latest bucket was reserved. */
export interface TenantBudget {
  /** Index of the bucket (start = bucket * bucketMs). */
  bucket: number;
  used: number;
}

/**
 * How many sends one bucket may hold so that no window sees more than its maximum, wherever the
 * sends fall within their buckets: a span shorter than `periodMs` touches at most
 * `floor((periodMs - 1) / bucketMs) + 2` buckets. Longer buckets mean fewer writes and a lower
 * rate (with one-second buckets, 25 a second of Teams' 50).
 */
export function bucketBudget(windows: readonly RateWindow[], bucketMs: number): number {
  if (bucketMs < 1) throw new Error('a bucket lasts at least a millisecond');
  const budget = Math.min(...windows.map((window) => Math.floor(window.max / (Math.floor((window.periodMs - 1) / bucketMs) + 2))));
  if (!Number.isFinite(budget) || budget < 1) throw new Error(`buckets of ${bucketMs} ms leave no room for a send; choose shorter buckets`);
  return budget;
}

export type BudgetGrant = {
  /** The bucket the sends were reserved in, and how many. */
  bucket: number;
  granted: number;
  /** The row to write back (conditionally) for this grant. */
  next: TenantBudget;
};

/**
 * Reserves up to `want` sends in the first bucket at or after `fromBucket` that has room. The row
 * only moves forward, and every grant is counted in the bucket it is for, so no bucket ever holds
 * more than `budget`, whichever senders asked.
 */
export function reserveBudget(row: TenantBudget | undefined, fromBucket: number, want: number, budget: number): BudgetGrant {
  if (want < 1) throw new Error('reserve at least one send');
  let bucket = Math.max(fromBucket, row?.bucket ?? fromBucket);
  let used = row && row.bucket === bucket ? row.used : 0;
  if (used >= budget) {
    bucket += 1;
    used = 0;
  }
  const granted = Math.min(want, budget - used);
  return { bucket, granted, next: { bucket, used: used + granted } };
}
