import type { CardJson } from '../../domain/deliveries/delivery';

/** Which sent card a later update replaces: one per subject, purpose and recipient. */
export interface CardTracking {
  subject: string;
  purpose: string;
}

/**
 * Proactive messages to a person's personal chat. The Teams layer implements it, so nobody who
 * speaks to it knows Bot Framework. A card comes rendered already, as plain JSON: cards are sent
 * by the layers that render them (teams, jobs), so no feature needs to know one.
 */
export interface Notifier {
  /** False when the person has no active personal chat with the bot (never installed, or removed). */
  sendCard(tenantId: string, userId: string, card: CardJson, tracking?: CardTracking): Promise<boolean>;
  sendText(tenantId: string, userId: string, text: string): Promise<boolean>;
  /** Replaces, in place, every tracked card of this subject and purpose with the card built for its recipient. */
  updateTracked(tracking: CardTracking, cardFor: (userId: string) => CardJson): Promise<void>;
}
