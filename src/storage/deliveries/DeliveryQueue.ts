import type { ContainerClient } from '@azure/storage-blob';
import type { QueueClient } from '@azure/storage-queue';
import { NO_ATTEMPTS, type Delivery, type DeliveryAttempts } from '../../domain/deliveries/delivery';
import { isStatus } from '../storageErrors';
import type { DelayedDeliveries } from './DelayedDeliveries';

/** A queue message holds 64 KiB of base64 text: this much JSON. */
const MAX_JSON_BYTES = 48 * 1024;

/** On the queue: the delivery itself, or (when it is too large for a message) the name of its payload blob. */
interface StoredEnvelope {
  delivery?: Delivery;
  payload?: string;
  attempts: DeliveryAttempts;
  /** It waited out a delay once, so it has a row in the delayed table to remove with it. */
  delayed?: boolean;
}

/** A message taken from the queue; invisible to other senders until it is deleted or its time is up. */
export interface TakenDelivery {
  delivery: Delivery;
  attempts: DeliveryAttempts;
  messageId: string;
  popReceipt: string;
  insertedOn: Date;
  /** The delivery lives in a payload blob, removed with the message. */
  payload?: string;
  /** It has a row among the delayed deliveries, removed with the message. */
  delayed?: boolean;
}

export interface PoisonedDelivery {
  delivery: Delivery;
  reason: string;
  poisonedAt: string;
}

export interface QueueFigures {
  /** Messages on the queue, including those waiting for a retry (approximate, as Azure counts). */
  depth: number;
  /** Age of the oldest message, in seconds: the one at the front, or one waiting out a retry delay; 0 when none. */
  oldestAgeSeconds: number;
  poisoned: number;
}

function encodeJson(json: string): string {
  if (Buffer.byteLength(json) > MAX_JSON_BYTES) throw new Error(`a queue message may hold ${MAX_JSON_BYTES} bytes of JSON; this one is larger`);
  return Buffer.from(json, 'utf8').toString('base64');
}

function decode<T>(text: string): T {
  return JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as T;
}

/** Queue visibility is whole seconds. */
function seconds(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}

/**
 * The delivery queue and its poison queue (Azure Storage Queues). A delivery larger than a queue
 * message (a card with a chart) is kept in a payload blob named after its id; the message names it.
 */
export class DeliveryQueue {
  constructor(
    private readonly queue: QueueClient,
    private readonly poison: QueueClient,
    private readonly payloads?: ContainerClient,
    private readonly delays?: DelayedDeliveries,
  ) {}

  async send(delivery: Delivery): Promise<void> {
    // Never expire: a delivery leaves the queue by being sent, dropped or poisoned, not by age.
    await this.queue.sendMessage(await this.encode({ delivery, attempts: NO_ATTEMPTS }), { messageTimeToLive: -1 });
  }

  private async encode<T extends { delivery: Delivery }>(envelope: T): Promise<string> {
    const json = JSON.stringify(envelope);
    if (Buffer.byteLength(json) <= MAX_JSON_BYTES || !this.payloads) return encodeJson(json);
    const payload = `${envelope.delivery.id}.json`;
    const body = JSON.stringify(envelope.delivery);
    // The same id always holds the same delivery, so writing it again (a retry, a sweep) is harmless.
    await this.payloads.getBlockBlobClient(payload).upload(body, Buffer.byteLength(body), { blobHTTPHeaders: { blobContentType: 'application/json' } });
    return encodeJson(JSON.stringify({ ...envelope, delivery: undefined, payload }));
  }

  private async payloadOf(name: string): Promise<Delivery | undefined> {
    try {
      const buffer = await this.payloads!.getBlockBlobClient(name).downloadToBuffer();
      return JSON.parse(buffer.toString('utf8')) as Delivery;
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** Takes up to `max` messages, hidden from other senders for `holdMs`. Unreadable ones go to the poison queue. */
  async take(max: number, holdMs: number): Promise<TakenDelivery[]> {
    const response = await this.queue.receiveMessages({ numberOfMessages: Math.min(32, Math.max(1, max)), visibilityTimeout: Math.max(1, seconds(holdMs)) });
    const taken: TakenDelivery[] = [];
    for (const item of response.receivedMessageItems) {
      try {
        const envelope = decode<StoredEnvelope>(item.messageText);
        if (envelope.payload && !this.payloads) throw new Error('a payload without a payload container');
        const delivery = envelope.payload ? await this.payloadOf(envelope.payload) : envelope.delivery;
        if (envelope.payload && !delivery) {
          // Its payload went with an earlier copy of this message, which was sent or dropped.
          await this.remove({ messageId: item.messageId, popReceipt: item.popReceipt, delayed: envelope.delayed });
          continue;
        }
        if (!delivery?.id || !delivery.target) throw new Error('not a delivery');
        taken.push({
          delivery,
          attempts: { ...NO_ATTEMPTS, ...envelope.attempts },
          messageId: item.messageId,
          popReceipt: item.popReceipt,
          insertedOn: item.insertedOn,
          ...(envelope.payload ? { payload: envelope.payload } : {}),
          ...(envelope.delayed ? { delayed: true } : {}),
        });
      } catch {
        await this.poison.sendMessage(Buffer.from(item.messageText).toString('base64'), { messageTimeToLive: -1 });
        await this.remove({ messageId: item.messageId, popReceipt: item.popReceipt });
      }
    }
    return taken;
  }

  /** Makes the message visible again after `afterMs`, with the tries counted so far. */
  async retryLater(taken: TakenDelivery, afterMs: number, attempts: DeliveryAttempts): Promise<void> {
    // Written before the message hides, so the oldest age never misses it; a row left by a failed
    // update only counts until the moment it names.
    if (this.delays && afterMs > 0) await this.delays.delayed(taken.messageId, taken.insertedOn, new Date(Date.now() + seconds(afterMs) * 1000));
    const delayed = Boolean(this.delays) && (taken.delayed || afterMs > 0);
    await this.queue.updateMessage(taken.messageId, taken.popReceipt, await this.encode({ delivery: taken.delivery, attempts, ...(delayed ? { delayed } : {}) }), seconds(afterMs));
  }

  /** Done with it. A message whose time ran out was taken by another sender; that one finishes it. */
  async remove(taken: { messageId: string; popReceipt: string; payload?: string; delayed?: boolean }): Promise<void> {
    try {
      await this.queue.deleteMessage(taken.messageId, taken.popReceipt);
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
    if (taken.payload) await this.payloads?.getBlockBlobClient(taken.payload).deleteIfExists();
    if (taken.delayed) await this.delays?.done(taken.messageId);
  }

  async toPoison(taken: TakenDelivery, reason: string, at: Date): Promise<void> {
    // The poison entry names the payload blob of a large delivery, so that blob stays.
    await this.poison.sendMessage(await this.encode({ delivery: taken.delivery, reason, poisonedAt: at.toISOString() }), { messageTimeToLive: -1 });
    await this.remove({ messageId: taken.messageId, popReceipt: taken.popReceipt, delayed: taken.delayed });
  }

  /** Reads the poison queue without taking anything: what a beheerder inspects. */
  async peekPoisoned(max = 32): Promise<PoisonedDelivery[]> {
    const response = await this.poison.peekMessages({ numberOfMessages: Math.min(32, max) });
    return Promise.all(
      response.peekedMessageItems.map(async (item) => {
        const entry = decode<PoisonedDelivery & { payload?: string }>(item.messageText);
        const delivery = entry.payload ? await this.payloadOf(entry.payload) : entry.delivery;
        return { delivery: delivery ?? entry.delivery, reason: entry.reason, poisonedAt: entry.poisonedAt };
      }),
    );
  }

  async figures(now: Date, abortSignal?: AbortSignal): Promise<QueueFigures> {
    const [properties, poisonProperties, front, waiting] = await Promise.all([
      this.queue.getProperties({ abortSignal }),
      this.poison.getProperties({ abortSignal }),
      this.queue.peekMessages({ numberOfMessages: 1, abortSignal }),
      this.delays?.oldestWaiting(now, abortSignal),
    ]);
    const visible = front.peekedMessageItems[0]?.insertedOn;
    const oldest = visible && waiting ? new Date(Math.min(visible.getTime(), waiting.getTime())) : (visible ?? waiting);
    return {
      depth: properties.approximateMessagesCount ?? 0,
      oldestAgeSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0,
      poisoned: poisonProperties.approximateMessagesCount ?? 0,
    };
  }
}
