import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { cardVerbs, type CardVerb } from '../cards/cardVerbs';
import { renderCard } from '../cards/renderCard';
import { parseTextCommand, type TextCommand } from '../domain/conversation/textCommand';
import type { BotDependencies } from './botDependencies';
import { divertToPersonalChat, finishDiversion, pointerBody, type RequestKind } from './personalChatDiversion';
import { sendCard, sendText } from './replies';
import type { SvibTurnState } from './svibTurnState';

/**
 * What the bot does with a request that arrives in a team channel or group chat, where nothing
 * of a trajectory or a recording may ever be shown (everyone in the conversation would see it).
 */
export type OutsidePersonalChat =
  /** Nothing personal in the answer: answered where it was asked. */
  | 'answerHere'
  /** The channel-safe help card instead of the personal welcome with its personal buttons. */
  | 'channelHelp'
  /** It opens a card: the card goes to the asker's personal chat, the conversation gets a pointer. */
  | 'sendToPersonalChat'
  /** Changes, form submits, dialogs, and everything this table does not name: a pointer only. */
  | 'pointerOnly';

/**
 * Card verbs allowed outside a personal chat. A verb that is not named here (every new verb too)
 * is answered with a pointer only, so a new card can never leak into a channel by omission.
 */
export const verbsOutsidePersonalChat: Partial<Record<CardVerb, OutsidePersonalChat>> = {
  [cardVerbs.aboutSvib]: 'answerHere',
  [cardVerbs.requestStart]: 'sendToPersonalChat',
  [cardVerbs.myTrajectories]: 'sendToPersonalChat',
  [cardVerbs.myGuidance]: 'sendToPersonalChat',
  [cardVerbs.trajectoryOpen]: 'sendToPersonalChat',
  [cardVerbs.trajectoryShow]: 'sendToPersonalChat',
  [cardVerbs.sharedWithMe]: 'sendToPersonalChat',
  [cardVerbs.auditLog]: 'sendToPersonalChat',
  [cardVerbs.settingsOpen]: 'sendToPersonalChat',
  [cardVerbs.proposalStart]: 'sendToPersonalChat',
  [cardVerbs.schedulePlan]: 'sendToPersonalChat',
  [cardVerbs.recordingAccess]: 'sendToPersonalChat',
  [cardVerbs.settingsRoles]: 'sendToPersonalChat',
  [cardVerbs.settingsRecordings]: 'sendToPersonalChat',
  // Figures only, never content; the handlers answer only in the directie channel (or a personal
  // chat) and send the full report, whose CSV link is personal, to the clicker's own chat.
  [cardVerbs.summaryShow]: 'answerHere',
  [cardVerbs.summaryReport]: 'answerHere',
  [cardVerbs.summarySettings]: 'sendToPersonalChat',
  // Kijkwijzer cards that open something personal (one's own answers, the commissie's list, form
  // and results with their personal download links, a recording's observations): to the
  // clicker's own chat. Saving a page, editing statements, starting a round and saving an
  // observation are changes: pointer only.
  [cardVerbs.kijkwijzerMine]: 'sendToPersonalChat',
  [cardVerbs.kijkwijzerOpen]: 'sendToPersonalChat',
  [cardVerbs.kijkwijzerManage]: 'sendToPersonalChat',
  [cardVerbs.kijkwijzerStartForm]: 'sendToPersonalChat',
  [cardVerbs.kijkwijzerResult]: 'sendToPersonalChat',
  [cardVerbs.observationOpen]: 'sendToPersonalChat',
  [cardVerbs.observationOverview]: 'sendToPersonalChat',
};

/** Typed commands outside a personal chat; a command not named here gets a pointer only. */
export const commandsOutsidePersonalChat: Partial<Record<TextCommand, OutsidePersonalChat>> = {
  help: 'channelHelp',
  unknown: 'channelHelp',
  aboutSvib: 'answerHere',
  requestSupport: 'sendToPersonalChat',
  myTrajectories: 'sendToPersonalChat',
  myGuidance: 'sendToPersonalChat',
  propose: 'sendToPersonalChat',
  auditLog: 'sendToPersonalChat',
  sharedWithMe: 'sendToPersonalChat',
  settings: 'sendToPersonalChat',
  // A beheerder chooses the directie channel in the channel itself; directie asks for figures there.
  directieChannel: 'answerHere',
  summary: 'answerHere',
  summarySettings: 'sendToPersonalChat',
  myKijkwijzers: 'sendToPersonalChat',
  manageKijkwijzer: 'sendToPersonalChat',
};

/** Activities that ask nothing of anyone: the install bookkeeping runs in every conversation. */
const BOOKKEEPING_TYPES = new Set<string>([ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate]);

interface GuardedRequest {
  kind: RequestKind;
  treatment: OutsidePersonalChat;
}

/** Only a one-to-one chat is personal; a missing type counts as personal only without any sign of a team or group. */
export function isPersonalChat(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  if (type !== undefined) return type === 'personal';
  const channelData = (activity.channelData ?? {}) as { team?: unknown; channel?: unknown };
  return activity.conversation?.isGroup !== true && !channelData.team && !channelData.channel;
}

function verbOf(value: unknown): string | undefined {
  const holder = (value && typeof value === 'object' ? (value as Record<string, unknown>).action : undefined) as Record<string, unknown> | undefined;
  return typeof holder?.verb === 'string' ? holder.verb : undefined;
}

function treatmentOfVerb(verb: string | undefined): OutsidePersonalChat {
  return (verb !== undefined && Object.hasOwn(verbsOutsidePersonalChat, verb) ? verbsOutsidePersonalChat[verb as CardVerb] : undefined) ?? 'pointerOnly';
}

/** How this activity is treated outside a personal chat (undefined: in a personal chat, no guard). */
export function guardedRequestOf(activity: Partial<Activity>): GuardedRequest | undefined {
  if (isPersonalChat(activity)) return undefined;
  switch (activity.type) {
    case ActivityTypes.Message:
      return { kind: 'message', treatment: commandsOutsidePersonalChat[parseTextCommand(activity.text)] ?? 'pointerOnly' };
    case ActivityTypes.Invoke:
      if (activity.name === 'adaptiveCard/action') return { kind: 'cardAction', treatment: treatmentOfVerb(verbOf(activity.value)) };
      // A dialog (the recording pages) is never opened from a channel or group chat.
      if (activity.name === 'task/fetch' || activity.name === 'task/submit') return { kind: 'taskModule', treatment: 'pointerOnly' };
      return { kind: 'otherInvoke', treatment: 'pointerOnly' };
    default:
      return { kind: 'other', treatment: BOOKKEEPING_TYPES.has(activity.type ?? '') ? 'answerHere' : 'pointerOnly' };
  }
}

/** Answers in the conversation itself: a message for a typed request, the invoke's own answer for a click. */
async function answerHere(context: TurnContext, kind: RequestKind, text: string): Promise<void> {
  if (kind === 'message') return sendText(context, text);
  if (kind === 'other') return;
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: pointerBody(kind, text) } });
}

/**
 * The one guard between Teams and the handlers: in a channel or group chat nothing of a
 * trajectory, request, recording or role is shown. Handlers need no check of their own; a new
 * verb or command is pointer-only until it is named in the tables above.
 */
export function registerConversationGuard(app: Application<SvibTurnState>, deps: BotDependencies): void {
  const { texts } = deps;
  app.turn('beforeTurn', async (context) => {
    const request = guardedRequestOf(context.activity);
    if (!request || request.treatment === 'answerHere') return true;
    if (request.treatment === 'channelHelp') {
      await sendCard(context, renderCard('channelHelp', {}, texts));
      return false;
    }
    if (request.treatment === 'sendToPersonalChat') {
      if (await divertToPersonalChat(context, request.kind, deps)) return true;
      await answerHere(context, request.kind, texts.channels.noPersonalChat);
      return false;
    }
    await answerHere(context, request.kind, texts.channels.onlyInPersonalChat);
    return false;
  });
  app.turn('afterTurn', async (context) => {
    await finishDiversion(context, texts);
    return true;
  });
}
