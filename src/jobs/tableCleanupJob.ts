import type { ProcessedActivityRepository } from '../storage/activities/ProcessedActivityRepository';
import type { UsedLinkRepository } from '../storage/links/UsedLinkRepository';
import type { SentCardRepository } from '../storage/sentCards/SentCardRepository';

const DAY_MS = 86_400_000;

/**
 * How long the bookkeeping tables keep a row. Each age is far beyond the time in which the row
 * can still matter:
 * - a processed activity guards against Teams delivering it twice, which happens within minutes;
 * - a used link's nonce guards a signed link, and no link lives longer than a few hours;
 * - a sent card is updated in place while its trajectory runs, which is a school year at most.
 */
export const TABLE_RETENTION = {
  processedActivityDays: 7,
  usedLinkDays: 7,
  sentCardDays: 400,
} as const;

/** When a used link's nonce may be forgotten: written at use, long after the link expired. */
export function usedLinkForgetAfter(usedAt: Date): Date {
  return new Date(usedAt.getTime() + TABLE_RETENTION.usedLinkDays * DAY_MS);
}

export interface TableCleanupOptions {
  processedActivities: ProcessedActivityRepository;
  usedLinks: UsedLinkRepository;
  sentCards: SentCardRepository;
}

export interface TableCleanupResult {
  processedActivities: number;
  usedLinks: number;
  sentCards: number;
}

/** Deletes the rows of ProcessedActivities, UsedLinks and SentCards that can no longer matter. */
export async function cleanUpTables(options: TableCleanupOptions, now: Date): Promise<TableCleanupResult> {
  const daysBefore = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    processedActivities: await options.processedActivities.deleteClaimedBefore(daysBefore(TABLE_RETENTION.processedActivityDays)),
    usedLinks: await options.usedLinks.deleteForgettable(now),
    sentCards: await options.sentCards.deleteNotWrittenSince(daysBefore(TABLE_RETENTION.sentCardDays)),
  };
}
