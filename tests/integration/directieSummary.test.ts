import type { RoundComparison } from '../../src/domain/kijkwijzer/roundFigures';
import { postDueSummaries, summaryDeliveryId } from '../../src/jobs/directieSummaryJob';
import { delivered } from '../support/deliveries';
import { RecordingConnector } from '../support/recordingConnector';
import { seedSchool } from '../support/requestFlow';
import { cardAction, fatima, message, personalChatOf, peter, post, sanne } from '../support/teamsActivities';
import { startTestApp, uniquePrefix, type TestApp } from '../support/testApp';

// Several app starts and two chart renderings per test: jest's 5 s default is too tight on a shared machine.
jest.setTimeout(30_000);

const CHANNEL = '19:directie@thread.tacv2';

describe('the directie summary in a Teams channel, through the delivery queue (real storage on Azurite, a clock of our own)', () => {
  const connector = new RecordingConnector();
  const prefix = uniquePrefix();
  let clock = new Date('2026-11-30T09:00:00Z'); // a Monday
  const now = () => clock;
  let comparison: RoundComparison | undefined;
  const kijkwijzer = { latestClosedComparison: async () => comparison };
  let serviceUrl: string;
  let app: TestApp;

  const start = () => startTestApp({ STORAGE_NAME_PREFIX: prefix, INITIAL_BEHEERDERS: fatima.aadObjectId }, now, {}, { kijkwijzer });
  const summariesInChannel = () => connector.to(CHANNEL).filter((sent) => JSON.stringify(sent.activity).includes('samenvatting'));
  const inChannel = (from: typeof fatima, text: string) => post(app.baseUrl, message({ serviceUrl, from, scope: 'channel', conversationId: CHANNEL }, text));
  /** One round of the job in `instance`, and then until the queue handed everything to Teams. */
  const roundIn = async (instance: TestApp) => {
    const results = await postDueSummaries(instance.composed.directieSummaryJobOptions);
    await delivered(instance);
    return results;
  };
  const round = () => roundIn(app);
  const noticesToFatima = () => connector.to(personalChatOf(fatima)).filter((sent) => (sent.activity.text ?? '').includes('niet meer in het directiekanaal'));

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
    expect(await roundIn(restarted)).toEqual(['already']);
    await restarted.close();
    expect(summariesInChannel()).toHaveLength(1);
    const card = JSON.stringify(summariesInChannel()[0].activity);
    expect(card).toContain('Week tot');
    expect(card).toContain('In deze periode is er niets te melden over SVIB.');
    expect(card).not.toContain('Later verstuurd');

    connector.clear();
    clock = new Date('2026-12-11T15:01:00Z');
    const other = await start();
    const results = await Promise.all([round(), roundIn(other)]);
    await other.close();
    expect(results.flat().sort()).toEqual(['already', 'posted']);
    expect(summariesInChannel()).toHaveLength(1);
  });

  it('posts a period missed while the bot was down once, marked late', async () => {
    clock = new Date('2026-12-21T08:00:00Z'); // Friday 18 December was missed
    const restarted = await start();
    expect(await roundIn(restarted)).toEqual(['posted']);
    expect(await roundIn(restarted)).toEqual(['already']);
    await restarted.close();
    expect(summariesInChannel()).toHaveLength(1);
    expect(JSON.stringify(summariesInChannel()[0].activity)).toContain('Later verstuurd dan gepland');
  });

  it('leaves a 429 (waiting as long as Retry-After asks) and 5xx to the queue, and the summary arrives once', async () => {
    clock = new Date('2026-12-25T15:00:00Z');
    connector.answerNext(CHANNEL, { status: 429, retryAfter: '1' }, { status: 503 }, { status: 502 });
    expect(await round()).toEqual(['posted']);
    expect(connector.refused.map((refusal) => refusal.status)).toEqual([429, 503, 502]);
    const [throttled, next] = connector.faultLog.filter((entry) => entry.conversationId === CHANNEL);
    expect(next.at - throttled.at).toBeGreaterThanOrEqual(1000);
    expect(summariesInChannel()).toHaveLength(1);
    expect(await round()).toEqual(['already']);
    expect(summariesInChannel()).toHaveLength(1);
  });

  it('on 403 tells the beheerder who chose the channel once in chat, not again for the next period', async () => {
    clock = new Date('2027-01-08T15:00:00Z');
    connector.answerNext(CHANNEL, { status: 403 });
    expect(await round()).toEqual(['posted']);
    expect(await round()).toEqual(['already']);
    expect(noticesToFatima()).toHaveLength(1);
    clock = new Date('2027-01-15T15:00:00Z');
    connector.answerNext(CHANNEL, { status: 403 });
    expect(await round()).toEqual(['posted']);
    // Each period was tried once (a 403 is never retried); the beheerder heard it once.
    expect(connector.refused).toEqual([
      { conversationId: CHANNEL, status: 403 },
      { conversationId: CHANNEL, status: 403 },
    ]);
    expect(summariesInChannel()).toHaveLength(0);
    expect(noticesToFatima()).toHaveLength(1);
  });

  it('takes over a period an instance claimed and then stopped on, once the claim is stale', async () => {
    clock = new Date('2027-01-22T15:00:00Z');
    const [due] = await app.composed.directieSummary.dueNow();
    expect(await app.composed.directieSummary.claim(due, false)).toBeDefined(); // …and then that instance died
    expect(await round()).toEqual(['already']);
    expect(summariesInChannel()).toHaveLength(0);
    clock = new Date('2027-01-22T15:16:00Z');
    expect(await round()).toEqual(['posted']);
    expect(await round()).toEqual(['already']);
    expect(summariesInChannel()).toHaveLength(1);
  });

  it('queues a taken-over period under the same delivery id, so a summary the stopped instance already queued shows once', async () => {
    clock = new Date('2027-01-29T15:00:00Z');
    const [due] = await app.composed.directieSummary.dueNow();
    expect(await app.composed.directieSummary.claim(due, false)).toBeDefined();
    // That instance queued its summary and died before it marked the period.
    const { tenantId, schoolId, channelReference } = due.settings;
    await app.composed.deliveries.outgoing.enqueue([
      { id: summaryDeliveryId(tenantId, schoolId, due.period), target: { kind: 'reference', tenantId, conversationId: CHANNEL, reference: channelReference }, content: { kind: 'text', text: 'samenvatting van de gestopte instantie' } },
    ]);
    await delivered(app);
    clock = new Date('2027-01-29T15:16:00Z');
    expect(await round()).toEqual(['posted']);
    expect(summariesInChannel().map((sent) => sent.activity.text)).toEqual(['samenvatting van de gestopte instantie']);
  });

  it('does not try a message Teams refuses (404) again and again', async () => {
    clock = new Date('2027-02-05T15:00:00Z');
    connector.answerNext(CHANNEL, { status: 404 });
    expect(await round()).toEqual(['posted']);
    expect(await round()).toEqual(['already']);
    expect(connector.refused).toHaveLength(1);
    expect(summariesInChannel()).toHaveLength(0);
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
    await delivered(app);
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

  it('tells the beheerder again about a 403 after the channel was chosen again, once', async () => {
    clock = new Date('2027-02-11T10:00:00Z');
    await inChannel(fatima, 'directiekanaal');
    const { comparison: fixture } = await import('../unit/directieSummary/summaryFixtures');
    comparison = { ...fixture, previous: comparison!.current, current: { ...fixture.current, roundId: 'round-5', sequence: 5, closedAt: new Date('2027-02-12T12:00:00Z') } };
    clock = new Date('2027-02-12T12:01:00Z');
    connector.answerNext(CHANNEL, { status: 403 });
    expect(await round()).toEqual(['posted']);
    expect(connector.refused).toEqual([{ conversationId: CHANNEL, status: 403 }]);
    expect(noticesToFatima()).toHaveLength(1);
  });
});
