import { randomUUID } from 'node:crypto';
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

export interface DeliveriesOptions {
  outbox: DeliveryOutbox;
  queue: DeliveryQueue;
  logger: Logger;
  now: () => Date;
  /** Wakes the sender of this process, so a message goes out without waiting for its next poll. */
  queued?: () => void;
}

/**
 * The one way out for proactive messages: a delivery is written to the outbox, put on the queue,
 * and taken off the outbox. The caller's turn never waits on Teams; a crash between the outbox
 * and the queue is repaired by `sweep`.
 */
export class Deliveries {
  private readonly pending = new Set<Promise<unknown>>();

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

  /** Queues outbox rows older than `olderThanMs`: what a crash between outbox and queue left behind. */
  async sweep(olderThanMs = 60_000): Promise<number> {
    const stale = await this.options.outbox.listStale(new Date(this.options.now().getTime() - olderThanMs));
    if (stale.length > 0) {
      this.options.logger.warn({ deliveries: stale.length }, 'queueing deliveries a crash left in the outbox');
      await this.queueAll(stale);
    }
    return stale.length;
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

  private track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
    return work;
  }
}
