import { TeamsInfo, TurnContext, type ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { installationKeyOf, recordInstall } from '../domain/installations/installation';
import type { Logger } from '../logging/logger';
import type { InstallationRepository } from '../storage/installations/InstallationRepository';

/**
 * Starts a one-to-one chat with someone who never opened the bot, the Teams way: a bot installed in
 * the school's team may message that team's members. The team's stored reference gives the
 * service to ask; the new chat is stored as the person's installation, so the next message goes
 * straight there. Nothing is opened for someone who removed the bot (an inactive installation).
 */
export class PersonalChatOpener {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly installations: InstallationRepository,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
    /** Local mode: only team references on the loopback are used. */
    private readonly serviceUrlAllowed: (serviceUrl: string) => boolean = () => true,
  ) {}

  async open(tenantId: string, userId: string): Promise<ConversationReference | undefined> {
    const personalKey = installationKeyOf({ tenantId, conversationType: 'personal', conversationId: '', userAadObjectId: userId });
    const teams = (await this.installations.listActive(personalKey.partitionKey)).filter((installation) => installation.key.scope === 'channel');
    for (const team of teams) {
      const teamReference = JSON.parse(team.reference) as ConversationReference;
      if (!this.serviceUrlAllowed(teamReference.serviceUrl ?? '')) continue;
      try {
        const reference = await this.openThrough(teamReference, tenantId, userId);
        if (!reference) continue;
        const existing = await this.installations.get(personalKey);
        // A person who removed the bot in the meantime keeps it removed.
        if (existing && !existing.active) return undefined;
        await this.installations.save(recordInstall(existing, personalKey, JSON.stringify(reference), this.now()));
        return reference;
      } catch (error) {
        // Not a member of this team, or Teams refuses: try the next team, then give up quietly.
        this.logger.warn({ err: { message: (error as Error).message } }, 'personal chat could not be opened');
      }
    }
    return undefined;
  }

  private async openThrough(teamReference: ConversationReference, tenantId: string, userId: string): Promise<ConversationReference | undefined> {
    let opened: ConversationReference | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, teamReference, async (teamContext) => {
      // The member's Teams id, looked up by their Entra object id in the team's conversation.
      const member = await TeamsInfo.getMember(teamContext, userId);
      const parameters = {
        isGroup: false,
        bot: teamReference.bot,
        members: [{ id: member.id, name: member.name }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      };
      // The audience is left to the adapter's default for the Bot Framework channel.
      await this.adapter.createConversationAsync(this.botAppId, 'msteams', teamReference.serviceUrl, undefined as unknown as string, parameters as never, async (created) => {
        const reference = TurnContext.getConversationReference(created.activity) as ConversationReference;
        opened = { ...reference, user: { id: member.id, name: member.name, aadObjectId: userId } as never, conversation: { ...reference.conversation, conversationType: 'personal', tenantId } as never };
      });
    });
    return opened;
  }
}
