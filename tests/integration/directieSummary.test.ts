import type { RoundComparison } from '../../src/domain/kijkwijzer/roundFigures';
import { postDueSummaries } from '../../src/jobs/directieSummaryJob';
import { RecordingConnector } from '../support/recordingConnector';
import { seedSchool } from '../support/requestFlow';
import { cardAction, fatima, message, personalChatOf, peter, post, sanne } from '../support/teamsActivities';
import { startTestApp, uniquePrefix, type TestApp } from '../support/testApp';

// Several app starts and two chart renderings per test: jest's 5 s default is too tight on a shared machine.
jest.setTimeout(30_000);

const CHANNEL = '19:directie@thread.tacv2';

describe('the directie summary in a Teams channel (real storage on Azurite, a clock of our own)', () => {
  const connector = new RecordingConnector();
  const prefix = uniquePrefix();
  let clock = new Date('2026-11-30T09:00:00Z'); // a Monday
  const now = () => clock;
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  let comparison: RoundComparison | undefined;
  const kijkwijzer = { latestClosedComparison: async () => comparison };
  let serviceUrl: string;
  let app: TestApp;

  const start = () => startTestApp({ STORAGE_NAME_PREFIX: prefix, INITIAL_BEHEERDERS: fatima.aadObjectId }, now, {}, { kijkwijzer, sleep });
  const summariesInChannel = () => connector.to(CHANNEL).filter((sent) => JSON.stringify(sent.activity).includes('samenvatting'));
  const inChannel = (from: typeof fatima, text: string) => post(app.baseUrl, message({ serviceUrl, from, scope: 'channel', conversationId: CHANNEL }, text));
  const round = () => postDueSummaries(app.composed.directieSummaryJobOptions);

  beforeAll(async () => {
    serviceUrl = await connector.start();
    app = await start();
    const beheerder = await seedSchool(app, serviceUrl, { beheerder: fatima, svibbers: [], others: [peter, sanne] });
    await app.composed.directory.changeRole(beheerder, { userId: peter.aadObjectId }, 'directie', 'grant');
  });
  afterAll(async () => {
    await app.close();
    await connector.stop();
  });
  beforeEach(() => {
    connector.clear();
    waits.length = 0;
  });

  it('lets only a beheerder choose the channel, in the channel itself, and confirms in channel and chat', async () => {
    await inChannel(sanne, 'directiekanaal');
    expect(connector.textsSent().join(' ')).toContain('Alleen een beheerder kan het directiekanaal kiezen.');
    await post(app.baseUrl, message({ serviceUrl, from: fatima }, 'directiekanaal'));
    expect(connector.to(personalChatOf(fatima)).at(-1)!.activity.text).toContain('typ daar *directiekanaal*');
    expect(await app.composed.directieSummary.settingsOf('6b3c1f0e-5d2a-4c8e-9f10-2a7d4e5b6c01', (await app.composed.directory.actorFor({ tenantId: '6b3c1f0e-5d2a-4c8e-9f10-2a7d4e5b6c01', userId: fatima.aadObjectId, name: fatima.name, fetchEmail: async () => undefined })).schoolId)).toBeUndefined();

    connector.clear();
    await inChannel(fatima, 'directiekanaal');
    expect(connector.to(CHANNEL).at(-1)!.activity.text).toContain('Dit kanaal is nu het directiekanaal');
    const personal = JSON.stringify(connector.to(personalChatOf(fatima)).at(-1)!.activity);
    expect(personal).toContain('Instellingen → Samenvatting directie');

    const saved = await post(app.baseUrl, cardAction({ serviceUrl, from: fatima }, 'summary.settings.save', { kind: 'weekly', weekday: '5', time: '25:00' }));
    expect(JSON.stringify(saved.body)).toContain('Vul een tijd in als 08:30.');
    const refused = await post(app.baseUrl, cardAction({ serviceUrl, from: sanne }, 'summary.settings.save', { kind: 'weekly', weekday: '5', time: '16:00' }));
    expect(JSON.stringify(refused.body)).toContain('Alleen een beheerder');
    const ok = await post(app.baseUrl, cardAction({ serviceUrl, from: fatima }, 'summary.settings.save', { kind: 'weekly', weekday: '5', time: '16:00', startingTeachers: '' }));
    expect(JSON.stringify(ok.body)).toContain('Opgeslagen: elke vrijdag om 16:00.');
  });

  it('posts nothing before the first period due after the channel was chosen', async () => {
    clock = new Date('2026-12-04T14:59:00Z');
    expect(await round()).toEqual([]);
    expect(summariesInChannel()).toHaveLength(0);
  });

  it('posts each period once: again, after a restart, and with two instances at the same moment', async () => {
    clock = new Date('2026-12-04T15:02:00Z');
    expect(await round()).toEqual(['posted']);
    expect(await round()).toEqual(['already']);
    const restarted = await start();
    expect(await postDueSummaries(restarted.composed.directieSummaryJobOptions)).toEqual(['already']);
    await restarted.close();
    expect(summariesInChannel()).toHaveLength(1);
    const card = JSON.stringify(summariesInChannel()[0].activity);
    expect(card).toContain('Week tot');
    expect(card).toContain('In deze periode is er niets te melden over SVIB.');
    expect(card).not.toContain('Later verstuurd');

    connector.clear();
    clock = new Date('2026-12-11T15:01:00Z');
    const other = await start();
    const results = await Promise.all([round(), postDueSummaries(other.composed.directieSummaryJobOptions)]);
    await other.close();
    expect(results.flat().sort()).toEqual(['already', 'posted']);
    expect(summariesInChannel()).toHaveLength(1);
  });

  it('posts a period missed while the bot was down once, marked late', async () => {
    clock = new Date('2026-12-21T08:00:00Z'); // Friday 18 December was missed
    const restarted = await start();
    expect(await postDueSummaries(restarted.composed.directieSummaryJobOptions)).toEqual(['posted']);
    expect(await postDueSummaries(restarted.composed.directieSummaryJobOptions)).toEqual(['already']);
    await restarted.close();
    expect(summariesInChannel()).toHaveLength(1);
    expect(JSON.stringify(summariesInChannel()[0].activity)).toContain('Later verstuurd dan gepland');
  });

  it('waits as long as a 429 asks and backs off on 5xx, then posts once', async () => {
    clock = new Date('2026-12-25T15:00:00Z');
    connector.answerNext(CHANNEL, { status: 429, retryAfter: '7' }, { status: 503 }, { status: 502 });
    expect(await round()).toEqual(['posted']);
    expect(connector.refused.map((refusal) => refusal.status)).toEqual([429, 503, 502]);
    expect(waits[0]).toBe(7000);
    expect(waits[1]).toBeGreaterThanOrEqual(1000);
    expect(waits[1]).toBeLessThanOrEqual(2000);
    expect(waits[2]).toBeGreaterThanOrEqual(2000);
    expect(waits[2]).toBeLessThanOrEqual(4000);
    expect(summariesInChannel()).toHaveLength(1);
  });

  it('gives a period back when Teams keeps failing, and posts it in a later round', async () => {
    clock = new Date('2027-01-01T15:00:00Z');
    connector.answerNext(CHANNEL, ...Array.from({ length: 5 }, () => ({ status: 500 })));
    expect(await round()).toEqual(['failed']);
    expect(waits).toHaveLength(4);
    expect(summariesInChannel()).toHaveLength(0);
    expect(await round()).toEqual(['posted']);
    expect(summariesInChannel()).toHaveLength(1);
  });

  it('stops on 403 and tells the beheerder once in chat, not again for the next period', async () => {
    clock = new Date('2027-01-08T15:00:00Z');
    connector.answerNext(CHANNEL, { status: 403 });
    expect(await round()).toEqual(['blocked']);
    expect(await round()).toEqual(['already']);
    clock = new Date('2027-01-15T15:00:00Z');
    connector.answerNext(CHANNEL, { status: 403 });
    expect(await round()).toEqual(['blocked']);
    expect(connector.refused).toHaveLength(2);
    const notices = connector.to(personalChatOf(fatima)).filter((sent) => (sent.activity.text ?? '').includes('niet meer in het directiekanaal'));
    expect(notices).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('takes over a period an instance claimed and then stopped on, once the claim is stale', async () => {
    clock = new Date('2027-01-22T15:00:00Z');
    const [due] = await app.composed.directieSummary.dueNow();
    expect(await app.composed.directieSummary.claim(due, false)).toBeDefined(); // …and then that instance died
    expect(await round()).toEqual(['already']);
    clock = new Date('2027-01-22T15:16:00Z');
    expect(await round()).toEqual(['posted']);
    expect(await round()).toEqual(['already']);
    expect(summariesInChannel()).toHaveLength(1);
  });

  it('does not try a message Teams refuses (404) again and again', async () => {
    clock = new Date('2027-01-29T15:00:00Z');
    connector.answerNext(CHANNEL, { status: 404 });
    expect(await round()).toEqual(['rejected']);
    expect(await round()).toEqual(['already']);
    expect(connector.refused).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('gives directie the summary on demand with a full report and CSV; others are refused politely', async () => {
    await post(app.baseUrl, message({ serviceUrl, from: sanne }, 'samenvatting'));
    expect(connector.to(personalChatOf(sanne)).at(-1)!.activity.text).toBe('De samenvatting is voor de directie. Vraag een beheerder als je hem ook wilt zien.');

    const fromHelp = await post(app.baseUrl, cardAction({ serviceUrl, from: peter }, 'summary.show'));
    expect(JSON.stringify(fromHelp.body)).toContain('De samenvatting staat hieronder.');
    expect(JSON.stringify(connector.to(personalChatOf(peter)).at(-1)!.activity)).toContain('SVIB op');
    const teacherFromHelp = await post(app.baseUrl, cardAction({ serviceUrl, from: sanne }, 'summary.show'));
    expect(JSON.stringify(teacherFromHelp.body)).toContain('De samenvatting is voor de directie.');

    await post(app.baseUrl, message({ serviceUrl, from: peter, scope: 'channel', conversationId: '19:general@thread.tacv2' }, 'samenvatting'));
    expect(connector.to('19:general@thread.tacv2').at(-1)!.activity.text).toBe('De samenvatting vraag je op in het directiekanaal of in je persoonlijke chat met de bot.');

    await inChannel(peter, 'samenvatting');
    const card = connector.to(CHANNEL).at(-1)!.activity.attachments![0].content;
    expect(JSON.stringify(card)).toContain('SVIB op');
    const report = await post(app.baseUrl, cardAction({ serviceUrl, from: peter, scope: 'channel', conversationId: CHANNEL }, 'summary.report', { period: 'now' }));
    // The CSV link is Peter's own: the full report goes to his personal chat, not the channel.
    expect(JSON.stringify(report.body)).toContain('Het volledige rapport staat in je persoonlijke chat met de bot.');
    const full = connector.to(personalChatOf(peter)).at(-1)!.activity.attachments![0].content;
    expect(JSON.stringify(full)).toContain('Volledig rapport');
    const csvAction = full.actions!.find((action) => action.title === 'Download als CSV') as unknown as { url: string };
    // The link names the configured public address; the test app listens on a port of its own.
    const link = `${app.baseUrl}${new URL(csvAction.url).pathname}`;
    const csv = await fetch(link);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('Nieuwe aanvragen');
    const forged = await fetch(`${link.slice(0, -3)}xyz`);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('Deze link is verlopen of niet voor jou bedoeld.');

    const refused = await post(app.baseUrl, cardAction({ serviceUrl, from: sanne, scope: 'channel', conversationId: CHANNEL }, 'summary.report', { period: 'now' }));
    expect(JSON.stringify(refused.body)).toContain('De samenvatting is voor de directie.');
  });

  it('posts once after a kijkwijzer round closed, with the chart, when the school asked for that', async () => {
    await post(app.baseUrl, cardAction({ serviceUrl, from: fatima }, 'summary.settings.save', { kind: 'roundClosed' }));
    const { comparison: fixture } = await import('../unit/directieSummary/summaryFixtures');
    comparison = { ...fixture, current: { ...fixture.current, closedAt: new Date('2027-01-20T12:00:00Z') } };
    clock = new Date('2027-01-20T12:01:00Z');
    const { TENANT_ID } = await import('../support/teamsActivities');
    const schoolId = (await app.composed.directory.actorFor({ tenantId: TENANT_ID, userId: fatima.aadObjectId, name: fatima.name, fetchEmail: async () => undefined })).schoolId;
    expect(await app.composed.onRoundClosed(TENANT_ID, schoolId)).toBe('posted');
    expect(await app.composed.onRoundClosed(TENANT_ID, schoolId)).toBe('already');
    expect(await round()).toEqual(['already']);
    const posted = JSON.stringify(summariesInChannel()[0].activity);
    expect(summariesInChannel()).toHaveLength(1);
    expect(posted).toContain('Kijkwijzer: meting 3');
    expect(posted).toContain('data:image/png;base64,');

    // A round that closed while the bot was down is posted by the next round of the job, once.
    connector.clear();
    comparison = { ...fixture, previous: comparison.current, current: { ...fixture.current, roundId: 'round-4', sequence: 4, closedAt: new Date('2027-02-10T12:00:00Z') } };
    clock = new Date('2027-02-11T09:00:00Z');
    expect(await round()).toEqual(['posted']);
    expect(await round()).toEqual(['already']);
    expect(JSON.stringify(summariesInChannel()[0].activity)).toContain('Kijkwijzer: meting 4');
    expect(JSON.stringify(summariesInChannel()[0].activity)).toContain('Later verstuurd dan gepland');
    for (const secret of ['round-secret-3', 'statement-secret-1', fatima.name, peter.name, sanne.name, fatima.aadObjectId, sanne.aadObjectId]) expect(posted).not.toContain(secret);
  });
});
