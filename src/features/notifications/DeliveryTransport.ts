import type { CardJson } from '../../domain/deliveries/delivery';
import type { SendOutcome } from '../../domain/deliveries/retryPolicy';

/**
 * Hands one activity to Teams (the Bot Connector) and says what came of it, as data: the sender
 * decides about retries, so the Teams layer never does. Implemented in src/teams.
 */
export interface DeliveryTransport {
  /** A new message into the conversation of a stored reference; `activityId` is what Teams gave it. */
  send(reference: string, content: { kind: 'card'; card: CardJson } | { kind: 'text'; text: string }, signal: AbortSignal): Promise<SendOutcome>;
  /** Replaces an earlier activity in place; the same update twice shows the same card. */
  update(reference: string, activityId: string, card: CardJson, signal: AbortSignal): Promise<SendOutcome>;
}

/** Where a delivery goes, as the sender finds it in storage right before sending. */
export type ResolvedTarget =
  | { kind: 'send'; reference: string; content: { kind: 'card'; card: CardJson } | { kind: 'text'; text: string } }
  | { kind: 'update'; reference: string; activityId: string; card: CardJson }
  /** An update whose card is still on the queue: try again a little later. */
  | { kind: 'notReady' }
  /** Uninstalled since it was queued, or the card was never remembered. */
  | { kind: 'gone' }
  /** Its reference points where this process may not send (local mode: off the loopback). */
  | { kind: 'notAllowed' };
