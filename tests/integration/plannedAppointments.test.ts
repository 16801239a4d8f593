import { actionsOf } from '../support/cardActions';
import { RecordingConnector, type SentActivity } from '../support/recordingConnector';
import { seedSchool, validIntake } from '../support/requestFlow';
import { cardAction, fatima, marieke, message, personalChatOf, post, sanne, TENANT_ID, type Person } from '../support/teamsActivities';
import { startTestApp, type TestApp } from '../support/testApp';

function textOf(answer: { body?: Record<string, unknown> }): string {
  return JSON.stringify(answer.body?.value ?? '');
}

function cardOf(sent: SentActivity | undefined): unknown {
  return sent?.activity.attachments?.[0]?.content;
}

/**
 * Issue 14, items 1, 2 and 9: once a step has an appointment it is moved or cancelled rather than
 * planned again, everyone is told and calendars follow, and every list shows the planned moment.
 */
describe('a planned step as both parties see it (real storage on Azurite, controllable clock)', () => {
  const connector = new RecordingConnector();
  let clock = new Date('2026-11-25T10:00:00Z'); // Wednesday 11:00 in Amsterdam
  let serviceUrl: string;
  let app: TestApp;
  let trajectoryId: string;
  const appointments = () => app.composed.repositories.appointments.listForTrajectory(TENANT_ID, 'default', trajectoryId);
  const act = (person: Person, verb: string, data: Record<string, unknown> = {}) => post(app.baseUrl, cardAction({ serviceUrl, from: person }, verb, data));
  const say = (person: Person, text: string) => post(app.baseUrl, message({ serviceUrl, from: person }, text));
  const propose = (date: string, time: string) => act(marieke, 'schedule.propose', { trajectoryId, date1: date, time1: time, duration1: '30', location1: 'lokaal 12' });
  const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, app.baseUrl);
  const lastCardTo = (person: Person) => JSON.stringify(cardOf(connector.to(personalChatOf(person)).filter((sent) => sent.activity.attachments).at(-1)));

  beforeAll(async () => {
    serviceUrl = await connector.start();
    app = await startTestApp({ INITIAL_BEHEERDERS: fatima.aadObjectId, PUBLIC_BASE_URL: '' }, () => clock);
    await seedSchool(app, serviceUrl, { beheerder: fatima, svibbers: [marieke], others: [sanne] });
    await act(sanne, 'request.start');
    const formId = actionsOf(cardOf(connector.to(personalChatOf(sanne)).at(-1)))[0].data!.formId;
    await act(sanne, 'intake.submit', { formId, ...validIntake });
    trajectoryId = String(actionsOf(cardOf(connector.to(personalChatOf(marieke)).at(-1))).find((a) => a.verb === 'request.takeUp')!.data!.trajectoryId);
    await act(marieke, 'request.takeUp', { trajectoryId });
  }, 30_000);
  afterAll(async () => {
    await app.close();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  it('shows the SVIB\'er what she proposed, lets her withdraw it, and tells the teacher on her own card', async () => {
    const proposed = textOf(await propose('2026-11-26', '10:15'));
    expect(proposed).toContain('Voorgesteld');
    expect(proposed).toContain('do 26 nov, 10:15–10:45 · lokaal 12');
    expect(proposed).toContain('Voorstel intrekken');
    const chooseCard = connector.to(personalChatOf(sanne)).find((sent) => sent.activity.attachments)!;
    expect(JSON.stringify(cardOf(chooseCard))).toContain('Jouw voorkeur: dinsdag, donderdag, ochtend');
    expect(JSON.stringify(cardOf(chooseCard))).not.toContain('Voorkeur van Sanne');

    connector.clear();
    const appointmentId = (await appointments())[0].appointment.id;
    expect(textOf(await act(marieke, 'schedule.cancel', { appointmentId }))).toContain('Voorstel ingetrokken.');
    const toSanne = connector.to(personalChatOf(sanne));
    expect(toSanne.map((sent) => sent.activity.text ?? '').join(' ')).toContain('Marieke Jansen heeft het voorstel voor intakegesprek ingetrokken.');
    const updated = toSanne.find((sent) => sent.updatedActivityId === chooseCard.activity.id);
    expect(JSON.stringify(cardOf(updated))).toContain('Voorstel ingetrokken.');
  });

  let confirmedCardId: string;

  it('shows the confirmed moment as the next step in Mijn trajecten, Mijn begeleidingen and the detail card', async () => {
    await propose('2026-11-26', '10:15');
    const stored = (await appointments())[0].appointment;
    confirmedCardId = connector.to(personalChatOf(sanne)).filter((sent) => sent.activity.attachments).at(-1)!.activity.id!;
    expect(textOf(await act(sanne, 'schedule.choose', { appointmentId: stored.id, slot: '0', sequence: String(stored.sequence) }))).toContain('Afgesproken');
    connector.clear();

    await say(sanne, 'mijn trajecten');
    expect(lastCardTo(sanne)).toContain('Intakegesprek: do 26 nov, 10:15–10:45');
    expect(lastCardTo(sanne)).not.toContain('het intakegesprek te plannen');
    await say(marieke, 'mijn begeleidingen');
    expect(lastCardTo(marieke)).toContain('Intakegesprek: do 26 nov, 10:15–10:45');
    expect(lastCardTo(marieke)).not.toContain('Plan het intakegesprek');

    await act(marieke, 'trajectory.open', { trajectoryId });
    const detail = cardOf(connector.to(personalChatOf(marieke)).at(-1));
    const titles = actionsOf(detail).map((action) => action.title);
    expect(titles).toEqual(expect.arrayContaining(['Verplaatsen', 'Afzeggen']));
    expect(titles).not.toContain('Plan intakegesprek');
    expect(JSON.stringify(detail)).toContain('Intakegesprek: do 26 nov, 10:15–10:45');
    expect(JSON.stringify(detail)).toContain('Afspraak voor intakegesprek: do 26 nov, 10:15–10:45.');
  });

  it('refuses to mark the intake as held before its planned moment, and says when it is', async () => {
    const answer = textOf(await act(marieke, 'trajectory.step', { trajectoryId, step: 'startIntake', cycle: '0' }));
    expect(answer).toContain('Intakegesprek staat gepland op do 26 nov, 10:15–10:45');
    const [own] = await app.composed.trajectoryService.myTrajectories({ tenantId: TENANT_ID, schoolId: 'default', userId: sanne.aadObjectId, name: sanne.name, roles: ['leerkracht'] });
    expect(own.phase.kind).toBe('toegewezen');
    const stored = (await appointments())[0].appointment;
    expect(textOf(await act(marieke, 'schedule.done', { appointmentId: stored.id }))).toContain('staat gepland op');
    expect((await appointments())[0].appointment.status).toBe('confirmed');
  });

  it('answers Plan with the existing appointment instead of a second plan', async () => {
    await act(marieke, 'schedule.plan', { trajectoryId });
    const sent = JSON.stringify(cardOf(connector.to(personalChatOf(marieke)).at(-1)));
    expect(sent).toContain('Hier staat al een afspraak');
    expect(sent).toContain('Verplaatsen');
    expect(sent).not.toContain('Plan: Intakegesprek');
  });

  it('moves a confirmed appointment: the teacher is told, her old card lapses in place with a cancelling .ics, the new one updates it', async () => {
    const before = (await appointments())[0].appointment;
    expect(textOf(await act(marieke, 'schedule.move', { appointmentId: before.id }))).toContain('Je verplaatst intakegesprek van do 26 nov, 10:15–10:45');
    await propose('2026-11-27', '09:00');

    const toSanne = connector.to(personalChatOf(sanne));
    expect(toSanne.map((sent) => sent.activity.text ?? '').join(' ')).toContain('Marieke Jansen verplaatst intakegesprek van do 26 nov, 10:15–10:45: dat moment vervalt.');
    const lapsed = toSanne.find((sent) => sent.updatedActivityId === confirmedCardId);
    expect(JSON.stringify(cardOf(lapsed))).toContain('Verplaatst: do 26 nov, 10:15–10:45 vervalt.');
    const removeLink = actionsOf(cardOf(lapsed)).find((action) => action.title === 'Haal uit mijn agenda');
    const cancelling = await fetch(local(removeLink!.url!));
    expect(cancelling.status).toBe(200);
    const cancelIcs = await cancelling.text();
    expect(cancelIcs).toContain('METHOD:CANCEL');
    expect(cancelIcs).toContain('DTSTART;TZID=Europe/Amsterdam:20261126T101500');
    // An old card with Verplaatsen says what happened instead of that the appointment does not exist.
    expect(textOf(await act(sanne, 'schedule.move', { appointmentId: before.id }))).toContain('al verplaatst');

    const moved = (await appointments())[0].appointment;
    const chosen = textOf(await act(sanne, 'schedule.choose', { appointmentId: moved.id, slot: '0', sequence: String(moved.sequence) }));
    expect(chosen).toContain('Afgesproken: vr 27 nov, 09:00–09:30');
    const confirmed = (await appointments())[0].appointment;
    const ics = await (await fetch(local(app.composed.calendarLinks.urlFor(TENANT_ID, confirmed, sanne.aadObjectId)))).text();
    expect(ics).toContain('METHOD:REQUEST');
    const sequence = (text: string) => Number(/SEQUENCE:(\d+)/.exec(text)![1]);
    expect(sequence(ics)).toBeGreaterThan(sequence(cancelIcs));
  });

  it('lets the intake be marked held once its moment has passed', async () => {
    clock = new Date('2026-11-27T09:00:00Z');
    const answer = textOf(await act(marieke, 'trajectory.step', { trajectoryId, step: 'startIntake', cycle: '0' }));
    expect(answer).toContain('Opgeslagen.');
    // The appointment is closed with it, so no done prompt asks about it later.
    expect((await appointments())[0].appointment.status).toBe('done');
  });
});
