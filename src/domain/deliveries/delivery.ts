import type { ChangeCheck } from './heldDeliveries';

/**
 * A delivery is one proactive message on its way out: a small JSON document with a stable id,
 * where it goes and what it carries. Every proactive message of the bot is one, so every one of
 * them is throttled, retried and deduplicated the same way. Pure: storage and Teams translate.
 */

/** The stored conversation reference a delivery goes to: a row of the installations table. */
export interface ConversationTarget {
  kind: 'conversation';
  tenantId: string;
  /** Installation key: a person's personal chat, a team's channel or a group chat. */
  partitionKey: string;
  rowKey: string;
  /** The person behind a personal chat; absent for a channel or group chat. */
  userId?: string;
}

/** A card sent earlier and remembered (subject, purpose, recipient), to be replaced in place. */
export interface TrackedCardTarget {
  kind: 'trackedCard';
  tenantId: string;
  subject: string;
  purpose: string;
  userId: string;
  /**
   * The card it replaces, when that was sent already: a newer card that takes over the tracking
   * meanwhile is not it. Without one, the update waits for the tracked card to be sent.
   */
  activityId?: string;
}

/**
 * A conversation reference stored by a feature itself, not under an installation key: the
 * directie channel a beheerder chose. `conversationId` is the reference's conversation, kept
 * beside it so limits can be counted without reading the reference.
 */
export interface ReferenceTarget {
  kind: 'reference';
  tenantId: string;
  conversationId: string;
  /** The serialized conversation reference, sent to as it is. */
  reference: string;
  userId?: undefined;
}

export type DeliveryTarget = ConversationTarget | TrackedCardTarget | ReferenceTarget;

export type CardJson = Record<string, unknown>;

export type DeliveryContent =
  /** A new card; with tracking it is remembered so later updates replace it in place. */
  | { kind: 'card'; card: CardJson; tracking?: { subject: string; purpose: string } }
  | { kind: 'text'; text: string }
  /** Replaces the tracked card of the target; idempotent, since it names the activity it replaces. */
  | { kind: 'update'; card: CardJson };

/** Who hears about it when a delivery cannot be made (403): the person who started the task. */
export interface DeliveryOwner {
  tenantId: string;
  userId: string;
}

export interface Delivery {
  id: string;
  target: DeliveryTarget;
  content: DeliveryContent;
  owner?: DeliveryOwner;
  /** False for the notices about undeliverable messages themselves, so a failure never loops. */
  tellOwnerOnFailure: boolean;
  /**
   * What the owner is told on a 403 instead of the general notice (the summary's own advice), and
   * what that notice is once for: by default the owner hears once per conversation, ever.
   */
  failureNotice?: { text: string; onceFor: string };
  createdAt: string;
  /** Outbox only: the state change this delivery announces, until it is known to be written (heldDeliveries.ts). */
  heldFor?: ChangeCheck;
}

/** How often a delivery was tried; kept in the queue message, not the delivery, so the id stays stable. */
export interface DeliveryAttempts {
  /** Failures (5xx, timeouts, network errors) so far. */
  failures: number;
  /** Times Teams answered 429 so far. */
  throttles: number;
  /** Times an in-place update found its card not sent yet. */
  waits: number;
}

export const NO_ATTEMPTS: DeliveryAttempts = { failures: 0, throttles: 0, waits: 0 };

/**
 * The conversation a target's messages count against for Teams' per-conversation limits. Cards
 * are tracked in a person's personal chat, so a person's messages and card updates count together.
 */
export function throttleKeyOf(target: DeliveryTarget): string {
  if (target.kind === 'reference') return `${target.tenantId}|reference|${target.conversationId}`;
  if (target.kind === 'trackedCard' || target.userId) return `${target.tenantId}|user|${target.userId}`;
  return `${target.tenantId}|${target.partitionKey}|${target.rowKey}`;
}
