import type { AdaptiveCardJson } from '../../cards/renderCard';

/** Which sent card a later update replaces: one per subject, purpose and recipient. */
export interface CardTracking {
  subject: string;
  purpose: string;
}

/**
 * Proactive messages to a person's personal chat. Features speak to this port; the Teams layer
 * implements it, so no feature knows Bot Framework.
 */
export interface Notifier {
  /** False when the person has no active personal chat with the bot (never installed, or removed). */
  sendCard(tenantId: string, userId: string, card: AdaptiveCardJson, tracking?: CardTracking): Promise<boolean>;
  sendText(tenantId: string, userId: string, text: string): Promise<boolean>;
  /** Replaces, in place, every tracked card of this subject and purpose with the card built for its recipient. */
  updateTracked(tracking: CardTracking, cardFor: (userId: string) => AdaptiveCardJson): Promise<void>;
}
