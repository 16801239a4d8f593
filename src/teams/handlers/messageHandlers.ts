import { ActivityTypes } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { SvibTurnState } from '../svibTurnState';
import { parseTextCommand } from '../../domain/conversation/textCommand';
import type { BotDependencies } from '../botDependencies';
import { sendRolesCard } from './roleHandlers';
import { sendAuditLog, sendSharedWithMe } from './recordingHandlers';
import { sendProposalForm } from './proposalHandlers';
import { actorOf } from '../actorOf';
import { sendIntakeForm, sendMyGuidance, sendMyTrajectories } from './trajectoryHandlers';
import { sendAbout, sendHelp, sendPointerToMenu, sendWelcome } from './menuReplies';
import { sendManageKijkwijzer, sendMyKijkwijzers } from './kijkwijzerHandlers';
import { chooseDirectieChannel, sendSummaryOnDemand, sendSummarySettings } from './directieSummaryHandlers';

/** Typed messages: a few words are understood, everything else is pointed to the buttons. */
export function registerMessageHandlers(app: Application<SvibTurnState>, deps: BotDependencies): void {
  app.activity(ActivityTypes.Message, async (context, state) => {
    const { texts } = deps;
    // Meeting the sender keeps names current and hands over roles a beheerder gave them by e-mail.
    const actor = context.activity.conversation?.conversationType !== 'channel' ? await actorOf(context, deps.directory) : undefined;
    const isPersonal = (context.activity.conversation?.conversationType ?? 'personal') === 'personal';
    switch (parseTextCommand(context.activity.text)) {
      case 'help':
        // What one person can do is for their own chat. (In a group chat or channel the conversation
        // guard answers hulp with its own card before this handler runs.)
        return actor && isPersonal ? sendHelp(context, state, actor.roles, texts) : sendWelcome(context, state, texts);
      case 'aboutSvib':
        return sendAbout(context, texts);
      case 'requestSupport':
        return sendIntakeForm(context, deps);
      case 'myTrajectories':
        return sendMyTrajectories(context, deps);
      case 'myGuidance':
        return sendMyGuidance(context, deps);
      case 'propose':
        return sendProposalForm(context, deps);
      case 'auditLog':
        return sendAuditLog(context, deps);
      case 'sharedWithMe':
        return sendSharedWithMe(context, deps);
      case 'myKijkwijzers':
        return sendMyKijkwijzers(context, deps);
      case 'manageKijkwijzer':
        return sendManageKijkwijzer(context, deps);
      case 'settings':
        return sendRolesCard(context, deps);
      case 'directieChannel':
        return chooseDirectieChannel(context, deps);
      case 'summary':
        return sendSummaryOnDemand(context, deps);
      case 'summarySettings':
        return sendSummarySettings(context, deps);
      case 'unknown':
        // Someone who never saw the welcome (e.g. the bot was installed for them) gets it in full first.
        return state.conversation.welcomed ? sendPointerToMenu(context, texts) : sendWelcome(context, state, texts);
    }
  });
}
