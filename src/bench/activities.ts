import { randomUUID } from 'node:crypto';
import { TENANT_ID } from './fixtures';

/** Someone in the benchmark school, as Teams names them in an activity. */
export interface BenchPerson {
  /** Teams user id (29:…). */
  id: string;
  /** Entra object id: what svib-bot keys people by. */
  aadObjectId: string;
  name: string;
}

/** The n-th generated person of a group ('teacher', 'svibber', …), stable across runs. */
export function benchPerson(group: number, index: number): BenchPerson {
  const suffix = `${String(group).padStart(4, '0')}${String(index).padStart(8, '0')}`;
  return { id: `29:bench-${group}-${index}`, aadObjectId: `0b0c0d0e-0000-4000-8000-${suffix}`, name: `Collega ${group}-${index}` };
}

function base(serviceUrl: string, from: BenchPerson) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { id: '28:svib-bot', name: 'SVIB-bot' },
    conversation: { id: `a:personal-${from.id}`, conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'nl-NL',
  };
}

/** A typed message in the person's personal chat, shaped as Teams sends it. */
export function message(serviceUrl: string, from: BenchPerson, text: string) {
  return { ...base(serviceUrl, from), type: 'message', text };
}

/** The app installed in the person's personal chat: svib-bot keeps the reference for proactive cards. */
export function installed(serviceUrl: string, from: BenchPerson) {
  return { ...base(serviceUrl, from), type: 'installationUpdate', action: 'add' };
}

/** A click on an Action.Execute button of a card in the personal chat. */
export function cardAction(serviceUrl: string, from: BenchPerson, verb: string, data: Record<string, unknown>) {
  return {
    ...base(serviceUrl, from),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: `card-${randomUUID()}`,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** Posts an activity as the Teams service would; the answer's status and JSON body, if any. */
export async function post(baseUrl: string, activity: object): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
