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

/**
 * The connector client's HTTP pipeline retries 429 and 5xx on its own (Azure core's default retry
 * policy): a 429 would then never reach the sender, which has to give the message back to the
 * queue instead of holding it. The compat client does not forward retry options, so the retry
 * phase is taken out of its pipeline.
 */
function withoutRetries(client: ConnectorClient): void {
  const pipeline = (client as unknown as { client?: { pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } } }).client?.pipeline;
  pipeline?.removePolicy({ phase: 'Retry' });
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
    let outcome: SendOutcome = { kind: 'networkError' };
    try {
      await this.adapter.continueConversationAsync(this.botAppId, conversation, async (context) => {
        // Caught in here: an error thrown out of this callback would reach the adapter's onTurnError,
        // which answers the conversation with an apology.
        try {
          const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
          withoutRetries(client);
          const activityId = await work(client, conversation);
          outcome = { kind: 'sent', ...(activityId ? { activityId } : {}) };
        } catch (caught) {
          outcome = this.outcomeOf(caught as HttpFailure, signal);
        }
      });
    } catch (caught) {
      outcome = this.outcomeOf(caught as HttpFailure, signal);
    }
    return outcome;
  }

  private outcomeOf(error: HttpFailure, signal: AbortSignal): SendOutcome {
    if (signal.aborted || error.name === 'AbortError') return { kind: 'timeout' };
    if (typeof error.statusCode === 'number') {
      const retryAfterMs = parseRetryAfter(retryAfterOf(error), this.now());
      return { kind: 'status', status: error.statusCode, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    }
    return { kind: 'networkError' };
  }
}
