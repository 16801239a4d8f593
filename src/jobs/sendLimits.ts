import { randomUUID } from 'node:crypto';
import { earliestSendAt, pruneHistory, type RateLimits } from '../domain/deliveries/rateLimits';
import { bucketsTouched, decideLease, reserveBudget, type ConversationLease } from '../domain/deliveries/sharedLimits';
import type { DeliveryLimitRows } from '../storage/deliveries/DeliveryLimitRows';

/** When a send to a conversation may start, and until when that moment holds. */
export type Slot =
  | { kind: 'at'; at: number; validUntil: number }
  /** Not here, not soon: give the message back to the queue for this long. */
  | { kind: 'later'; afterMs: number };

/**
 * Keeps Teams' limits for a sender. The sender sends one conversation's messages one after another
 * and calls: `reserve` before each send (then waits until `at` and sends only while `validUntil`
 * has not passed), `sent` when Teams answered, and `done` when it has nothing more for the conversation.
 */
export interface SendLimiter {
  reserve(conversationKey: string, tenantId: string, now: number, maxWaitMs: number): Promise<Slot>;
  sent(conversationKey: string, at: number): void;
  done(conversationKey: string): Promise<void>;
}

/** The limits kept by this process alone: right for one sender, too fast for several on one queue. */
export class LocalSendLimits implements SendLimiter {
  private readonly conversationSends = new Map<string, number[]>();
  private readonly tenantSends = new Map<string, number[]>();

  constructor(private readonly limits: RateLimits) {}

  reserve(key: string, tenantId: string, now: number, maxWaitMs: number): Promise<Slot> {
    const conversation = pruneHistory(this.conversationSends.get(key) ?? [], this.limits.perConversation, now);
    const tenant = pruneHistory(this.tenantSends.get(tenantId) ?? [], this.limits.perTenant, now);
    this.conversationSends.set(key, conversation);
    const at = Math.max(earliestSendAt(conversation, this.limits.perConversation, now), earliestSendAt(tenant, this.limits.perTenant, now));
    if (at - now > maxWaitMs) return Promise.resolve({ kind: 'later', afterMs: at - now });
    // The tenant counts a send when it starts; the conversation when Teams answered (see `sent`).
    this.tenantSends.set(tenantId, [...tenant, at].sort((a, b) => a - b));
    return Promise.resolve({ kind: 'at', at, validUntil: Number.POSITIVE_INFINITY });
  }

  sent(key: string, at: number): void {
    this.conversationSends.set(key, [...(this.conversationSends.get(key) ?? []), at]);
  }

  done(): Promise<void> {
    return Promise.resolve();
  }
}

export interface SharedLimitSettings {
  /** How long a sender owns a conversation without writing; renewed at half-time while it sends there. */
  conversationLeaseMs: number;
  /**
   * The tenant's budget is counted per bucket this long (see `reserveBudget`): shorter buckets come
   * closer to the limit (100 ms: 10/11 of it, 250 ms: 4/5, 1 s: half), each reservation one write.
   */
  tenantBucketMs: number;
  /** Sends of a bucket reserved with one write. */
  tenantBatch: number;
}

export const DEFAULT_SHARED_LIMIT_SETTINGS: SharedLimitSettings = {
  conversationLeaseMs: 30_000,
  // 10/11 of the tenant's rate. A send must start within its bucket; one that misses it reserves
  // again, three times at most (a 200-school fan-out missed almost none, see bench/README).
  tenantBucketMs: 100,
  tenantBatch: 10,
};

interface HeldLease {
  lease: ConversationLease;
  etag: string;
}

/** Optimistic writes that lose to another sender are tried again this often before giving up for now. */
const WRITE_TRIES = 5;
/** Reservations whose grant came after its bucket had passed, tried again this often per send. */
const LATE_GRANT_TRIES = 3;
/** How long a message whose grants all came too late stays back on the queue. */
const LATE_GRANT_PAUSE_MS = 1_000;

type TenantPermit = { kind: 'at'; start: number; end: number } | { kind: 'later'; at: number };

/** Let-go leases remembered for a one-write retake; the oldest are forgotten first (a read then). */
const RELEASED_KEPT = 5_000;

/**
 * The limits kept together by every sender that shares the table (see `domain/deliveries/sharedLimits`).
 * A conversation's sends go through its lease, so they are counted exactly even when its owner
 * changes; the tenant's budget is reserved a batch per bucket.
 */
export class SharedSendLimits implements SendLimiter {
  /** This sender, as lease rows name it. */
  readonly id = randomUUID();
  private readonly held = new Map<string, HeldLease>();
  /** The ETag of a lease this sender let go: taking it back is then one write. */
  private readonly released = new Map<string, { lease: ConversationLease; etag: string }>();
  private readonly permits = new Map<string, { bucket: number; left: number }>();
  private readonly tenantLocks = new Map<string, Promise<unknown>>();
  private readonly conversationLocks = new Map<string, Promise<unknown>>();
  /** How long the last reservation of a tenant batch took. */
  private reserveRttMs = 0;

  constructor(
    private readonly rows: DeliveryLimitRows,
    private readonly limits: RateLimits,
    private readonly settings: SharedLimitSettings,
    /** The sender's send timeout: after a lease runs out, its holder's last send has arrived by then. */
    private readonly sendTimeoutMs: number,
    private readonly now: () => number,
  ) {
    for (const window of limits.perTenant) bucketsTouched(window, settings.tenantBucketMs);
  }

  reserve(key: string, tenantId: string, now: number, maxWaitMs: number): Promise<Slot> {
    return serialized(this.conversationLocks, key, () => this.reserveNow(key, tenantId, now, maxWaitMs));
  }

  private async reserveNow(key: string, tenantId: string, now: number, maxWaitMs: number): Promise<Slot> {
    const lease = await this.ownLease(key, now);
    if (lease.kind === 'later') return lease;
    const windows = this.limits.perConversation;
    const history = pruneHistory(lease.held.lease.history, windows, now);
    lease.held.lease.history = history;
    const conversationAt = earliestSendAt(history, windows, now);
    if (conversationAt - now > maxWaitMs) return { kind: 'later', afterMs: conversationAt - now };
    const permit = await this.tenantPermit(tenantId, conversationAt, maxWaitMs);
    if (permit.kind === 'later') return { kind: 'later', afterMs: Math.max(0, permit.at - this.now()) };
    return { kind: 'at', at: Math.max(conversationAt, permit.start), validUntil: Math.min(permit.end, lease.held.lease.leaseUntil) };
  }

  sent(key: string, at: number): void {
    this.held.get(key)?.lease.history.push(at);
  }

  /** Lets the conversation go with its history, so the next owner (any sender) continues from it. */
  done(key: string): Promise<void> {
    return serialized(this.conversationLocks, key, () => this.release(key));
  }

  private async release(key: string): Promise<void> {
    const held = this.held.get(key);
    if (!held) return;
    const now = this.now();
    const lease: ConversationLease = {
      owner: '',
      leaseUntil: 0,
      quietBy: 0,
      writtenAt: now,
      history: pruneHistory(held.lease.history, this.limits.perConversation, now),
    };
    // A write that fails keeps the lease here, history and all, for the next message to renew.
    const written = await this.rows.writeLease(key, lease, held.etag);
    this.held.delete(key);
    if (written) this.released.set(key, { lease, etag: written.etag });
    if (this.released.size > RELEASED_KEPT) this.released.delete(this.released.keys().next().value!);
  }

  /** The conversation's lease, held by this sender for a while yet; or how long another holds it. */
  private async ownLease(key: string, now: number): Promise<{ kind: 'held'; held: HeldLease } | Extract<Slot, { kind: 'later' }>> {
    const held = this.held.get(key);
    if (held && held.lease.leaseUntil - now > this.settings.conversationLeaseMs / 2) return { kind: 'held', held };
    if (held) {
      // Renewing writes the history too, so a crash loses at most one lease's sends.
      const renewed = await this.writeHeld(key, held.lease.history, held.etag, now);
      if (renewed) return { kind: 'held', held: renewed };
      this.held.delete(key);
    }
    const released = this.released.get(key);
    this.released.delete(key);
    if (released) {
      const taken = await this.writeHeld(key, released.lease.history, released.etag, now);
      if (taken) return { kind: 'held', held: taken };
    }
    for (let attempt = 0; attempt < WRITE_TRIES; attempt++) {
      const row = await this.rows.readLease(key);
      const decision = decideLease(row?.value, now, this.limits.perConversation);
      // Others hold it: a short wait, since they let go as soon as they have nothing more for it.
      if (decision.kind === 'held') return { kind: 'later', afterMs: Math.min(decision.untilMs - now, 1_000) };
      const taken = await this.writeHeld(key, decision.history, row?.etag, now);
      if (taken) return { kind: 'held', held: taken };
    }
    return { kind: 'later', afterMs: 1_000 };
  }

  private async writeHeld(key: string, history: number[], etag: string | undefined, now: number): Promise<HeldLease | undefined> {
    const leaseUntil = now + this.settings.conversationLeaseMs;
    const lease: ConversationLease = { owner: this.id, leaseUntil, quietBy: leaseUntil + this.sendTimeoutMs, writtenAt: now, history };
    const written = await this.rows.writeLease(key, lease, etag);
    if (!written) return undefined;
    const held = { lease, etag: written.etag };
    this.held.set(key, held);
    return held;
  }

  /**
   * A send of the tenant's budget in the bucket of `at` or a later one that starts within `maxWaitMs`:
   * from this sender's batch when it has one, else a new batch reserved in the shared row (one
   * reservation per tenant at a time). Nothing is reserved for a bucket later than that: a send
   * that would wait longer goes back to the queue, and a reservation it did not use would only
   * push every later send further out (the row never moves back). Reserving ahead without that
   * bound, a loaded 200-school fan-out once pushed the row minutes ahead and stopped sending.
   */
  private tenantPermit(tenantId: string, at: number, maxWaitMs: number): Promise<TenantPermit> {
    return serialized(this.tenantLocks, tenantId, () => this.takePermit(tenantId, at, maxWaitMs));
  }

  private async takePermit(tenantId: string, at: number, maxWaitMs: number): Promise<TenantPermit> {
    const bucketMs = this.settings.tenantBucketMs;
    // Counted from now, not from the caller's moment: the lease and this lock may have taken a while.
    const latest = this.now() + maxWaitMs;
    const wanted = Math.max(Math.floor(at / bucketMs), Math.floor(this.now() / bucketMs));
    const local = this.permits.get(tenantId);
    if (local && local.left > 0 && local.bucket >= wanted) {
      if (local.bucket * bucketMs > latest) return { kind: 'later', at: local.bucket * bucketMs };
      return this.use(local);
    }
    for (let tries = 0; tries < LATE_GRANT_TRIES; tries++) {
      const askedAt = this.now();
      if (askedAt >= latest) break;
      // Ahead of the answer's own delay, so the bucket has not passed when the grant arrives;
      // never past the wait, so one very slow answer does not send the next messages back.
      const lead = Math.min(2 * this.reserveRttMs, latest - askedAt);
      const from = Math.max(wanted, Math.floor((askedAt + lead) / bucketMs));
      const grant = await this.reserveBatch(tenantId, from, Math.floor(latest / bucketMs));
      this.reserveRttMs = this.now() - askedAt;
      if (grant.kind === 'full') return { kind: 'later', at: grant.bucket * bucketMs };
      const permit = { bucket: grant.bucket, left: grant.granted };
      this.permits.set(tenantId, permit);
      if ((grant.bucket + 1) * bucketMs > this.now()) return this.use(permit);
    }
    // Every grant came after its bucket had passed, or the wait is over (storage slower than the wait): back to the queue for a moment.
    return { kind: 'later', at: this.now() + LATE_GRANT_PAUSE_MS };
  }

  private use(permit: { bucket: number; left: number }): TenantPermit {
    permit.left -= 1;
    const bucketMs = this.settings.tenantBucketMs;
    return { kind: 'at', start: permit.bucket * bucketMs, end: (permit.bucket + 1) * bucketMs };
  }

  /** Reserves in the first bucket with room, unless that comes after `lastBucket`: then nothing is written. */
  private async reserveBatch(tenantId: string, fromBucket: number, lastBucket: number): Promise<{ kind: 'granted'; bucket: number; granted: number } | { kind: 'full'; bucket: number }> {
    const bucketMs = this.settings.tenantBucketMs;
    // Another sender may write first; read again, its reservation counted, until ours lands.
    for (;;) {
      const row = await this.rows.readBudget(tenantId, bucketMs);
      const grant = reserveBudget(row?.value, fromBucket, this.settings.tenantBatch, this.limits.perTenant, bucketMs);
      if (grant.bucket > lastBucket) return { kind: 'full', bucket: grant.bucket };
      if (await this.rows.writeBudget(tenantId, bucketMs, grant.next, row?.etag)) return { kind: 'granted', bucket: grant.bucket, granted: grant.granted };
    }
  }
}

/** Runs `work` after every earlier work of the same key in this process has finished. */
function serialized<T>(locks: Map<string, Promise<unknown>>, key: string, work: () => Promise<T>): Promise<T> {
  const mine = (locks.get(key) ?? Promise.resolve()).then(work);
  const settled = mine.catch(() => undefined);
  locks.set(key, settled);
  void settled.then(() => {
    if (locks.get(key) === settled) locks.delete(key);
  });
  return mine;
}
