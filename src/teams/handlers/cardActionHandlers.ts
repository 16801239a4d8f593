import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { SvibTurnState } from '../svibTurnState';
import { cardVerbs } from '../../cards/cardVerbs';
import type { BotDependencies } from '../botDependencies';
import { sendAbout } from './menuReplies';
import { sendAuditLog, sendSharedWithMe } from './recordingHandlers';
import { sendRolesCard } from './roleHandlers';

/**
 * One handler per verb of the menu. The answer is a new message in the chat, so the card the
 * user clicked stays as it was and can be used again.
 */
export function registerCardActionHandlers(app: Application<SvibTurnState>, deps: BotDependencies): void {
  const { texts } = deps;

  app.adaptiveCards.actionExecute(cardVerbs.aboutSvib, async (context) => {
    await sendAbout(context, texts);
    return texts.menu.aboutSvib;
  });

  app.adaptiveCards.actionExecute(cardVerbs.sharedWithMe, async (context) => {
    await sendSharedWithMe(context, deps);
    return texts.help.items.sharedWithMe.title;
  });

  app.adaptiveCards.actionExecute(cardVerbs.auditLog, async (context) => {
    await sendAuditLog(context, deps);
    return texts.help.items.auditLog.title;
  });

  app.adaptiveCards.actionExecute(cardVerbs.settingsOpen, async (context) => {
    await sendRolesCard(context, deps);
    return texts.help.items.settings.title;
  });
}

/**
 * Registered last: teams-ai would answer an unknown verb (or a dialog request or other invoke
 * nobody handles) with 501, which Teams shows as an error.
 */
export function registerUnknownCardActionHandler(app: Application<SvibTurnState>, deps: BotDependencies): void {
  const isInvoke = async (context: TurnContext) => context.activity.type === ActivityTypes.Invoke;
  app.addRoute(
    isInvoke,
    async (context) => {
      const text = deps.texts.errors.unknownAction;
      const isDialog = context.activity.name === 'task/fetch' || context.activity.name === 'task/submit';
      const body = isDialog
        ? { task: { type: 'message', value: text } }
        : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
    },
    true,
  );
}
