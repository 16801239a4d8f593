import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { heldVerdict, namesItsOwnWrite, type ChangeCheck } from '../../domain/deliveries/heldDeliveries';
import type { Delivery, DeliveryContent, DeliveryOwner, DeliveryTarget } from '../../domain/deliveries/delivery';
import type { InstallationKey } from '../../domain/installations/installation';
import type { Logger } from '../../logging/logger';
import type { DeliveryOutbox } from '../../storage/deliveries/DeliveryOutbox';
import type { DeliveryQueue } from '../../storage/deliveries/DeliveryQueue';
import { currentDeliveryOwner } from './deliveryOwner';

export interface NewDelivery {
  target: DeliveryTarget;
  content: DeliveryContent;
  /** Stable id when the caller has one (so a repeated call queues nothing new); a fresh one otherwise. */
  id?: string;
  /** Who is told when it cannot be delivered; by default the person whose turn queued it. */
  owner?: DeliveryOwner;
  tellOwnerOnFailure?: boolean;
  /** What the owner is told on a 403 instead of the general notice, and what it is once for. */
  failureNotice?: { text: string; onceFor: string };
}

/** The part of Deliveries a feature needs to write a change and announce it as one. */
export type AnnouncedChanges = Pick<Deliveries, 'withChange'>;

export interface DeliveriesOptions {
  outbox: DeliveryOutbox;
  queue: DeliveryQueue;
  logger: Logger;
  now: () => Date;
  /** Wakes the sender of this process, so a message goes out without waiting for its next poll. */
  queued?: () => void;
  /** Whether the change that held deliveries announce was written (read from storage). */
  isWritten?: (check: ChangeCheck) => Promise<boolean>;
  /** Held deliveries whose change is still not written after this long are dropped (default 10 minutes). */
  dropHeldAfterMs?: number;
}

/** The deliveries a change announces while it is being written: collected, not yet queued. */
interface HeldScope {
  check: ChangeCheck;
  collected: Delivery[];
  /**
   * What happens once the change is written, in the order the announcement asked for it: queueing
   * deliveries, and work that may only happen then (an update of a tracked card must be queued
   * before a newer card takes over its tracking, as without holding).
   */
  steps: ({ queue: Delivery[] } | { work: () => Promise<void> })[];
}

/**
 * The one way out for proactive messages: a delivery is written to the outbox, put on the queue,
 * and taken off the outbox. The caller's turn never waits on Teams; a crash between the outbox
 * and the queue is repaired by `sweep`.
 */
export class Deliveries {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly held = new AsyncLocalStorage<HeldScope>();

  constructor(private readonly options: DeliveriesOptions) {}

  async enqueue(items: readonly NewDelivery[]): Promise<Delivery[]> {
    if (items.length === 0) return [];
    const owner = currentDeliveryOwner();
    const createdAt = this.options.now().toISOString();
    const deliveries = items.map((item): Delivery => ({
      id: item.id ?? randomUUID(),
      target: item.target,
      content: item.content,
      ...((item.owner ?? owner) ? { owner: item.owner ?? owner } : {}),
      tellOwnerOnFailure: item.tellOwnerOnFailure ?? true,
      ...(item.failureNotice ? { failureNotice: item.failureNotice } : {}),
      createdAt,
    }));
    const scope = this.held.getStore();
    if (scope) {
      // Written before the change they announce; queued by `withChange` (or the sweep) once it is written.
      await this.options.outbox.add(deliveries.map((delivery) => ({ ...delivery, heldFor: scope.check })));
      scope.collected.push(...deliveries);
      scope.steps.push({ queue: deliveries });
      return deliveries;
    }
    // Durable first: from here on the deliveries survive a crash of this process.
    await this.options.outbox.add(deliveries);
    const queued = this.track(this.queueAll(deliveries));
    await queued;
    return deliveries;
  }

  /**
   * A message to any stored conversation reference: a person's personal chat, a team channel or
   * a group chat (the installation key the installations table stores it under).
   */
  async sendToConversation(
    tenantId: string,
    installation: Pick<InstallationKey, 'partitionKey' | 'rowKey'>,
    content: DeliveryContent,
    options: { id?: string; owner?: DeliveryOwner; userId?: string } = {},
  ): Promise<Delivery> {
    const [delivery] = await this.enqueue([
      {
        id: options.id,
        owner: options.owner,
        target: { kind: 'conversation', tenantId, partitionKey: installation.partitionKey, rowKey: installation.rowKey, ...(options.userId ? { userId: options.userId } : {}) },
        content,
      },
    ]);
    return delivery;
  }

  /**
   * A state change and the deliveries that announce it, as one: `announce` runs first and what it
   * enqueues is written to the outbox held by `check`; then `write` makes the change. When the
   * write fails nothing is sent; when it succeeds the deliveries are queued. A crash in between
   * is settled by the sweep, which asks storage whether the change was written.
   */
  async withChange<T>(check: ChangeCheck, announce: () => Promise<void>, write: () => Promise<T>, wrote: (result: T) => boolean = () => true): Promise<T> {
    const scope: HeldScope = { check, collected: [], steps: [] };
    try {
      await this.held.run(scope, announce);
    } catch (error) {
      await this.discard(scope.collected);
      throw error;
    }
    let result: T;
    try {
      result = await write();
    } catch (error) {
      // A write can fail after storage applied it (a timeout on the answer): storage decides.
      await this.settleAfterFailedWrite(scope);
      throw error;
    }
    // "Not written" can be a retry of a write that landed (a 409 or 412 after the first try was
    // applied but its answer lost): storage decides, where the check can tell our write from another's.
    if (wrote(result)) await this.release(scope);
    else if (namesItsOwnWrite(check)) await this.settleAfterFailedWrite(scope);
    else await this.discard(scope.collected);
    return result;
  }

  /**
   * Queues outbox rows older than `olderThanMs`: what a crash between outbox and queue left
   * behind. Held rows go only once their change is written; those whose change never was are dropped.
   */
  async sweep(olderThanMs = 60_000, dropHeldAfterMs = this.options.dropHeldAfterMs ?? 600_000): Promise<number> {
    const now = this.options.now().getTime();
    const stale = await this.options.outbox.listStale(new Date(now - olderThanMs));
    const release: Delivery[] = [];
    const drop: Delivery[] = [];
    const verdicts = new Map<string, Promise<boolean | undefined>>();
    for (const delivery of stale) {
      if (!delivery.heldFor) {
        release.push(delivery);
        continue;
      }
      const key = JSON.stringify(delivery.heldFor);
      // A check storage cannot answer now waits for the next sweep, and stops nothing else.
      if (!verdicts.has(key)) verdicts.set(key, this.isWritten(delivery.heldFor).catch(() => undefined));
      const written = await verdicts.get(key)!;
      if (written === undefined) continue;
      const verdict = heldVerdict(written, now - Date.parse(delivery.createdAt), dropHeldAfterMs);
      if (verdict === 'release') release.push(unheld(delivery));
      else if (verdict === 'drop') drop.push(delivery);
    }
    if (drop.length > 0) {
      this.options.logger.info({ deliveries: drop.length }, 'dropping deliveries of a change that was never written');
      await this.options.outbox.remove(drop.map((delivery) => delivery.id));
    }
    if (release.length > 0) {
      this.options.logger.warn({ deliveries: release.length }, 'queueing deliveries a crash left in the outbox');
      await this.queueAll(release);
    }
    return release.length;
  }

  /** Resolves when every enqueue this process started has reached the queue (or failed into the outbox). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async queueAll(deliveries: readonly Delivery[]): Promise<void> {
    try {
      await Promise.all(deliveries.map((delivery) => this.options.queue.send(delivery)));
      await this.options.outbox.remove(deliveries.map((delivery) => delivery.id));
      this.options.queued?.();
    } catch (error) {
      // Still in the outbox: the sweep queues it. A sender dedupes, so queueing twice is harmless.
      this.options.logger.warn({ err: { message: (error as Error).message }, deliveries: deliveries.length }, 'deliveries stay in the outbox for the sweep');
    }
  }

  /**
   * Runs `work` now, or, inside `withChange`, once the change is written (never when it is not):
   * what a message leaves behind in storage must not outlive a change that did not happen.
   */
  async whenWritten(work: () => Promise<void>): Promise<void> {
    const scope = this.held.getStore();
    if (scope) scope.steps.push({ work });
    else await work();
  }

  private async release(scope: HeldScope): Promise<void> {
    for (const step of scope.steps) {
      if ('work' in step) await step.work();
      else await this.track(this.queueAll(step.queue));
    }
  }

  private async isWritten(check: ChangeCheck): Promise<boolean> {
    if (!this.options.isWritten) throw new Error('held deliveries need an isWritten check');
    return this.options.isWritten(check);
  }

  private async settleAfterFailedWrite(scope: HeldScope): Promise<void> {
    if (scope.collected.length === 0) return;
    let written: boolean;
    try {
      written = await this.isWritten(scope.check);
    } catch {
      return; // Left for the sweep, which asks again.
    }
    if (written) await this.release(scope);
    else await this.discard(scope.collected);
  }

  /** The change was not made: what announced it must not go out. */
  private async discard(deliveries: readonly Delivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.options.outbox.remove(deliveries.map((delivery) => delivery.id)).catch((error: unknown) => {
      // Left for the sweep, which drops them: their change is not in storage.
      this.options.logger.warn({ err: { message: (error as Error).message }, deliveries: deliveries.length }, 'held deliveries stay for the sweep to drop');
    });
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
    return work;
  }
}

function unheld(delivery: Delivery): Delivery {
  const rest = { ...delivery };
  delete rest.heldFor;
  return rest;
}
