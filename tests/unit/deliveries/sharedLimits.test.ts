import { busiestSpan, earliestSendAt, TEAMS_RATE_LIMITS, type RateWindow } from '../../../src/domain/deliveries/rateLimits';
import {
  bucketsTouched,
  decideLease,
  mostSendsWithin,
  reserveBudget,
  takeOverHistory,
  type ConversationLease,
  type TenantBudget,
} from '../../../src/domain/deliveries/sharedLimits';

const conversation = TEAMS_RATE_LIMITS.perConversation;
const tenant = TEAMS_RATE_LIMITS.perTenant;

/** A small deterministic generator, so every run checks the same cases. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function lease(overrides: Partial<ConversationLease> = {}): ConversationLease {
  return { owner: 'sender-a', leaseUntil: 10_000, quietBy: 30_000, writtenAt: 5_000, history: [1_000, 2_000], ...overrides };
}

/** Sends from `start` as fast as the limits allow after `history`, `count` of them. */
function sendAsFastAsAllowed(history: readonly number[], windows: readonly RateWindow[], start: number, count: number): number[] {
  const all = [...history];
  const sent: number[] = [];
  let now = start;
  for (let index = 0; index < count; index++) {
    now = earliestSendAt(all, windows, now);
    all.push(now);
    sent.push(now);
  }
  return sent;
}

function withinLimits(times: readonly number[], windows: readonly RateWindow[]): boolean {
  return windows.every((window) => busiestSpan(times, window.periodMs) <= window.max);
}

describe('decideLease', () => {
  it('takes a conversation nobody leased yet with an empty history', () => {
    expect(decideLease(undefined, 0, conversation)).toEqual({ kind: 'take', history: [] });
  });

  it('takes a lease that was let go with its history as it is, whenever', () => {
    const released = lease({ owner: '', leaseUntil: 0, quietBy: 0 });
    expect(decideLease(released, 6_000, conversation)).toEqual({ kind: 'take', history: [1_000, 2_000] });
  });

  it('leaves a lease that runs to another sender until it ends', () => {
    expect(decideLease(lease(), 9_999, conversation)).toEqual({ kind: 'held', untilMs: 10_000 });
  });

  it('takes over a lease that ran out while held, counting the most its dead holder could have sent', () => {
    const decision = decideLease(lease(), 10_000, conversation);
    expect(decision).toEqual({ kind: 'take', history: takeOverHistory(lease(), conversation) });
  });
});

describe('takeOverHistory', () => {
  it('keeps what was written and adds, at the moment the last send had arrived, the most that fits since', () => {
    const history = takeOverHistory(lease({ writtenAt: 5_000, quietBy: 30_000 }), conversation);
    expect(history.slice(0, 2)).toEqual([1_000, 2_000]);
    // 25 s and a bit: the 30-second window allows 60 at most, fewer than any other window.
    expect(history.slice(2)).toEqual(Array.from({ length: 60 }, () => 30_000));
  });

  it('makes the next owner wait until every window of the assumed sends has passed', () => {
    const history = takeOverHistory(lease({ history: [], writtenAt: 0, quietBy: 1_000 }), conversation);
    // Both ends counted, a second holds 8 (the 2-second window is the strictest): the next send waits it out.
    expect(history).toHaveLength(8);
    expect(earliestSendAt(history, conversation, 1_000)).toBe(1_000 + 2_000 + 1);
  });

  it('never lets the next owner go faster than allowed, whatever the dead holder sent after it wrote', () => {
    const random = seeded(42);
    const windows: RateWindow[] = [
      { periodMs: 100, max: 3 },
      { periodMs: 400, max: 5 },
      { periodMs: 3_000, max: 20 },
    ];
    for (let round = 0; round < 300; round++) {
      // The dead holder sent a while (all within the limits), wrote its history at some point, sent on.
      const writtenAt = Math.floor(random() * 1_000);
      const quietBy = writtenAt + Math.floor(random() * 2_000);
      const start = Math.floor(random() * 500);
      const all: number[] = [];
      let now = start;
      while (now <= quietBy) {
        now = earliestSendAt(all, windows, now + Math.floor(random() * 150));
        if (now <= quietBy) all.push(now);
      }
      const written = all.filter((at) => at <= writtenAt);
      const taken = takeOverHistory({ owner: 'dead', leaseUntil: quietBy, quietBy, writtenAt, history: written }, windows);
      const next = sendAsFastAsAllowed(taken, windows, writtenAt, 30);
      expect(withinLimits([...all, ...next], windows)).toBe(true);
    }
  });
});

describe('mostSendsWithin', () => {
  it('is the smallest of what each window allows over the span', () => {
    expect(mostSendsWithin(conversation, 0)).toBe(7);
    expect(mostSendsWithin(conversation, 999)).toBe(7);
    expect(mostSendsWithin(conversation, 1_000)).toBe(8);
    expect(mostSendsWithin(conversation, 50_000)).toBe(120);
    expect(() => mostSendsWithin([], 10)).toThrow();
  });
});

describe('bucketsTouched', () => {
  it('counts the buckets a span shorter than the window can reach into', () => {
    expect(bucketsTouched(tenant[0]!, 1_000)).toBe(2);
    expect(bucketsTouched(tenant[0]!, 500)).toBe(3);
    expect(bucketsTouched(tenant[0]!, 100)).toBe(11);
    expect(bucketsTouched(tenant[0]!, 5_000)).toBe(2);
    expect(() => bucketsTouched(tenant[0]!, 0)).toThrow();
  });
});

/** Reserves `want` at a time from `fromBucket` on, `rounds` times, as one row shared by everyone. */
function reserveRounds(bucketMs: number, rounds: number, wantOf: () => number, fromOf: (round: number) => number, windows: readonly RateWindow[] = tenant) {
  let row: TenantBudget | undefined;
  const grants: { bucket: number; granted: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const grant = reserveBudget(row, fromOf(round), wantOf(), windows, bucketMs);
    expect(grant.granted).toBeGreaterThan(0);
    row = grant.next;
    grants.push(grant);
  }
  return grants;
}

describe('reserveBudget', () => {
  it('starts a fresh bucket when the row is older or missing', () => {
    expect(reserveBudget(undefined, 5, 10, tenant, 1_000)).toEqual({ bucket: 5, granted: 10, next: { bucket: 5, used: 10, before: [0] } });
    expect(reserveBudget({ bucket: 3, used: 50, before: [0] }, 5, 10, tenant, 1_000)).toEqual({ bucket: 5, granted: 10, next: { bucket: 5, used: 10, before: [0] } });
  });

  it('leaves a bucket what its neighbours within a window left over', () => {
    // One-second buckets: a span touches two, so the two together hold at most 50.
    expect(reserveBudget({ bucket: 5, used: 40, before: [0] }, 5, 20, tenant, 1_000)).toEqual({ bucket: 5, granted: 10, next: { bucket: 5, used: 50, before: [0] } });
    expect(reserveBudget({ bucket: 5, used: 50, before: [0] }, 5, 20, tenant, 1_000)).toEqual({ bucket: 7, granted: 20, next: { bucket: 7, used: 20, before: [0] } });
    expect(reserveBudget({ bucket: 5, used: 30, before: [0] }, 6, 40, tenant, 1_000)).toEqual({ bucket: 6, granted: 20, next: { bucket: 6, used: 20, before: [30] } });
  });

  it('reads rows written before the counts of earlier buckets were kept', () => {
    expect(reserveBudget({ bucket: 5, used: 25 }, 5, 10, tenant, 1_000)).toEqual({ bucket: 5, granted: 10, next: { bucket: 5, used: 35, before: [0] } });
  });

  it('never goes back to a bucket before the row, and reserves at least one', () => {
    expect(reserveBudget({ bucket: 8, used: 3, before: [0] }, 5, 10, tenant, 1_000).bucket).toBe(8);
    expect(() => reserveBudget(undefined, 1, 0, tenant, 1_000)).toThrow();
  });

  it.each([1_000, 500, 250, 100, 50, 3_000])('keeps every window wherever the sends fall within their %i ms buckets, whichever senders reserve in whatever order', (bucketMs) => {
    const random = seeded(bucketMs);
    let clock = 0;
    const grants = reserveRounds(bucketMs, 600, () => 1 + Math.floor(random() * 12), () => (clock += Math.floor(random() * 2)));
    const anywhere = grants.flatMap(({ bucket, granted }) => Array.from({ length: granted }, () => bucket * bucketMs + Math.floor(random() * bucketMs)));
    expect(withinLimits(anywhere, tenant)).toBe(true);
    // The worst case: each bucket's sends bunched at the edge nearest a neighbour, alternately.
    const edges = grants.flatMap(({ bucket, granted }) => Array.from({ length: granted }, () => (bucket % 2 === 0 ? (bucket + 1) * bucketMs - 1 : bucket * bucketMs)));
    expect(withinLimits(edges, tenant)).toBe(true);
  });

  it('keeps several windows at once', () => {
    const windows = [
      { periodMs: 1_000, max: 7 },
      { periodMs: 2_000, max: 8 },
    ];
    const random = seeded(11);
    const grants = reserveRounds(250, 300, () => 1 + Math.floor(random() * 4), () => 0, windows);
    const times = grants.flatMap(({ bucket, granted }) => Array.from({ length: granted }, () => bucket * 250 + Math.floor(random() * 250)));
    expect(withinLimits(times, windows)).toBe(true);
  });

  it.each([
    [1_000, 0.5],
    [100, 0.9],
    [50, 0.95],
  ])('under a steady demand, %i ms buckets give at least %f of the limit', (bucketMs, share) => {
    const grants = reserveRounds(bucketMs, 2_000, () => 10, () => 0);
    const sends = grants.reduce((sum, grant) => sum + grant.granted, 0);
    const spanMs = (grants.at(-1)!.bucket + 1) * bucketMs;
    expect(sends / (spanMs / 1_000) / 50).toBeGreaterThanOrEqual(share);
  });
});
