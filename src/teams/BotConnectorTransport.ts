import { CardFactory, MessageFactory, TurnContext, type ConversationReference } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { CardJson } from '../domain/deliveries/delivery';
import { parseRetryAfter, type SendOutcome } from '../domain/deliveries/retryPolicy';
import type { DeliveryTransport } from '../features/notifications/DeliveryTransport';

interface HttpFailure {
  statusCode?: number;
  name?: string;
  code?: string;
  response?: { headers?: { get?: (name: string) => string | undefined | null } & Record<string, unknown> };
}

function retryAfterOf(error: HttpFailure): string | undefined {
  const headers = error.response?.headers;
  const value = headers?.get?.('retry-after') ?? headers?.['retry-after'];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Sends one activity through the Bot Connector with the adapter's credentials and turns the answer
 * into data. It makes exactly one HTTP call: the connector client's own retries would hide a 429
 * from the sender, which decides when to try again.
 */
export class BotConnectorTransport implements DeliveryTransport {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly now: () => number = () => Date.now(),
  ) {}

  send(reference: string, content: { kind: 'card'; card: CardJson } | { kind: 'text'; text: string }, signal: AbortSignal): Promise<SendOutcome> {
    const activity = content.kind === 'card' ? MessageFactory.attachment(CardFactory.adaptiveCard(content.card)) : MessageFactory.text(content.text);
    return this.call(reference, signal, async (client, conversation) => {
      const response = await client.conversations.sendToConversation(conversation.conversation.id, TurnContext.applyConversationReference(activity, conversation), { abortSignal: signal });
      return response.id;
    });
  }

  update(reference: string, activityId: string, card: CardJson, signal: AbortSignal): Promise<SendOutcome> {
    const activity = { ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: activityId };
    return this.call(reference, signal, async (client, conversation) => {
      await client.conversations.updateActivity(conversation.conversation.id, activityId, TurnContext.applyConversationReference(activity, conversation), { abortSignal: signal });
      return activityId;
    });
  }

  private async call(reference: string, signal: AbortSignal, work: (client: ConnectorClient, conversation: ConversationReference) => Promise<string | undefined>): Promise<SendOutcome> {
    const conversation = JSON.parse(reference) as ConversationReference;
    let activityId: string | undefined;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, conversation, async (context) => {
        const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
        activityId = await work(client, conversation);
      });
      return { kind: 'sent', ...(activityId ? { activityId } : {}) };
    } catch (caught) {
      const error = caught as HttpFailure;
      if (signal.aborted || error.name === 'AbortError') return { kind: 'timeout' };
      if (typeof error.statusCode === 'number') {
        const retryAfterMs = parseRetryAfter(retryAfterOf(error), this.now());
        return { kind: 'status', status: error.statusCode, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
      }
      return { kind: 'networkError' };
    }
  }
}
