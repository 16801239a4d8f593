import type { RecordingConnector } from './recordingConnector';
import { cardAction, personalChatOf, post, type Person } from './teamsActivities';

type Card = { body?: unknown[]; actions?: { title: string; verb?: string; url?: string; data?: Record<string, unknown> }[] };

/** Card actions as a person clicks them, answering with the card (or text) Teams would show. */
export function kijkwijzerClient(baseUrl: () => string, serviceUrl: () => string) {
  const act = async (person: Person, verb: string, data: Record<string, unknown> = {}) => {
    const answer = await post(baseUrl(), cardAction({ serviceUrl: serviceUrl(), from: person }, verb, data));
    return answer.body?.value as Card | string;
  };
  return { act };
}

/** The statements (ids) shown on a page card, read from its rating inputs. */
export function statementIdsOn(card: unknown): string[] {
  return [...JSON.stringify(card).matchAll(/"id":"rating_(k\d+)"/g)].map((match) => match[1]!);
}

/** The newest card sent to a person's personal chat. */
export function lastCardTo(connector: RecordingConnector, person: Person): Card | undefined {
  return connector.to(personalChatOf(person)).at(-1)?.activity.attachments?.[0]?.content as Card | undefined;
}

/** Answers for every statement on a page: rating `+` unless told otherwise. */
export function pageAnswers(statementIds: string[], rating = 'plus', extra: Record<string, string> = {}): Record<string, string> {
  return { ...Object.fromEntries(statementIds.map((id) => [`rating_${id}`, rating])), ...extra };
}
