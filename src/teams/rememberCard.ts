import { TurnContext } from 'botbuilder';
import type { CardTracking } from '../features/notifications/Notifier';
import type { SentCardRepository } from '../storage/sentCards/SentCardRepository';

/**
 * Remembers the card an Action.Execute came from, so a later delivery can update it in place.
 * Proactive messages themselves go through the delivery queue (features/notifications).
 */
export function createCardMemory(sentCards: SentCardRepository) {
  return {
    async rememberCardOf(context: TurnContext, tracking: CardTracking, userId: string): Promise<void> {
      const activityId = context.activity.replyToId;
      if (!activityId) return;
      const reference = TurnContext.getConversationReference(context.activity);
      await sentCards.put({ ...tracking, userId, conversationReference: JSON.stringify(reference), activityId });
    },
  };
}

export type CardMemory = ReturnType<typeof createCardMemory>;
