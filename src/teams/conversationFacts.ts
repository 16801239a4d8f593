import { TurnContext } from 'botbuilder';
import type { ConversationFacts } from '../domain/installations/installation';

/** The Teams facts of a turn's conversation, in the domain's terms. */
export function conversationFactsOf(context: TurnContext): ConversationFacts {
  const activity = context.activity;
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string }; team?: { id?: string } };
  return {
    tenantId: activity.conversation?.tenantId ?? channelData.tenant?.id,
    conversationType: activity.conversation?.conversationType,
    conversationId: activity.conversation?.id ?? '',
    userAadObjectId: activity.from?.aadObjectId,
    teamId: channelData.team?.id,
  };
}

/** What a later proactive message needs to reach this conversation again. */
export function serializedReferenceOf(context: TurnContext): string {
  return JSON.stringify(TurnContext.getConversationReference(context.activity));
}
