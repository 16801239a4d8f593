import { RecordingConnector } from '../support/recordingConnector';
import { botAdded, cardAction, installationUpdate, message, taskFetch } from '../support/teamsActivities';
import { startTestApp, type TestApp } from '../support/testApp';

jest.setTimeout(120_000);

/** A small deterministic generator (mulberry32), so a failing case can be replayed from its number. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WRONG_VALUES: unknown[] = [null, 42, -1, true, '', 'x', [], [1, 2], {}, { id: 5 }, 'a'.repeat(3000)];
const PATHS = [
  'type', 'id', 'name', 'text', 'serviceUrl', 'action', 'replyToId', 'value', 'value.action', 'value.action.verb', 'value.action.data', 'value.data',
  'from', 'from.id', 'from.aadObjectId', 'from.name', 'recipient', 'recipient.id', 'conversation', 'conversation.id',
  'conversation.conversationType', 'conversation.tenantId', 'conversation.isGroup', 'channelData', 'channelData.tenant',
  'channelData.tenant.id', 'channelData.team', 'channelData.team.id', 'membersAdded', 'membersAdded.0', 'membersAdded.0.id',
];
/** Words of exceptions, stack traces, network and storage errors: none may reach a client. */
const INTERNAL_TEXT = /TypeError|ReferenceError|Cannot read|is not a function|undefined|\bat \S+ \(|ECONN|ENOTFOUND|EAI_AGAIN|RestError|StorageError|TableService|partition|stack|Invalid JSON|Unexpected token|SyntaxError|req\.body/i;

function mutate(activity: Record<string, unknown>, path: string, value: unknown | typeof REMOVE): Record<string, unknown> {
  const copy = structuredClone(activity);
  const keys = path.split('.');
  let holder: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = holder[key];
    if (!next || typeof next !== 'object') holder[key] = {};
    holder = holder[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === REMOVE) delete holder[last];
  else holder[last] = value;
  return copy;
}
const REMOVE = Symbol('remove');

interface Case {
  label: string;
  body: string;
  contentType: string;
}

function cases(serviceUrl: string, count: number, seed: number): Case[] {
  const random = randomFrom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const bases: Record<string, unknown>[] = [
    message({ serviceUrl }, 'hulp'),
    message({ serviceUrl, scope: 'channel' }, 'mijn trajecten'),
    cardAction({ serviceUrl }, 'trajectories.mine'),
    cardAction({ serviceUrl, scope: 'groupChat', conversationId: '19:groupchat@thread.v2' }, 'trajectory.open', { trajectoryId: 'x' }),
    botAdded({ serviceUrl }),
    botAdded({ serviceUrl, scope: 'channel' }),
    installationUpdate({ serviceUrl }, 'add'),
    taskFetch({ serviceUrl }, { verb: 'recording.dialog', page: 'watch', recordingId: 'r' }),
  ];
  const fixed: Case[] = [
    { label: 'bad JSON', body: '{"type": "message",', contentType: 'application/json' },
    { label: 'not JSON at all', body: 'hallo bot', contentType: 'application/json' },
    { label: 'an array', body: '[]', contentType: 'application/json' },
    { label: 'a string', body: '"message"', contentType: 'application/json' },
    { label: 'a number', body: '42', contentType: 'application/json' },
    { label: 'null', body: 'null', contentType: 'application/json' },
    { label: 'an empty object', body: '{}', contentType: 'application/json' },
    { label: 'an empty body', body: '', contentType: 'application/json' },
    { label: 'text/plain', body: JSON.stringify(bases[0]), contentType: 'text/plain' },
    { label: 'form encoded', body: 'type=message&text=hulp', contentType: 'application/x-www-form-urlencoded' },
  ];
  const generated: Case[] = [];
  for (let n = 0; n < count; n++) {
    let activity = structuredClone(pick(bases));
    const mutations = 1 + Math.floor(random() * 3);
    const done: string[] = [];
    for (let m = 0; m < mutations; m++) {
      const path = pick(PATHS);
      const value = random() < 0.35 ? REMOVE : pick(WRONG_VALUES);
      activity = mutate(activity, path, value);
      done.push(`${path}=${value === REMOVE ? '(removed)' : JSON.stringify(value)?.slice(0, 20)}`);
    }
    generated.push({ label: `#${n} ${activity.type} ${done.join(', ')}`, body: JSON.stringify(activity), contentType: 'application/json' });
  }
  return [...fixed, ...generated];
}

/**
 * Malformed activities over HTTP: never a 5xx, never internal text in the answer. Deterministic
 * (fixed seed, bounded count), so a failure names a case that can be replayed.
 */
describe('malformed activities are answered 4xx with a generic body (real storage on Azurite)', () => {
  const connector = new RecordingConnector();
  let serviceUrl: string;
  let app: TestApp;

  beforeAll(async () => {
    serviceUrl = await connector.start();
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
    await connector.stop();
  });

  it.each([
    ['missing conversation', 'conversation'],
    ['missing sender', 'from'],
    ['missing recipient', 'recipient'],
    ['missing serviceUrl', 'serviceUrl'],
    ['missing type', 'type'],
    ['missing conversation id', 'conversation.id'],
  ])('answers an activity with %s with 400 and a Dutch message', async (_label, path) => {
    const response = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(mutate(message({ serviceUrl }, 'hulp'), path, REMOVE)),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'Dit bericht kan ik niet verwerken.' });
  });

  it('answers a body over 1 MB with 413 and bad JSON to the recording API with 400, both with a generic body', async () => {
    const large = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...message({ serviceUrl }, 'x'.repeat(1_500_000)) }),
    });
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({ message: 'Dit bericht kan ik niet verwerken.' });

    const badJson = await fetch(`${app.baseUrl}/api/recordings/view`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"recordingId": ' });
    expect(badJson.status).toBe(400);
    expect(await badJson.text()).not.toMatch(INTERNAL_TEXT);
  });

  it('never answers 5xx or shows internal text, over a fixed-seed fuzz of 150 activities', async () => {
    const failures: string[] = [];
    for (const fuzzCase of cases(serviceUrl, 150, 20261129)) {
      const response = await fetch(`${app.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': fuzzCase.contentType }, body: fuzzCase.body });
      const text = await response.text();
      if (response.status >= 500) failures.push(`${fuzzCase.label}: ${response.status}`);
      else if (INTERNAL_TEXT.test(text)) failures.push(`${fuzzCase.label}: internal text in ${text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });
});
