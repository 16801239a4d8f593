import { setMaxListeners } from 'node:events';
import { throttleKeyOf, type Delivery } from '../domain/deliveries/delivery';
import { TEAMS_RATE_LIMITS, type RateLimits } from '../domain/deliveries/rateLimits';
import { decide, DEFAULT_RETRY_POLICY, type RetryPolicy, type SendOutcome } from '../domain/deliveries/retryPolicy';
import type { DeliveryTransport, ResolvedTarget } from '../features/notifications/DeliveryTransport';
import type { Logger } from '../logging/logger';
import type { DeliveryLedger } from '../storage/deliveries/DeliveryLedger';
import type { DeliveryLimitRows } from '../storage/deliveries/DeliveryLimitRows';
import type { DeliveryQueue, TakenDelivery } from '../storage/deliveries/DeliveryQueue';
import { DEFAULT_SHARED_LIMIT_SETTINGS, LocalSendLimits, SharedSendLimits, type SendLimiter, type SharedLimitSettings } from './sendLimits';

/** Slots reserved for one message before it goes back to the queue for a moment. */
const SLOT_TRIES = 3;

export interface DeliverySettings {
  limits: RateLimits;
  retry: RetryPolicy;
  /** How long a taken message stays hidden from other senders, and how long a claim holds. */
  holdMs: number;
  /** A message waits this long in the process for its conversation's next slot; longer, it goes back to the queue. */
  maxWaitMs: number;
  /** At most this many messages of one conversation wait in one process; more go back to the queue. */
  maxWaitingPerConversation: number;
  /** A send without an answer after this long counts as a timeout. */
  sendTimeoutMs: number;
  maxInFlight: number;
  /** Polling an empty queue slows from `minPollMs` to `maxPollMs`; a local enqueue wakes it at once. */
  minPollMs: number;
  maxPollMs: number;
  /** How senders that share `limitRows` divide the limits (leases and tenant buckets); unused without. */
  shared?: SharedLimitSettings;
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  limits: TEAMS_RATE_LIMITS,
  retry: DEFAULT_RETRY_POLICY,
  holdMs: 60_000,
  maxWaitMs: 5_000,
  maxWaitingPerConversation: 10,
  sendTimeoutMs: 20_000,
  maxInFlight: 64,
  minPollMs: 200,
  maxPollMs: 5_000,
  shared: DEFAULT_SHARED_LIMIT_SETTINGS,
};

export interface DeliverySenderOptions {
  queue: DeliveryQueue;
  ledger: DeliveryLedger;
  transport: DeliveryTransport;
  resolve(delivery: Delivery): Promise<ResolvedTarget>;
  /** After Teams accepted it: remember a tracked card's activity id. */
  afterSent(delivery: Delivery, reference: string, activityId: string | undefined): Promise<void>;
  /** 403: the bot was removed or blocked there; tell the owner (once) and stop sending there. */
  forbidden(delivery: Delivery): Promise<void>;
  settings: DeliverySettings;
  /**
   * The table rows every sender on the queue shares to keep Teams' limits together (composeApp
   * always gives them). Without, this sender keeps the limits for itself alone, which is only
   * right when it is the one sender on the queue.
   */
  limitRows?: DeliveryLimitRows;
  logger: Logger;
  now?: () => number;
  random?: () => number;
}

class Killed extends Error {}

/**
 * Takes deliveries from the queue and hands them to Teams within Teams' limits. Any number of
 * senders (in the bot's processes or `npm run sender`) can take from the same queue: a message
 * is hidden while one holds it, and the ledger's conditional writes make sure a message handled
 * twice shows once. Messages of one conversation go out one after another in a process.
 */
export class DeliverySender {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly settings: DeliverySettings;
  private readonly limiter: SendLimiter;
  private readonly chains = new Map<string, { tail: Promise<void>; waiting: number }>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly killSwitch = new AbortController();
  /** Messages this sender handed to Teams: tests see that several senders shared the work. */
  sentCount = 0;
  /** Why messages went back to the queue unsent (counted since start): a stalled sender shows here. */
  readonly givenBack = { lineFull: 0, tooLate: 0, claimBusy: 0, slotLater: 0, slotsMissed: 0 };
  private running = false;
  private loopDone?: Promise<void>;
  private wake?: () => void;

  constructor(private readonly options: DeliverySenderOptions) {
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? Math.random;
    this.settings = options.settings;
    // A claim must outlive the wait for a slot plus the longest send, or a second copy could send too.
    if (this.settings.holdMs <= this.settings.maxWaitMs + this.settings.sendTimeoutMs) throw new Error('holdMs must exceed maxWaitMs + sendTimeoutMs');
    this.limiter = options.limitRows
      ? new SharedSendLimits(options.limitRows, this.settings.limits, this.settings.shared ?? DEFAULT_SHARED_LIMIT_SETTINGS, this.settings.sendTimeoutMs, this.now)
      : new LocalSendLimits(this.settings.limits);
    // Every wait and every send listens to the kill switch.
    setMaxListeners(0, this.killSwitch.signal);
  }

  start(): void {
    if (this.running || this.killSwitch.signal.aborted) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Something was queued here: look now rather than at the next poll. */
  kick(): void {
    this.wake?.();
  }

  /** Stops taking messages and finishes the ones it holds. */
  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loopDone;
    await this.idle();
  }

  /**
   * Dies on the spot, as a crashed process would: calls in flight are cut off and nothing more is
   * written. What it held becomes visible on the queue again after its hold time.
   */
  kill(): void {
    this.running = false;
    this.killSwitch.abort();
    this.kick();
  }

  /** True while it holds a message. */
  busy(): boolean {
    return this.inFlight.size > 0;
  }

  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async loop(): Promise<void> {
    let pollMs = this.settings.minPollMs;
    while (this.running) {
      const room = this.settings.maxInFlight - this.inFlight.size;
      if (room <= 0) {
        await Promise.race([...this.inFlight]);
        continue;
      }
      let taken: TakenDelivery[] = [];
      const takenAt = this.now();
      try {
        taken = await this.options.queue.take(Math.min(32, room), this.settings.holdMs);
      } catch (error) {
        this.options.logger.warn({ err: { message: (error as Error).message } }, 'delivery queue unreachable');
      }
      if (!this.running) {
        // Stopped while taking: what was taken becomes visible again after its hold time.
        break;
      }
      if (taken.length === 0) {
        await this.pause(pollMs);
        pollMs = Math.min(this.settings.maxPollMs, pollMs * 2);
        continue;
      }
      pollMs = this.settings.minPollMs;
      for (const message of taken) this.track(this.enter(message, takenAt));
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** Joins the line of its conversation, or goes back to the queue when that line is long. */
  private async enter(message: TakenDelivery, takenAt: number): Promise<void> {
    const key = throttleKeyOf(message.delivery.target);
    const chain = this.chains.get(key) ?? { tail: Promise.resolve(), waiting: 0 };
    if (chain.waiting >= this.settings.maxWaitingPerConversation) {
      this.givenBack.lineFull++;
      await this.guard(() => this.options.queue.retryLater(message, this.settings.maxWaitMs, message.attempts));
      return;
    }
    chain.waiting++;
    const mine = chain.tail.then(() => this.guard(() => this.handle(message, key, takenAt + this.settings.holdMs)));
    chain.tail = mine;
    this.chains.set(key, chain);
    try {
      await mine;
    } finally {
      chain.waiting--;
      if (chain.waiting === 0 && this.chains.get(key) === chain) {
        this.chains.delete(key);
        // Nothing more for this conversation here: another sender may take it over (a dead sender lets nothing go).
        if (!this.killSwitch.signal.aborted) await this.guard(() => this.limiter.done(key));
      }
    }
  }

  /** Runs one step of work unless the sender was killed; a failure leaves the message to come back. */
  private async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (error instanceof Killed || this.killSwitch.signal.aborted) return;
      this.options.logger.error({ err: { message: (error as Error).message } }, 'delivery step failed; the message comes back after its hold time');
    }
  }

  private alive(): void {
    if (this.killSwitch.signal.aborted) throw new Killed();
  }

  /**
   * `heldUntil`: when the message shows on the queue again for other senders. The claim lasts as
   * long; a send still unanswered then could be made a second time by another sender, so none
   * starts that late (a message waits in its conversation's line, and for shared limits, first).
   */
  private async handle(message: TakenDelivery, key: string, heldUntil: number): Promise<void> {
    const { delivery } = message;
    const tooLate = () => this.now() + this.settings.sendTimeoutMs >= heldUntil;
    this.alive();
    if (tooLate()) {
      this.givenBack.tooLate++;
      await this.options.queue.retryLater(message, 0, message.attempts);
      return;
    }
    const target = await this.options.resolve(delivery);
    this.alive();
    if (target.kind === 'gone' || target.kind === 'notReady' || target.kind === 'notAllowed') {
      await this.settle(message, target);
      return;
    }

    const claim = await this.options.ledger.claim(delivery.id, this.now(), this.settings.holdMs);
    this.alive();
    if (claim.kind === 'sent') {
      await this.options.queue.remove(message);
      return;
    }
    if (claim.kind === 'busy') {
      this.givenBack.claimBusy++;
      await this.options.queue.retryLater(message, Math.max(0, claim.untilMs - this.now()), message.attempts);
      return;
    }

    for (let expired = 0; ; expired++) {
      // Slots that keep running out before their send can start (a starved event loop, slow
      // storage) give the message back for a moment instead of reserving on and on.
      if (expired === SLOT_TRIES) {
        this.givenBack.slotsMissed++;
        await this.options.ledger.release(delivery.id, claim.etag);
        this.alive();
        await this.options.queue.retryLater(message, 1_000, message.attempts);
        return;
      }
      const slot = await this.limiter.reserve(key, delivery.target.tenantId, this.now(), this.settings.maxWaitMs);
      this.alive();
      if (slot.kind === 'later') {
        this.givenBack.slotLater++;
        await this.options.ledger.release(delivery.id, claim.etag);
        this.alive();
        await this.options.queue.retryLater(message, slot.afterMs, message.attempts);
        return;
      }
      await this.sleepUntil(slot.at);
      this.alive();
      if (tooLate()) {
        this.givenBack.tooLate++;
        await this.options.ledger.release(delivery.id, claim.etag);
        this.alive();
        await this.options.queue.retryLater(message, 0, message.attempts);
        return;
      }
      // Only while the slot holds (the tenant's bucket, the conversation's lease); else reserve again.
      if (this.now() < slot.validUntil) break;
    }

    const outcome = await this.send(target);
    this.limiter.sent(key, this.now());
    this.alive();
    if (outcome.kind === 'sent') {
      this.sentCount++;
      if (!(await this.options.ledger.markSent(delivery.id, claim.etag, outcome.activityId))) {
        this.options.logger.warn({ deliveryId: delivery.id }, 'delivery sent after its claim ran out; another sender may have sent it too');
      }
      this.alive();
      await this.options.afterSent(delivery, target.reference, outcome.activityId).catch((error: unknown) =>
        this.options.logger.error({ err: { message: (error as Error).message }, deliveryId: delivery.id }, 'sent, but its card could not be remembered for updates'),
      );
      this.alive();
      await this.options.queue.remove(message);
      return;
    }
    await this.options.ledger.release(delivery.id, claim.etag);
    this.alive();
    await this.settle(message, outcome);
  }

  /** Acts on the decision about a try that did not send. */
  private async settle(message: TakenDelivery, outcome: SendOutcome): Promise<void> {
    const { delivery } = message;
    const decision = decide(outcome, message.attempts, this.settings.retry, this.random);
    const facts = { deliveryId: delivery.id, target: delivery.target.kind, outcome: outcome.kind, ...(outcome.kind === 'status' ? { status: outcome.status } : {}) };
    switch (decision.kind) {
      case 'done':
        await this.options.queue.remove(message);
        return;
      case 'retry':
        this.options.logger.info({ ...facts, afterMs: decision.afterMs, attempts: decision.attempts }, 'delivery retried later');
        await this.options.queue.retryLater(message, decision.afterMs, decision.attempts);
        return;
      case 'drop':
        this.options.logger.info({ ...facts, reason: decision.reason }, 'delivery dropped');
        await this.options.queue.remove(message);
        return;
      case 'forbidden':
        this.options.logger.warn(facts, 'delivery refused by Teams (403): bot removed or blocked; not retried');
        await this.options.forbidden(delivery);
        this.alive();
        await this.options.queue.remove(message);
        return;
      case 'poison':
        this.options.logger.error({ ...facts, reason: decision.reason }, 'delivery moved to the poison queue');
        await this.options.queue.toPoison(message, decision.reason, new Date(this.now()));
        return;
    }
  }

  private async send(target: Extract<ResolvedTarget, { kind: 'send' | 'update' }>): Promise<SendOutcome> {
    const signal = AbortSignal.any([this.killSwitch.signal, AbortSignal.timeout(this.settings.sendTimeoutMs)]);
    const outcome =
      target.kind === 'send'
        ? await this.options.transport.send(target.reference, target.content, signal)
        : await this.options.transport.update(target.reference, target.activityId, target.card, signal);
    this.alive();
    return outcome;
  }

  private sleepUntil(at: number): Promise<void> {
    const ms = at - this.now();
    if (ms <= 0) return Promise.resolve();
    const signal = this.killSwitch.signal;
    return new Promise((resolve) => {
      const onKill = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onKill);
        resolve();
      }, ms);
      signal.addEventListener('abort', onKill, { once: true });
    });
  }
}
