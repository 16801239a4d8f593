import type { ProcessedActivityRepository } from '../storage/activities/ProcessedActivityRepository';
import type { DelayedDeliveries } from '../storage/deliveries/DelayedDeliveries';
import type { DeliveryLedger } from '../storage/deliveries/DeliveryLedger';
import type { UsedLinkRepository } from '../storage/links/UsedLinkRepository';
import type { SentCardRepository } from '../storage/sentCards/SentCardRepository';

const DAY_MS = 86_400_000;

/**
 * How long the bookkeeping tables keep a row. Each age is far beyond the time in which the row
 * can still matter:
 * - a processed activity guards against Teams delivering it twice, which happens within minutes;
 * - a used link's nonce guards a signed link, and no link lives longer than a few hours;
 * - a sent card is updated in place while its trajectory runs, which is a school year at most;
 * - a delivery ledger row (a delivery id claimed or sent) makes a second queue message of the same
 *   delivery show nothing. Queue messages never expire by age (TTL -1), but every copy leaves the
 *   queue within hours: a copy whose sender died comes back after the hold time (a minute), one the
 *   outbox sweep queued twice within minutes, and every retry ends in the poison queue after the
 *   retry policy's bound (6 failures backing off to at most 5 minutes, 20 throttles at Teams'
 *   Retry-After, 10 waits). The longest path is a beheerder moving a poisoned copy back after fixing
 *   its cause (README: days). 30 days covers that with a wide margin; after it, a copy moved back
 *   is simply sent;
 * - a delayed delivery's row stops counting once its message shows again; a row still there a day
 *   after that belongs to a message a dead sender removed without saying so.
 */
export const TABLE_RETENTION = {
  processedActivityDays: 7,
  usedLinkDays: 7,
  sentCardDays: 400,
  deliveryLedgerDays: 30,
  delayedDeliveryDays: 1,
} as const;

/** When a used link's nonce may be forgotten: written at use, long after the link expired. */
export function usedLinkForgetAfter(usedAt: Date): Date {
  return new Date(usedAt.getTime() + TABLE_RETENTION.usedLinkDays * DAY_MS);
}

export interface TableCleanupOptions {
  processedActivities: ProcessedActivityRepository;
  usedLinks: UsedLinkRepository;
  sentCards: SentCardRepository;
  deliveryLedger: DeliveryLedger;
  delayedDeliveries: DelayedDeliveries;
}

export interface TableCleanupResult {
  processedActivities: number;
  usedLinks: number;
  sentCards: number;
  deliveryLedger: number;
  delayedDeliveries: number;
}

/** Deletes the rows of ProcessedActivities, UsedLinks, SentCards, DeliveryLedger and DeliveryDelays that can no longer matter. */
export async function cleanUpTables(options: TableCleanupOptions, now: Date): Promise<TableCleanupResult> {
  const daysBefore = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    processedActivities: await options.processedActivities.deleteClaimedBefore(daysBefore(TABLE_RETENTION.processedActivityDays)),
    usedLinks: await options.usedLinks.deleteForgettable(now),
    sentCards: await options.sentCards.deleteNotWrittenSince(daysBefore(TABLE_RETENTION.sentCardDays)),
    deliveryLedger: await options.deliveryLedger.deleteWrittenBefore(daysBefore(TABLE_RETENTION.deliveryLedgerDays)),
    delayedDeliveries: await options.delayedDeliveries.deleteVisibleBefore(daysBefore(TABLE_RETENTION.delayedDeliveryDays)),
  };
}
