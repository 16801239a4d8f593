import { busiestSpan, earliestSendAt, TEAMS_RATE_LIMITS, type RateWindow } from '../../../src/domain/deliveries/rateLimits';
import {
  bucketBudget,
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

describe('bucketBudget', () => {
  it('halves a window for buckets as long as it, since a span touches two of them', () => {
    expect(bucketBudget(tenant, 1_000)).toBe(25);
    expect(bucketBudget(tenant, 5_000)).toBe(25);
  });

  it('gives more of the rate with shorter buckets', () => {
    expect(bucketBudget(tenant, 500)).toBe(16);
    expect(bucketBudget(tenant, 100)).toBe(4);
    expect(bucketBudget(tenant, 50)).toBe(2);
    expect(() => bucketBudget(tenant, 20)).toThrow(/no room/);
  });

  it('takes the strictest window and refuses buckets with no room', () => {
    expect(bucketBudget([{ periodMs: 1_000, max: 50 }, { periodMs: 1_000, max: 10 }], 1_000)).toBe(5);
    expect(() => bucketBudget([{ periodMs: 1_000, max: 1 }], 1_000)).toThrow(/no room/);
    expect(() => bucketBudget(tenant, 0)).toThrow();
  });

  it('keeps every window wherever the sends fall within their buckets', () => {
    const random = seeded(7);
    for (const bucketMs of [1_000, 500, 250, 100, 3_000]) {
      const budget = bucketBudget(tenant, bucketMs);
      // Every bucket full, each send at a random moment of its bucket.
      const times = Array.from({ length: 40 }, (_, bucket) => Array.from({ length: budget }, () => bucket * bucketMs + Math.floor(random() * bucketMs))).flat();
      expect(withinLimits(times, tenant)).toBe(true);
      // Bunched at the edges between buckets, the worst case.
      const edges = Array.from({ length: 40 }, (_, bucket) => Array.from({ length: budget }, () => (bucket % 2 === 0 ? (bucket + 1) * bucketMs - 1 : bucket * bucketMs))).flat();
      expect(withinLimits(edges, tenant)).toBe(true);
    }
  });
});

describe('reserveBudget', () => {
  it('starts a fresh bucket when the row is older or missing', () => {
    expect(reserveBudget(undefined, 5, 10, 25)).toEqual({ bucket: 5, granted: 10, next: { bucket: 5, used: 10 } });
    expect(reserveBudget({ bucket: 3, used: 25 }, 5, 10, 25)).toEqual({ bucket: 5, granted: 10, next: { bucket: 5, used: 10 } });
  });

  it('grants what is left of the bucket, then moves to the next', () => {
    expect(reserveBudget({ bucket: 5, used: 20 }, 5, 10, 25)).toEqual({ bucket: 5, granted: 5, next: { bucket: 5, used: 25 } });
    expect(reserveBudget({ bucket: 5, used: 25 }, 5, 10, 25)).toEqual({ bucket: 6, granted: 10, next: { bucket: 6, used: 10 } });
  });

  it('never goes back to a bucket before the row', () => {
    expect(reserveBudget({ bucket: 8, used: 3 }, 5, 10, 25)).toEqual({ bucket: 8, granted: 10, next: { bucket: 8, used: 13 } });
    expect(() => reserveBudget(undefined, 1, 0, 25)).toThrow();
  });

  it('never puts more than the budget in a bucket, whichever senders reserve in whatever order', () => {
    const random = seeded(3);
    let row: TenantBudget | undefined;
    const perBucket = new Map<number, number>();
    let clock = 0;
    for (let index = 0; index < 2_000; index++) {
      clock += Math.floor(random() * 3);
      const grant = reserveBudget(row, clock, 1 + Math.floor(random() * 12), 25);
      row = grant.next;
      perBucket.set(grant.bucket, (perBucket.get(grant.bucket) ?? 0) + grant.granted);
      expect(grant.granted).toBeGreaterThan(0);
    }
    for (const used of perBucket.values()) expect(used).toBeLessThanOrEqual(25);
  });
});
