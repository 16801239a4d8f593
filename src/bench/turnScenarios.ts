import { randomUUID } from 'node:crypto';
import { cardVerbs } from '../cards/cardVerbs';
import { cardAction, message, post } from './activities';
import type { BenchApp } from './benchApp';
import type { BenchSchool } from './benchSchool';
import { validIntake } from './fixtures';

/** One kind of turn, sent by client i as the i-th person of its group. */
export interface TurnScenario {
  key: 'echo' | 'a' | 'b' | 'c' | 'd';
  name: string;
  /** Sends one turn; throws when the answer shows the real path did not run. */
  send(client: number): Promise<void>;
  /** Replies the connector got per turn (message turns answer through it, invokes in the HTTP answer). */
  repliesPerTurn: number;
}

const CARD_ANSWER = 'application/vnd.microsoft.card.adaptive';

async function expectOk(baseUrl: string, activity: object): Promise<void> {
  const answer = await post(baseUrl, activity);
  if (answer.status !== 200) throw new Error(`/api/messages answered ${answer.status}`);
}

/** An invoke must be answered with a card: a short message would mean a refusal or an error. */
async function expectCard(baseUrl: string, activity: object): Promise<void> {
  const answer = await post(baseUrl, activity);
  const type = (answer.body as { type?: string } | undefined)?.type;
  if (answer.status !== 200 || type !== CARD_ANSWER) throw new Error(`expected a card, got ${answer.status} ${String(JSON.stringify(answer.body)).slice(0, 200)}`);
}

export function turnScenarios(app: BenchApp, school: BenchSchool): TurnScenario[] {
  const serviceUrl = app.connector.serviceUrl;
  return [
    { key: 'echo', name: 'echo bot: typed text', repliesPerTurn: 1, send: (client) => expectOk(app.echoUrl, message(serviceUrl, school.typists[client], 'hulp')) },
    { key: 'a', name: "(a) typed text 'hulp'", repliesPerTurn: 1, send: (client) => expectOk(app.baseUrl, message(serviceUrl, school.typists[client], 'hulp')) },
    {
      key: 'b',
      name: '(b) intake submit',
      repliesPerTurn: 0,
      send: (client) => expectCard(app.baseUrl, cardAction(serviceUrl, school.intakers[client], cardVerbs.intakeSubmit, { ...validIntake, formId: randomUUID() })),
    },
    { key: 'c', name: '(c) Mijn trajecten (10 of 2,000)', repliesPerTurn: 1, send: (client) => expectOk(app.baseUrl, message(serviceUrl, school.listers[client], 'mijn trajecten')) },
    {
      key: 'd',
      name: '(d) access card (owner)',
      repliesPerTurn: 0,
      send: (client) => expectCard(app.baseUrl, cardAction(serviceUrl, school.listers[client], cardVerbs.recordingAccess, { recordingId: school.recordingOf[client] })),
    },
  ];
}
