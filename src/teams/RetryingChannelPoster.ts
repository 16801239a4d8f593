import type { ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { decideAfterAttempt, defaultRetryLimits, type RetryLimits } from '../domain/delivery/retryPolicy';
import type { AdaptiveCardJson } from '../cards/renderCard';
import type { ChannelPoster, PostOutcome } from '../features/notifications/ChannelPoster';
import type { Logger } from '../logging/logger';

export interface RetryingChannelPosterOptions {
  adapter: TeamsAdapter;
  /** Empty in local mode: the Playground's connector takes calls without a token. */
  botAppId: string;
  logger: Logger;
  now: () => Date;
  /** Waits between attempts; tests pass one that records the delay and returns at once. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  limits?: RetryLimits;
}

const BOT_CONNECTOR_SCOPE = 'https://api.botframework.com';
/** The Bot Framework's public login authority (botframework-connector's ToChannelFromBotLoginUrl). */
const BOT_LOGIN_URL = 'https://login.microsoftonline.com/botframework.com';

/**
 * Posts to the Bot Connector REST API itself (POST v3/conversations/{id}/activities). The SDK's
 * own client retries 429 and 5xx in real time, three times, and cannot be told otherwise through
 * the adapter; here the decisions are ours alone (src/domain/delivery/retryPolicy), so the same
 * policy can move onto a queue and tests need no waiting.
 */
export class RetryingChannelPoster implements ChannelPoster {
  constructor(private readonly options: RetryingChannelPosterOptions) {}

  async post(serializedReference: string, card: AdaptiveCardJson): Promise<PostOutcome> {
    const reference = JSON.parse(serializedReference) as ConversationReference;
    const conversationId = reference.conversation?.id;
    if (!reference.serviceUrl || !conversationId) return { kind: 'rejected' };
    const url = `${reference.serviceUrl.replace(/\/$/, '')}/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
    const body = JSON.stringify({
      type: 'message',
      from: reference.bot,
      conversation: reference.conversation,
      channelData: reference.conversation?.tenantId ? { tenant: { id: reference.conversation.tenantId } } : undefined,
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    for (let attempt = 1; ; attempt++) {
      let status: number | undefined;
      let retryAfter: string | undefined;
      try {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(await this.authorization()) }, body });
        status = response.status;
        retryAfter = response.headers.get('retry-after') ?? undefined;
        await response.arrayBuffer();
      } catch (error) {
        this.options.logger.warn({ err: { message: (error as Error).message }, attempt }, 'channel post: no answer');
      }
      const decision = decideAfterAttempt({ attempt, status, retryAfter, now: this.options.now() }, this.options.limits ?? defaultRetryLimits, this.options.random);
      switch (decision.kind) {
        case 'delivered':
          return { kind: 'posted' };
        case 'blocked':
          return { kind: 'blocked' };
        case 'rejected':
        case 'gaveUp':
          this.options.logger.warn({ status, attempt, decision: decision.kind }, 'channel post failed');
          return { kind: decision.kind === 'rejected' ? 'rejected' : 'failed', status };
        case 'retry':
          this.options.logger.info({ status, attempt, delayMs: decision.delayMs }, 'channel post retried');
          await sleep(decision.delayMs);
      }
    }
  }

  private async authorization(): Promise<Record<string, string>> {
    if (!this.options.botAppId) return {};
    const credentials = await this.options.adapter.credentialsFactory.createCredentials(this.options.botAppId, BOT_CONNECTOR_SCOPE, BOT_LOGIN_URL, true);
    const token = await (credentials as unknown as { getToken(): Promise<string> }).getToken();
    return { authorization: `Bearer ${token}` };
  }
}
