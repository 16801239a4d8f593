import { Application, type TeamsAdapter } from '@microsoft/teams-ai';
import type { Storage } from 'botbuilder';
import type { BotDependencies } from './botDependencies';
import { createSvibTurnState, type SvibTurnState } from './svibTurnState';
import { registerCardActionHandlers, registerUnknownCardActionHandler } from './handlers/cardActionHandlers';
import { registerInstallationHandlers } from './handlers/installationHandlers';
import { registerMessageHandlers } from './handlers/messageHandlers';
import { registerTrajectoryHandlers } from './handlers/trajectoryHandlers';
import { registerRoleHandlers } from './handlers/roleHandlers';
import { registerSettingsHandlers } from './handlers/settingsHandlers';
import { registerProposalHandlers } from './handlers/proposalHandlers';
import { registerSchedulingHandlers } from './handlers/schedulingHandlers';
import { registerRecordingHandlers } from './handlers/recordingHandlers';
import { registerConversationGuard } from './conversationGuard';
import { registerKijkwijzerHandlers } from './handlers/kijkwijzerHandlers';
import { registerObservationHandlers } from './handlers/observationHandlers';
import { registerDirectieSummaryHandlers } from './handlers/directieSummaryHandlers';

export interface BotApplicationOptions {
  adapter: TeamsAdapter;
  /** Turn state lives in Azure Storage, never in memory, so a restart loses nothing. */
  turnStateStorage: Storage;
  botAppId: string;
}

export function createBotApplication(options: BotApplicationOptions, deps: BotDependencies): Application<SvibTurnState> {
  const app = new Application<SvibTurnState>({
    turnStateFactory: createSvibTurnState,
    adapter: options.adapter,
    botAppId: options.botAppId,
    storage: options.turnStateStorage,
    removeRecipientMention: true,
    startTypingTimer: false,
  });
  // Before any handler: what may be answered outside a personal chat is decided in one place.
  registerConversationGuard(app, deps);
  registerInstallationHandlers(app, deps);
  registerCardActionHandlers(app, deps);
  registerTrajectoryHandlers(app, deps);
  registerRoleHandlers(app, deps);
  registerSettingsHandlers(app, deps);
  registerProposalHandlers(app, deps);
  registerSchedulingHandlers(app, deps);
  registerRecordingHandlers(app, deps);
  registerKijkwijzerHandlers(app, deps);
  registerObservationHandlers(app, deps);
  registerDirectieSummaryHandlers(app, deps);
  registerUnknownCardActionHandler(app, deps);
  registerMessageHandlers(app, deps);
  return app;
}
