import { randomUUID } from 'node:crypto';
import { deliveriesSettled } from './deliveries';

/** Activities shaped as Teams sends them, for the tests that post to /api/messages. */
export const TENANT_ID = '6b3c1f0e-5d2a-4c8e-9f10-2a7d4e5b6c01';
export const BOT = { id: '28:svib-bot', name: 'SVIB-bot' };

export interface Person {
  id: string;
  name: string;
  aadObjectId: string;
}

export const sanne: Person = { id: '29:sanne', name: 'Sanne de Vries', aadObjectId: '0a1b2c3d-0000-4000-8000-000000000001' };
/** SVIB'ers in the request-flow tests. */
export const marieke: Person = { id: '29:marieke', name: 'Marieke Jansen', aadObjectId: '0a1b2c3d-0000-4000-8000-000000000002' };
export const joost: Person = { id: '29:joost', name: 'Joost Visser', aadObjectId: '0a1b2c3d-0000-4000-8000-000000000005' };
export const peter: Person = { id: '29:peter', name: 'Peter Bakker', aadObjectId: '0a1b2c3d-0000-4000-8000-000000000003' };
export const fatima: Person = { id: '29:fatima', name: 'Fatima El Amrani', aadObjectId: '0a1b2c3d-0000-4000-8000-000000000004' };
export const lotte: Person = { id: '29:lotte', name: 'Lotte Smit', aadObjectId: '0a1b2c3d-0000-4000-8000-000000000006' };

/** The personal chat the tests use for a person. */
export function personalChatOf(person: Person): string {
  return `a:personal-${person.id}`;
}

type Scope = 'personal' | 'groupChat' | 'channel';

interface Context {
  serviceUrl: string;
  from?: Person;
  scope?: Scope;
  conversationId?: string;
}

function base(context: Context) {
  const scope = context.scope ?? 'personal';
  const from = context.from ?? sanne;
  const conversationId = context.conversationId ?? (scope === 'channel' ? '19:general@thread.tacv2' : `a:personal-${from.id}`);
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: context.serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: { id: conversationId, conversationType: scope, tenantId: TENANT_ID, ...(scope === 'groupChat' ? { isGroup: true } : {}) },
    channelData: { tenant: { id: TENANT_ID }, ...(scope === 'channel' ? { team: { id: '19:team-regenboog@thread.tacv2' }, channel: { id: conversationId } } : {}) },
    locale: 'nl-NL',
  };
}

export function message(context: Context, text: string) {
  return { ...base(context), type: 'message', text };
}

export function botAdded(context: Context) {
  return { ...base(context), type: 'conversationUpdate', membersAdded: [BOT] };
}

export function botRemoved(context: Context) {
  return { ...base(context), type: 'conversationUpdate', membersRemoved: [BOT] };
}

export function installationUpdate(context: Context, action: 'add' | 'remove') {
  return { ...base(context), type: 'installationUpdate', action };
}

export function cardAction(context: Context, verb: string, data: Record<string, unknown> = {}) {
  return {
    ...base(context),
    type: 'invoke',
    name: 'adaptiveCard/action',
    // Teams names the message of the card that was clicked.
    replyToId: `card-${randomUUID()}`,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** A click on an Action.Submit with `msteams.type = task/fetch`: Teams asks the bot what dialog to open. */
export function taskFetch(context: Context, data: Record<string, unknown>) {
  return { ...base(context), type: 'invoke', name: 'task/fetch', value: { data: { type: 'task/fetch', ...data }, context: { theme: 'default' } } };
}

/**
 * Posts an activity as the Teams service would and returns the HTTP answer, once the bot answered
 * and the proactive messages the turn queued have left the delivery queue (for an app started by
 * `startTestApp`), so a test can read what every person received. `postOnly` does not wait.
 */
export async function post(baseUrl: string, activity: object, headers: Record<string, string> = {}) {
  const answer = await postOnly(baseUrl, activity, headers);
  await deliveriesSettled(baseUrl);
  return answer;
}

export async function postOnly(baseUrl: string, activity: object, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}
