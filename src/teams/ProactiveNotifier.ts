import { CardFactory, MessageFactory, TurnContext, type ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { AdaptiveCardJson } from '../cards/renderCard';
import { installationKeyOf } from '../domain/installations/installation';
import type { CardTracking, Notifier } from '../features/notifications/Notifier';
import type { Logger } from '../logging/logger';
import type { InstallationRepository } from '../storage/installations/InstallationRepository';
import type { SentCardRepository } from '../storage/sentCards/SentCardRepository';
import type { PersonalChatOpener } from './PersonalChatOpener';

/** Messages people in their personal chat through the references stored at install time. */
export class ProactiveNotifier implements Notifier {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly installations: InstallationRepository,
    private readonly sentCards: SentCardRepository,
    private readonly logger: Logger,
    /** Opens a chat with someone who never opened the bot, through the school's team. */
    private readonly chatOpener?: Pick<PersonalChatOpener, 'open'>,
    /** Local mode: only references on the loopback are used (one stored before that rule existed is skipped). */
    private readonly serviceUrlAllowed: (serviceUrl: string) => boolean = () => true,
  ) {}

  async sendCard(tenantId: string, userId: string, card: AdaptiveCardJson, tracking?: CardTracking): Promise<boolean> {
    const reference = await this.personalChatOf(tenantId, userId);
    if (!reference) return false;
    const activityId = await this.send(reference, MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    if (tracking && activityId) {
      await this.sentCards.put({ ...tracking, userId, conversationReference: JSON.stringify(reference), activityId });
    }
    return true;
  }

  /** Whether this person can be sent things in a personal chat (opening one through the school's team when possible). */
  async reaches(tenantId: string, userId: string): Promise<boolean> {
    return (await this.personalChatOf(tenantId, userId)) !== undefined;
  }

  async sendText(tenantId: string, userId: string, text: string): Promise<boolean> {
    const reference = await this.personalChatOf(tenantId, userId);
    if (!reference) return false;
    await this.send(reference, MessageFactory.text(text));
    return true;
  }

  async updateTracked(tracking: CardTracking, cardFor: (userId: string) => AdaptiveCardJson): Promise<void> {
    const cards = await this.sentCards.list(tracking.subject, tracking.purpose);
    await Promise.all(
      cards.map(async (sent) => {
        const reference = JSON.parse(sent.conversationReference) as ConversationReference;
        if (!this.serviceUrlAllowed(reference.serviceUrl ?? '')) return;
        const update = { ...MessageFactory.attachment(CardFactory.adaptiveCard(cardFor(sent.userId))), id: sent.activityId };
        try {
          await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
            await context.updateActivity(update);
          });
        } catch (error) {
          // One chat that cannot be updated (the app was removed there) must not stop the others.
          this.logger.warn({ err: { message: (error as Error).message }, purpose: tracking.purpose }, 'card update failed');
        }
      }),
    );
  }

  /** Remembers the card an Action.Execute came from, so it can be updated in place later. */
  async rememberCardOf(context: TurnContext, tracking: CardTracking, userId: string): Promise<void> {
    const activityId = context.activity.replyToId;
    if (!activityId) return;
    const reference = TurnContext.getConversationReference(context.activity);
    await this.sentCards.put({ ...tracking, userId, conversationReference: JSON.stringify(reference), activityId });
  }

  private async personalChatOf(tenantId: string, userId: string): Promise<ConversationReference | undefined> {
    const key = installationKeyOf({ tenantId, conversationType: 'personal', conversationId: '', userAadObjectId: userId });
    const installation = await this.installations.get(key);
    if (!installation) return this.chatOpener?.open(tenantId, userId);
    if (!installation.active) return undefined;
    const reference = JSON.parse(installation.reference) as ConversationReference;
    if (!this.serviceUrlAllowed(reference.serviceUrl ?? '')) {
      this.logger.warn({ purpose: 'personal chat' }, 'stored conversation reference not on the loopback: not used in local mode');
      return undefined;
    }
    return reference;
  }

  private async send(reference: ConversationReference, activity: ReturnType<typeof MessageFactory.text>): Promise<string | undefined> {
    let activityId: string | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      activityId = (await context.sendActivity(activity))?.id;
    });
    return activityId;
  }
}
