import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/renderCard';
import type { BotDependencies } from './botDependencies';
import { conversationFactsOf } from './conversationFacts';
import { sendText } from './replies';
import type { Texts } from '../texts';

/** What kind of request arrived, which decides how it is answered. */
export type RequestKind = 'message' | 'cardAction' | 'taskModule' | 'otherInvoke' | 'other';

/** The answer to an invoke that shows a short message instead of a card or dialog. */
export function pointerBody(kind: RequestKind, text: string): unknown {
  if (kind === 'taskModule') return { task: { type: 'message', value: text } };
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}

interface Recipient {
  tenantId: string;
  userId: string;
}

const DIVERSION = Symbol('svib.diversionToPersonalChat');

interface Diversion {
  recipient: Recipient;
  kind: RequestKind;
  forwarded: number;
  done: boolean;
}

function recipientOf(context: TurnContext): Recipient | undefined {
  const userId = context.activity.from?.aadObjectId;
  if (!userId) return undefined;
  return { tenantId: conversationFactsOf(context).tenantId || 'no-tenant', userId };
}

type InvokeBody = { type?: string; value?: unknown } | undefined;

/**
 * Lets the normal handler run, but everything it would send into this conversation goes to the
 * asker's personal chat instead; the clicked card gets a pointer as its answer.
 */
function startDiversion(context: TurnContext, diversion: Diversion, deps: BotDependencies): void {
  const { recipient } = diversion;
  const forwardCard = async (card: AdaptiveCardJson) => {
    if (await deps.notifier.sendCard(recipient.tenantId, recipient.userId, card)) diversion.forwarded += 1;
  };
  const forwardText = async (text: string) => {
    if (await deps.notifier.sendText(recipient.tenantId, recipient.userId, text)) diversion.forwarded += 1;
  };
  context.turnState.set(DIVERSION, diversion);
  context.onSendActivities(async (_context, activities, next) => {
    if (diversion.done) return next();
    const kept: Partial<Activity>[] = [];
    for (const activity of activities) {
      if (activity.type === ActivityTypes.Message) {
        for (const attachment of activity.attachments ?? []) {
          if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') await forwardCard(attachment.content as AdaptiveCardJson);
        }
        if (activity.text) await forwardText(activity.text);
      } else if (activity.type === ActivityTypes.InvokeResponse) {
        const answer = activity.value as { body?: InvokeBody } | undefined;
        const body = answer?.body;
        if (body?.type === 'application/vnd.microsoft.card.adaptive') await forwardCard(body.value as AdaptiveCardJson);
        // A short answer (e.g. "not found") is passed on only when nothing else told the person anything.
        else if (typeof body?.value === 'string' && diversion.forwarded === 0) await forwardText(body.value);
        const text = diversion.forwarded > 0 ? deps.texts.channels.sentToPersonalChat : deps.texts.channels.onlyInPersonalChat;
        kept.push({ ...activity, value: { status: 200, body: pointerBody(diversion.kind, text) } });
      } else if (activity.type === ActivityTypes.Typing || activity.type === ActivityTypes.Trace) {
        kept.push(activity);
      }
    }
    activities.splice(0, activities.length, ...kept);
    return kept.length > 0 ? next() : [];
  });
}

/**
 * When the asker has a personal chat with the bot: the turn goes on, its output diverted there.
 * False when there is none (then the caller answers with a pointer that says so).
 */
export async function divertToPersonalChat(context: TurnContext, kind: RequestKind, deps: BotDependencies): Promise<boolean> {
  const recipient = recipientOf(context);
  if (!recipient || !(await deps.notifier.reaches(recipient.tenantId, recipient.userId))) return false;
  startDiversion(context, { recipient, kind, forwarded: 0, done: false }, deps);
  return true;
}

/** After the handler: a typed request gets its pointer in the conversation itself. */
export async function finishDiversion(context: TurnContext, texts: Texts): Promise<void> {
  const diversion = context.turnState.get(DIVERSION) as Diversion | undefined;
  if (!diversion) return;
  diversion.done = true;
  if (diversion.kind === 'message') {
    await sendText(context, diversion.forwarded > 0 ? texts.channels.sentToPersonalChat : texts.channels.onlyInPersonalChat);
  }
}
