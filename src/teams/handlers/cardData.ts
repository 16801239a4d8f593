import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { AdaptiveCardJson } from '../../cards/renderCard';
import type { SvibTurnState } from '../svibTurnState';

/** Card data is untrusted: ids are only looked up, never believed, and must look like ids. */
export function idFrom(data: Record<string, unknown>, field: string): string | undefined {
  const value = data[field];
  return typeof value === 'string' && /^[A-Za-z0-9_:.@-]{1,128}$/.test(value) ? value : undefined;
}

export type CardActionHandler = (context: TurnContext, data: Record<string, unknown>) => Promise<AdaptiveCardJson | string>;

/**
 * Registers Action.Execute verbs whose answer replaces the clicked card (a card) or shows a short
 * message (a string). The submitted data arrives as an untyped record, to be checked by the handler.
 */
export function cardActionsOf(app: Application<SvibTurnState>) {
  return (verb: string, handler: CardActionHandler) =>
    app.adaptiveCards.actionExecute(verb, async (context, _state, data) => handler(context, (data ?? {}) as Record<string, unknown>));
}
