import type { Delivery } from '../../domain/deliveries/delivery';
import type { InstallationRepository } from '../../storage/installations/InstallationRepository';
import type { SentCardRepository } from '../../storage/sentCards/SentCardRepository';
import type { ResolvedTarget } from './DeliveryTransport';

/**
 * The sender looks a target up right before sending, not when it was queued: an uninstall in
 * between stops the message, and an update finds the activity id of its card once that is sent.
 * Every reference, whatever kind of target it came from (a channel a feature stored itself, an
 * installation, a tracked card), passes `serviceUrlAllowed` last: in local mode only the loopback.
 */
export function createTargetResolver(
  installations: InstallationRepository,
  sentCards: SentCardRepository,
  serviceUrlAllowed: (serviceUrl: string) => boolean = () => true,
) {
  const resolve = resolverOf(installations, sentCards);
  return async (delivery: Delivery): Promise<ResolvedTarget> => {
    const resolved = await resolve(delivery);
    if ((resolved.kind === 'send' || resolved.kind === 'update') && !serviceUrlAllowed(serviceUrlOf(resolved.reference))) return { kind: 'notAllowed' };
    return resolved;
  };
}

function serviceUrlOf(reference: string): string {
  try {
    return (JSON.parse(reference) as { serviceUrl?: string }).serviceUrl ?? '';
  } catch {
    return '';
  }
}

function resolverOf(installations: InstallationRepository, sentCards: SentCardRepository) {
  return async (delivery: Delivery): Promise<ResolvedTarget> => {
    const { target, content } = delivery;
    if (target.kind === 'trackedCard') {
      const card = await sentCards.get(target.subject, target.purpose, target.userId);
      if (!card || content.kind !== 'update') return { kind: 'gone' };
      // Named when queued: the card meant, even when a newer one took over the tracking since.
      const activityId = target.activityId ?? card.activityId;
      if (!activityId) return { kind: 'notReady' };
      return { kind: 'update', reference: card.conversationReference, activityId, card: content.card };
    }
    if (target.kind === 'reference') {
      if (content.kind === 'update') return { kind: 'gone' };
      return { kind: 'send', reference: target.reference, content: content.kind === 'card' ? { kind: 'card', card: content.card } : { kind: 'text', text: content.text } };
    }
    const installation = await installations.get({ scope: 'personal', partitionKey: target.partitionKey, rowKey: target.rowKey });
    if (!installation?.active) return { kind: 'gone' };
    if (content.kind === 'update') return { kind: 'gone' };
    return { kind: 'send', reference: installation.reference, content: content.kind === 'card' ? { kind: 'card', card: content.card } : { kind: 'text', text: content.text } };
  };
}

/** A tracked card is remembered with the activity id Teams gave it, so later updates replace it. */
export function createAfterSent(sentCards: SentCardRepository) {
  return async (delivery: Delivery, reference: string, activityId: string | undefined): Promise<void> => {
    const { target, content } = delivery;
    if (target.kind !== 'conversation' || content.kind !== 'card' || !content.tracking || !target.userId || !activityId) return;
    await sentCards.put({ ...content.tracking, userId: target.userId, conversationReference: reference, activityId });
  };
}
