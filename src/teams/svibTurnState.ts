import { TurnState } from '@microsoft/teams-ai';

/** What the bot remembers per conversation between turns (kept in Blob Storage). */
export interface SvibConversationState {
  /** The welcome card was shown here; afterwards unknown text gets the short pointer instead. */
  welcomed?: boolean;
}

export type SvibTurnState = TurnState<SvibConversationState>;

export function createSvibTurnState(): SvibTurnState {
  return new TurnState<SvibConversationState>();
}
