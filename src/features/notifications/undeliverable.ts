import { createHash } from 'node:crypto';
import type { Delivery, DeliveryOwner } from '../../domain/deliveries/delivery';
import { installationKeyOf, recordUninstall } from '../../domain/installations/installation';
import type { InstallationRepository } from '../../storage/installations/InstallationRepository';
import { fillInMessage, type Texts } from '../../texts';
import type { Deliveries } from './Deliveries';

export interface UndeliverableOptions {
  installations: InstallationRepository;
  deliveries: Deliveries;
  /** The beheerders of the school of this person, told when nobody started the task (a job). */
  beheerdersFor(tenantId: string, userId: string | undefined): Promise<DeliveryOwner[]>;
  nameOf(tenantId: string, userId: string): Promise<string | undefined>;
  texts: Texts;
  now: () => Date;
}

/**
 * Teams refused a delivery with 403: the bot was removed there or the person blocked it. The
 * installation is marked inactive (so "can this person be reached?" answers no from now on), and
 * the owner of the task hears it once, in Dutch: the same owner and conversation give the same
 * delivery id, which the ledger sends only once.
 */
export function createUndeliverableHandler(options: UndeliverableOptions) {
  return async (delivery: Delivery): Promise<void> => {
    const { target } = delivery;
    const recipientId = target.userId;
    if (target.kind === 'conversation') {
      const key = { scope: 'personal' as const, partitionKey: target.partitionKey, rowKey: target.rowKey };
      const installation = await options.installations.get(key);
      if (installation?.active) await options.installations.save({ ...recordUninstall(installation, options.now()), key: installation.key });
    }
    if (!delivery.tellOwnerOnFailure) return;

    const owners = delivery.owner && delivery.owner.userId !== recipientId ? [delivery.owner] : await options.beheerdersFor(target.tenantId, recipientId);
    const recipient = recipientId ? ((await options.nameOf(target.tenantId, recipientId)) ?? options.texts.deliveries.aColleague) : options.texts.deliveries.aChannel;
    const where =
      delivery.failureNotice?.onceFor ??
      (target.kind === 'conversation' ? `${target.partitionKey}|${target.rowKey}` : target.kind === 'reference' ? `${target.tenantId}|reference|${target.conversationId}` : `${target.tenantId}|${target.userId}`);
    for (const owner of owners.filter((candidate) => candidate.userId !== recipientId)) {
      const installation = await options.installations.get(installationKeyOf({ tenantId: owner.tenantId, conversationType: 'personal', conversationId: '', userAadObjectId: owner.userId }));
      if (!installation?.active) continue;
      await options.deliveries.enqueue([
        {
          id: `undeliverable-${createHash('sha256').update(`${owner.tenantId}\n${owner.userId}\n${where}`).digest('hex').slice(0, 32)}`,
          target: { kind: 'conversation', tenantId: owner.tenantId, partitionKey: installation.key.partitionKey, rowKey: installation.key.rowKey, userId: owner.userId },
          content: { kind: 'text', text: delivery.failureNotice?.text ?? fillInMessage(options.texts.deliveries.undeliverable, { recipient }) },
          owner,
          tellOwnerOnFailure: false,
        },
      ]);
    }
  };
}
