import type { AdaptiveCardJson } from '../../cards/renderCard';

/**
 * Posting a card into a Teams channel through a stored conversation reference. The Teams layer
 * implements it with the retry policy of src/domain/delivery; a delivery queue can implement the
 * same port later (enqueue, and let the queue's worker apply the policy).
 */
export type PostOutcome =
  | { kind: 'posted' }
  /** 403: the bot was removed from the team or may not post there. */
  | { kind: 'blocked' }
  /** Retries used up: the caller may try again later. */
  | { kind: 'failed'; status?: number }
  /** Teams refused this message (404, 400…): the same message will never go through. */
  | { kind: 'rejected'; status?: number };

export interface ChannelPoster {
  post(reference: string, card: AdaptiveCardJson): Promise<PostOutcome>;
}
