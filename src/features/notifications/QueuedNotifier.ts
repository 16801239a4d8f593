import type { CardJson } from '../../domain/deliveries/delivery';
import { installationKeyOf, type InstallationKey } from '../../domain/installations/installation';
import type { InstallationRepository } from '../../storage/installations/InstallationRepository';
import type { SentCardRepository } from '../../storage/sentCards/SentCardRepository';
import type { Deliveries } from './Deliveries';
import type { CardTracking, Notifier } from './Notifier';

/**
 * The Notifier port on top of the delivery queue: features keep calling it as before, and every
 * message becomes a delivery. Whether a person can be reached is answered now, from the stored
 * installation, so a `false` stays truthful although the message itself goes out later.
 */
export class QueuedNotifier implements Notifier {
  constructor(
    private readonly deliveries: Deliveries,
    private readonly installations: InstallationRepository,
    private readonly sentCards: SentCardRepository,
    /**
     * Opens a personal chat with someone who never opened the bot (through the school's team) and
     * stores it as their installation; what it returns is the new conversation reference.
     */
    private readonly openChat?: (tenantId: string, userId: string) => Promise<object | undefined>,
    /** Local mode: only references on the loopback are used (one stored before that rule existed is skipped). */
    private readonly serviceUrlAllowed: (serviceUrl: string) => boolean = () => true,
  ) {}

  /** Whether this person can be sent things in a personal chat (opening one through the school's team when possible). */
  async reaches(tenantId: string, userId: string): Promise<boolean> {
    return (await this.personalChatOf(tenantId, userId)) !== undefined;
  }

  async sendCard(tenantId: string, userId: string, card: CardJson, tracking?: CardTracking): Promise<boolean> {
    const installation = await this.personalChatOf(tenantId, userId);
    if (!installation) return false;
    // Remembered before it is sent, so an update queued meanwhile reaches this card too (it waits until it is sent);
    // for a card that announces a change, only once that change is written.
    if (tracking) await this.deliveries.whenWritten(() => this.sentCards.put({ ...tracking, userId, conversationReference: installation.reference, activityId: '' }));
    await this.deliveries.enqueue([{ target: this.targetOf(tenantId, userId, installation.key), content: { kind: 'card', card, ...(tracking ? { tracking } : {}) } }]);
    return true;
  }

  async sendText(tenantId: string, userId: string, text: string): Promise<boolean> {
    const installation = await this.personalChatOf(tenantId, userId);
    if (!installation) return false;
    await this.deliveries.enqueue([{ target: this.targetOf(tenantId, userId, installation.key), content: { kind: 'text', text } }]);
    return true;
  }

  async updateTracked(tracking: CardTracking, cardFor: (userId: string) => CardJson): Promise<void> {
    const cards = (await this.sentCards.list(tracking.subject, tracking.purpose)).filter((sent) => this.serviceUrlAllowed(serviceUrlOf(sent.conversationReference)));
    await this.deliveries.enqueue(
      cards.map((sent) => ({
        target: {
          kind: 'trackedCard' as const,
          tenantId: tenantOf(sent.conversationReference),
          subject: tracking.subject,
          purpose: tracking.purpose,
          userId: sent.userId,
          ...(sent.activityId ? { activityId: sent.activityId } : {}),
        },
        content: { kind: 'update' as const, card: cardFor(sent.userId) },
      })),
    );
  }

  private targetOf(tenantId: string, userId: string, key: { partitionKey: string; rowKey: string }) {
    return { kind: 'conversation' as const, tenantId, partitionKey: key.partitionKey, rowKey: key.rowKey, userId };
  }

  /** A person who removed the bot stays unreachable; one who never had it gets a chat opened now. */
  private async personalChatOf(tenantId: string, userId: string): Promise<{ key: InstallationKey; reference: string } | undefined> {
    const key = installationKeyOf({ tenantId, conversationType: 'personal', conversationId: '', userAadObjectId: userId });
    const installation = await this.installations.get(key);
    if (installation) return installation.active && this.serviceUrlAllowed(serviceUrlOf(installation.reference)) ? { key, reference: installation.reference } : undefined;
    const opened = await this.openChat?.(tenantId, userId);
    return opened ? { key, reference: JSON.stringify(opened) } : undefined;
  }
}

/** The tenant a stored conversation reference belongs to (Teams puts it on the conversation). */
function tenantOf(reference: string): string {
  try {
    const parsed = JSON.parse(reference) as { conversation?: { tenantId?: string } };
    return parsed.conversation?.tenantId ?? '';
  } catch {
    return '';
  }
}

function serviceUrlOf(reference: string): string {
  try {
    return (JSON.parse(reference) as { serviceUrl?: string }).serviceUrl ?? '';
  } catch {
    return '';
  }
}
