import { ActivityTypes } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { parseTextCommand } from '../../domain/conversation/textCommand';
import type { BotDependencies } from '../botDependencies';
import { sendText } from '../replies';
import { sendAbout, sendPointerToMenu, sendWelcome } from './menuReplies';

/** Typed messages: a few words are understood, everything else is pointed to the buttons. */
export function registerMessageHandlers(app: Application<TurnState>, deps: BotDependencies): void {
  app.activity(ActivityTypes.Message, async (context) => {
    const { texts } = deps;
    switch (parseTextCommand(context.activity.text)) {
      case 'help':
        return sendWelcome(context, texts);
      case 'aboutSvib':
        return sendAbout(context, texts);
      case 'requestSupport':
        return sendText(context, texts.comingSoon.requestSupport);
      case 'myTrajectories':
        return sendText(context, texts.comingSoon.myTrajectories);
      case 'unknown':
        return sendPointerToMenu(context, texts);
    }
  });
}
