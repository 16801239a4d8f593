import { trustedMarkdown } from '../../cards/cardText';
import type { TurnContext } from 'botbuilder';
import { helpCard } from '../../cards/helpCard';
import { renderCard } from '../../cards/renderCard';
import type { Role } from '../../domain/schools/roles';
import type { Texts } from '../../texts';
import { sendCard } from '../replies';
import type { SvibTurnState } from '../svibTurnState';

/** The welcome card: what SVIB is, that the trajectory stays the teacher's, and the three buttons. */
export async function sendWelcome(context: TurnContext, state: SvibTurnState, texts: Texts): Promise<void> {
  state.conversation.welcomed = true;
  await sendCard(context, renderCard('menu', { title: texts.welcome.title, lead: texts.welcome.greeting, showIntro: true }, texts));
}

/** Never silence: text the bot does not understand gets the buttons again. */
export async function sendPointerToMenu(context: TurnContext, texts: Texts): Promise<void> {
  await sendCard(context, renderCard('menu', { title: texts.unknown.title, lead: trustedMarkdown(texts.unknown.pointer), showIntro: false }, texts));
}

export async function sendAbout(context: TurnContext, texts: Texts): Promise<void> {
  await sendCard(context, renderCard('about', {}, texts));
}

/** "hulp": what this person can do, by the roles they hold. */
export async function sendHelp(context: TurnContext, state: SvibTurnState, roles: readonly Role[], texts: Texts): Promise<void> {
  state.conversation.welcomed = true;
  await sendCard(context, helpCard(roles, texts));
}
