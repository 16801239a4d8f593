import { actionsOf } from '../support/cardActions';
import * as ical from 'node-ical';
import { delivered } from '../support/deliveries';
import { promptDoneAppointments, sendDueReminders } from '../../src/jobs/appointmentJobs';
import { RecordingConnector, type SentActivity } from '../support/recordingConnector';
import { seedSchool, validIntake } from '../support/requestFlow';
import { cardAction, fatima, marieke, personalChatOf, post, sanne, TENANT_ID, type Person } from '../support/teamsActivities';
import { startTestApp, uniquePrefix, type TestApp } from '../support/testApp';

type Card = { body?: unknown[]; actions?: { type: string; title: string; verb?: string; url?: string; data?: Record<string, unknown> }[] };

function valueOf(answer: { body?: Record<string, unknown> }): Card & { text: string } {
  const value = answer.body?.value as Card | string;
  return typeof value === 'string' ? { text: value } : { ...value, text: JSON.stringify(value) };
}

function cardIn(sent: SentActivity | undefined): Card & { text: string } {
  const content = sent?.activity.attachments?.[0]?.content as Card;
  return { ...content, text: JSON.stringify(content) };
}

describe('planning appointments with Plan cards (real storage on Azurite, controllable clock)', () => {
  const connector = new RecordingConnector();
  const prefix = uniquePrefix();
  let clock = new Date('2026-11-25T10:00:00Z'); // Wednesday 11:00 in Amsterdam
  const now = () => clock;
  let serviceUrl: string;
  let app: TestApp;
  let trajectoryId: string;
  const env = { INITIAL_BEHEERDERS: fatima.aadObjectId, STORAGE_NAME_PREFIX: prefix, PUBLIC_BASE_URL: '' };

  const act = (person: Person, verb: string, data: Record<string, unknown> = {}) => post(app.baseUrl, cardAction({ serviceUrl, from: person }, verb, data));
  const slotsFor = (rows: [string, string, string][]) =>
    Object.fromEntries(rows.flatMap(([date, time, duration], index) => [[`date${index + 1}`, date], [`time${index + 1}`, time], [`duration${index + 1}`, duration], [`location${index + 1}`, 'lokaal 12']]));
  const trajectory = async () =>
    (await app.composed.trajectoryService.myTrajectories({ tenantId: TENANT_ID, schoolId: 'default', userId: sanne.aadObjectId, name: sanne.name, roles: ['leerkracht'] }))[0];

  beforeAll(async () => {
    serviceUrl = await connector.start();
    app = await startTestApp(env, now);
    await seedSchool(app, serviceUrl, { beheerder: fatima, svibbers: [marieke], others: [sanne] });
    await act(sanne, 'request.start');
    const formId = actionsOf(cardIn(connector.to(personalChatOf(sanne)).at(-1)))[0].data!.formId;
    await act(sanne, 'intake.submit', { formId, ...validIntake });
    trajectoryId = String(actionsOf(cardIn(connector.to(personalChatOf(marieke)).at(-1))).find((a) => a.verb === 'request.takeUp')!.data!.trajectoryId);
    await act(marieke, 'request.takeUp', { trajectoryId });
  });
  afterAll(async () => {
    await app.close();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  it('gives the begeleider a Plan card for the intake, and nobody else', async () => {
    await act(marieke, 'schedule.plan', { trajectoryId });
    expect(cardIn(connector.to(personalChatOf(marieke))[0]).text).toContain('Plan: Intakegesprek met Sanne de Vries');

    await act(sanne, 'schedule.plan', { trajectoryId });
    expect(connector.to(personalChatOf(sanne))[0].activity.text).toContain('kan ik niet vinden');
  });

  it.each([
    ['a moment in the past', [['2026-11-24', '10:00', '30']], 'voorbij'],
    ['a Saturday', [['2026-11-28', '10:00', '30']], 'weekend'],
    ['a moment outside school hours', [['2026-11-26', '18:30', '30']], 'schooltijd'],
    ['a half-filled row', [['2026-11-26', '', '30']], ''],
  ] as [string, [string, string, string][], string][])('shows the card again for %s and sends nothing', async (_case, rows, hint) => {
    const answer = valueOf(await act(marieke, 'schedule.propose', { trajectoryId, ...slotsFor(rows) }));
    expect(answer.text).toContain('Bijna goed!');
    if (hint) expect(answer.text.toLowerCase()).toContain(hint);
    expect(connector.to(personalChatOf(sanne))).toHaveLength(0);
  });

  it('sends the teacher the proposed moments with her own preferences beside them', async () => {
    const answer = valueOf(await act(marieke, 'schedule.propose', { trajectoryId, ...slotsFor([['2026-11-26', '10:15', '30'], ['2026-11-27', '13:00', '45']]) }));

    expect(answer.text).toContain('Je voorstel is verstuurd');
    const choose = cardIn(connector.to(personalChatOf(sanne))[0]);
    expect(choose.text).toContain('Intakegesprek: kies een moment');
    expect(choose.text).toContain('do 26 nov, 10:15–10:45');
    expect(choose.text).toContain('vr 27 nov, 13:00–13:45');
    expect(choose.text).toContain('Jouw voorkeur: dinsdag, donderdag, ochtend');
  });

  let choices: { data?: Record<string, unknown> }[];

  it('ends two clicks on two slots with one appointment, confirmed to both in place', async () => {
    await act(marieke, 'schedule.plan', { trajectoryId });
    connector.clear();
    const stored = await app.composed.repositories.appointments.listForTrajectory(TENANT_ID, 'default', trajectoryId);
    const appointment = stored[0].appointment;
    choices = [0, 1].map((slot) => ({ data: { appointmentId: appointment.id, slot: String(slot), sequence: String(appointment.sequence) } }));

    const answers = await Promise.all(choices.map((choice) => act(sanne, 'schedule.choose', choice.data)));
    const texts = answers.map((answer) => valueOf(answer).text);

    expect(texts.filter((text) => text.includes('Afgesproken:'))).toHaveLength(1);
    expect(texts.filter((text) => text.includes('Er is al een moment gekozen'))).toHaveLength(1);
    const after = (await app.composed.repositories.appointments.listForTrajectory(TENANT_ID, 'default', trajectoryId))[0].appointment;
    expect(after.status).toBe('confirmed');
    const svibberUpdate = connector.to(personalChatOf(marieke)).find((sent) => sent.updatedActivityId);
    expect(cardIn(svibberUpdate).text).toContain('Afgesproken:');
  });

  it('serves each party a calendar invitation that Outlook and a real iCalendar parser read right', async () => {
    const stored = (await app.composed.repositories.appointments.listForTrajectory(TENANT_ID, 'default', trajectoryId))[0].appointment;
    const url = app.composed.calendarLinks.urlFor(TENANT_ID, stored, sanne.aadObjectId).replace(/^https?:\/\/[^/]+/, app.baseUrl);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const text = await response.text();
    // A bearer link: the file names nobody and holds no e-mail address.
    for (const personal of ['Sanne', 'Marieke', 'de Vries', 'Jansen', 'mailto:', '@school']) expect(text).not.toContain(personal);
    const events = Object.values(ical.sync.parseICS(text)).filter((item) => item?.type === 'VEVENT') as ical.VEvent[];
    expect(events).toHaveLength(1);
    expect(events[0].uid).toBe(`${stored.id}@svib-bot`);
    expect(new Date(events[0].start).getTime() - new Date(stored.chosen!.start).getTime()).toBe(0);
    expect(new Date(events[0].end!).getTime() - new Date(stored.chosen!.start).getTime()).toBe(stored.chosen!.durationMinutes * 60_000);

    const outsider = app.composed.calendarLinks.urlFor(TENANT_ID, stored, fatima.aadObjectId).replace(/^https?:\/\/[^/]+/, app.baseUrl);
    expect((await fetch(outsider)).status).toBe(403);
    expect((await fetch(`${url.slice(0, -3)}abc`)).status).toBe(403);
  });

  it('reminds both the day before and an hour before, once each, also across a restart', async () => {
    const chosen = (await app.composed.repositories.appointments.listForTrajectory(TENANT_ID, 'default', trajectoryId))[0].appointment.chosen!;
    const dayBefore = new Date(chosen.start.getTime() - 86_400_000);
    dayBefore.setUTCHours(15, 5, 0, 0); // 16:05 in Amsterdam (winter time)
    clock = dayBefore;
    expect(await sendDueReminders(app.composed.appointmentJobOptions, clock)).toBe(1);
    await delivered(app);
    expect(connector.to(personalChatOf(sanne)).map((sent) => sent.activity.text)).toEqual([expect.stringContaining('Herinnering: morgen intakegesprek met Marieke Jansen')]);
    expect(connector.to(personalChatOf(marieke)).map((sent) => sent.activity.text)).toEqual([expect.stringContaining('Herinnering: morgen intakegesprek met Sanne de Vries')]);
    expect(await sendDueReminders(app.composed.appointmentJobOptions, clock)).toBe(0);

    const restarted = await startTestApp(env, now);
    expect(await sendDueReminders(restarted.composed.appointmentJobOptions, new Date(clock.getTime() + 60_000))).toBe(0);
    clock = new Date(chosen.start.getTime() - 50 * 60_000);
    expect(await sendDueReminders(restarted.composed.appointmentJobOptions, clock)).toBe(1);
    expect(await sendDueReminders(app.composed.appointmentJobOptions, clock)).toBe(0);
    await delivered(restarted);
    await restarted.close();
    expect(connector.to(personalChatOf(sanne)).at(-1)?.activity.text).toContain('Over een uur');
  });

  it('asks the begeleider to mark it done afterwards; done moves the trajectory on and opens planning of opname 1', async () => {
    const stored = (await app.composed.repositories.appointments.listForTrajectory(TENANT_ID, 'default', trajectoryId))[0].appointment;
    clock = new Date(stored.chosen!.start.getTime() + 2 * 3_600_000);
    expect(await promptDoneAppointments(app.composed.appointmentJobOptions, clock)).toBe(1);
    expect(await promptDoneAppointments(app.composed.appointmentJobOptions, clock)).toBe(0);
    await delivered(app);
    expect(cardIn(connector.to(personalChatOf(marieke))[0]).text).toContain('Is intakegesprek geweest?');

    connector.clear();
    const done = valueOf(await act(marieke, 'schedule.done', { appointmentId: stored.id, cycles: '2', agreements: 'We kijken naar de start na de pauze.', note: 'privé' }));

    expect(done.text).toContain('Afgerond.');
    expect((await trajectory()).phase).toEqual({ kind: 'opname', cycle: 1 });
    expect((await trajectory()).cycles).toBe(2);
    expect(cardIn(connector.to(personalChatOf(marieke)).at(-1)).text).toContain('Plan: Opname 1 met Sanne de Vries');
    const toTeacher = connector.to(personalChatOf(sanne)).map((sent) => sent.activity.text ?? '');
    expect(toTeacher.join(' ')).toContain('We kijken naar de start na de pauze.');
    expect(toTeacher.join(' ')).not.toContain('privé');
  });

  it('lets either side move or cancel; an old card cannot confirm and a cancelled appointment gets no reminder', async () => {
    clock = new Date('2026-11-30T08:00:00Z'); // Monday
    await act(marieke, 'schedule.propose', { trajectoryId, ...slotsFor([['2026-12-01', '10:00', '30']]) });
    const first = (await app.composed.repositories.appointments.listForTrajectory(TENANT_ID, 'default', trajectoryId)).find((s) => s.appointment.kind === 'opname')!.appointment;
    await act(sanne, 'schedule.choose', { appointmentId: first.id, slot: '0', sequence: String(first.sequence) });

    // The begeleider moves it: a new proposal with a higher sequence; the old card no longer confirms.
    expect(valueOf(await act(marieke, 'schedule.move', { appointmentId: first.id })).text).toContain('Plan: Opname 1');
    await act(marieke, 'schedule.propose', { trajectoryId, ...slotsFor([['2026-12-02', '11:00', '30']]) });
    const stale = valueOf(await act(sanne, 'schedule.choose', { appointmentId: first.id, slot: '0', sequence: String(first.sequence) }));
    expect(stale.text).toContain('geldt niet meer');
    const moved = (await app.composed.repositories.appointments.get(TENANT_ID, 'default', first.id))!.appointment;
    await act(sanne, 'schedule.choose', { appointmentId: first.id, slot: '0', sequence: String(moved.sequence) });

    connector.clear();
    const cancelled = valueOf(await act(sanne, 'schedule.cancel', { appointmentId: first.id }));
    expect(cancelled.text).toContain('Afgezegd.');
    expect(connector.to(personalChatOf(marieke)).map((sent) => sent.activity.text).join(' ')).toContain('Sanne de Vries heeft opname 1 van wo 2 dec, 11:00–11:30 afgezegd.');
    expect((await trajectory()).phase).toEqual({ kind: 'opname', cycle: 1 });

    clock = new Date('2026-12-02T09:30:00Z');
    expect(await sendDueReminders(app.composed.appointmentJobOptions, clock)).toBe(0);
    const after = (await app.composed.repositories.appointments.get(TENANT_ID, 'default', first.id))!.appointment;
    const ics = await (await fetch(app.composed.calendarLinks.urlFor(TENANT_ID, after, sanne.aadObjectId).replace(/^https?:\/\/[^/]+/, app.baseUrl))).text();
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain(`SEQUENCE:${after.sequence}`);
  });
});

describe('a moved appointment is reminded at its new time (real storage on Azurite)', () => {
  const connector = new RecordingConnector();
  let clock = new Date('2026-11-23T09:00:00Z'); // Monday
  const now = () => clock;
  let serviceUrl: string;
  let app: TestApp;

  beforeAll(async () => {
    serviceUrl = await connector.start();
    app = await startTestApp({ INITIAL_BEHEERDERS: fatima.aadObjectId }, now);
    await seedSchool(app, serviceUrl, { beheerder: fatima, svibbers: [marieke], others: [sanne] });
  });
  afterAll(async () => {
    await app.close();
    await connector.stop();
  });

  it('sends the day-before reminder again for the new day', async () => {
    const act = (person: Person, verb: string, data: Record<string, unknown> = {}) => post(app.baseUrl, cardAction({ serviceUrl, from: person }, verb, data));
    await act(sanne, 'request.start');
    const formId = actionsOf(cardIn(connector.to(personalChatOf(sanne)).at(-1)))[0].data!.formId;
    await act(sanne, 'intake.submit', { formId, ...validIntake });
    const trajectoryId = String(actionsOf(cardIn(connector.to(personalChatOf(marieke)).at(-1))).find((a) => a.verb === 'request.takeUp')!.data!.trajectoryId);
    await act(marieke, 'request.takeUp', { trajectoryId });
    const propose = async (date: string) => {
      await act(marieke, 'schedule.propose', { trajectoryId, date1: date, time1: '10:00', duration1: '30' });
      const stored = (await app.composed.repositories.appointments.listForTrajectory(TENANT_ID, 'default', trajectoryId))[0].appointment;
      await act(sanne, 'schedule.choose', { appointmentId: stored.id, slot: '0', sequence: String(stored.sequence) });
      return stored.id;
    };

    const id = await propose('2026-11-25');
    clock = new Date('2026-11-24T15:30:00Z');
    expect(await sendDueReminders(app.composed.appointmentJobOptions, clock)).toBe(1);

    await act(marieke, 'schedule.move', { appointmentId: id });
    await propose('2026-11-26');
    clock = new Date('2026-11-25T15:30:00Z');
    expect(await sendDueReminders(app.composed.appointmentJobOptions, clock)).toBe(1);
  });
});
