import { RecordingConnector } from '../support/recordingConnector';
import { botAdded, cardAction, fatima, joost, lotte, marieke, message, personalChatOf, post, sanne, TENANT_ID, type Person } from '../support/teamsActivities';
import { startTestApp, type TestApp } from '../support/testApp';

function valueOf(answer: { body?: Record<string, unknown> }): string {
  return JSON.stringify(answer.body?.value);
}

describe('roles per school: Instellingen → Rollen (real storage on Azurite)', () => {
  const connector = new RecordingConnector();
  let serviceUrl: string;
  let app: TestApp;

  beforeAll(async () => {
    serviceUrl = await connector.start();
    connector.members.set(lotte.id, { email: 'Lotte.Smit@regenboog.example.nl', aadObjectId: lotte.aadObjectId, name: lotte.name });
    connector.members.set(fatima.id, { email: 'fatima@regenboog.example.nl', aadObjectId: fatima.aadObjectId, name: fatima.name });
    app = await startTestApp({ INITIAL_BEHEERDERS: fatima.aadObjectId });
    for (const person of [fatima, marieke, sanne, joost]) await post(app.baseUrl, botAdded({ serviceUrl, from: person }));
  });
  afterAll(async () => {
    await app.close();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  const act = (person: Person, verb: string, data: Record<string, unknown> = {}) => post(app.baseUrl, cardAction({ serviceUrl, from: person }, verb, data));
  const rolesOf = async (person: Person) =>
    (await app.composed.directory.actorFor({ tenantId: TENANT_ID, userId: person.aadObjectId, name: person.name, fetchEmail: async () => undefined })).roles;

  it('refuses the roles card to someone who is not a beheerder, politely and in Dutch', async () => {
    await post(app.baseUrl, message({ serviceUrl, from: sanne }, 'instellingen'));
    expect(connector.to(personalChatOf(sanne))[0].activity.text).toContain('Instellingen zijn voor de beheerder van de SVIB-bot. Op jouw school is dat Fatima El Amrani');

    const answer = await act(sanne, 'roles.grant', { userId: sanne.aadObjectId, role: 'beheerder' });
    expect(valueOf(answer)).toContain('Rollen aanpassen kan alleen een beheerder');
    expect(await rolesOf(sanne)).toEqual(['leerkracht']);
  });

  it('shows the configured first beheerder the roles card with colleagues to pick', async () => {
    await post(app.baseUrl, message({ serviceUrl, from: fatima }, 'instellingen'));
    const card = JSON.stringify(connector.to(personalChatOf(fatima))[0].activity.attachments![0].content);

    expect(card).toContain('Instellingen → Rollen');
    expect(card).toContain('Fatima El Amrani');
    expect(card).toContain('Marieke Jansen');
    expect(card).toContain('Rol toekennen');
  });

  it('gives a picked colleague a role', async () => {
    const answer = await act(fatima, 'roles.grant', { userId: marieke.aadObjectId, role: 'svibber' });

    expect(valueOf(answer)).toContain("Marieke Jansen is nu SVIB'er.");
    expect(await rolesOf(marieke)).toEqual(['leerkracht', 'svibber']);
  });

  it('gives a role by e-mail to someone the bot has not met, which they hold once they first talk to it', async () => {
    const answer = await act(fatima, 'roles.grant', { email: ' lotte.smit@regenboog.example.nl ', role: 'directie' });
    expect(valueOf(answer)).toContain('nog niet aangemeld bij de bot');

    await post(app.baseUrl, message({ serviceUrl, from: lotte }, 'hulp'));

    expect(await rolesOf(lotte)).toEqual(['leerkracht', 'directie']);
    const members = await app.composed.directory.membersOf(TENANT_ID, 'default');
    expect(members.map((member) => member.userId)).not.toContain('mail:lotte.smit@regenboog.example.nl');
  });

  it.each([
    [{ email: 'geen-adres', role: 'svibber' }, 'Dit e-mailadres klopt niet'],
    [{ role: 'svibber' }, 'Kies een collega of typ een e-mailadres.'],
    [{ userId: joost.aadObjectId, role: 'koning' }, 'Kies een rol.'],
    [{ userId: joost.aadObjectId, role: 'leerkracht' }, 'Kies een rol.'],
  ])('shows the card again with the problem for %o and changes nothing', async (data, problem) => {
    const answer = await act(fatima, 'roles.grant', data);
    expect(valueOf(answer)).toContain(problem);
    expect(await rolesOf(joost)).toEqual(['leerkracht']);
  });

  it('takes a role away', async () => {
    await act(fatima, 'roles.grant', { userId: joost.aadObjectId, role: 'ib' });
    const answer = await act(fatima, 'roles.revoke', { userId: joost.aadObjectId, role: 'ib' });

    expect(valueOf(answer)).toContain("Joost Visser is geen IB'er meer.");
    expect(await rolesOf(joost)).toEqual(['leerkracht']);
  });

  it('never lets the last beheerder remove their own role', async () => {
    const answer = await act(fatima, 'roles.revoke', { userId: fatima.aadObjectId, role: 'beheerder' });
    expect(valueOf(answer)).toContain('Je eigen rollen kun je niet aanpassen');
    expect(await rolesOf(fatima)).toEqual(['leerkracht', 'beheerder']);
  });

  it.each([
    ['picked', { userId: fatima.aadObjectId, role: 'svibber' }],
    ['typed as her own e-mail address', { email: 'Fatima@Regenboog.example.nl', role: 'svibber' }],
    ['picked, directie', { userId: fatima.aadObjectId, role: 'directie' }],
  ])('never lets a beheerder grant herself a role (%s)', async (_how, data) => {
    const answer = await act(fatima, 'roles.grant', data);
    expect(valueOf(answer)).toContain('Je eigen rollen kun je niet aanpassen');
    expect(await rolesOf(fatima)).toEqual(['leerkracht', 'beheerder']);
    const members = await app.composed.directory.membersOf(TENANT_ID, 'default');
    expect(members.map((member) => member.userId)).not.toContain('mail:fatima@regenboog.example.nl');
  });

  it('stops a directie member who is also beheerder from making himself SVIB’er', async () => {
    await act(fatima, 'roles.grant', { userId: joost.aadObjectId, role: 'directie' });
    await act(fatima, 'roles.grant', { userId: joost.aadObjectId, role: 'beheerder' });
    expect(await rolesOf(joost)).toEqual(['leerkracht', 'directie', 'beheerder']);

    const answer = await act(joost, 'roles.grant', { userId: joost.aadObjectId, role: 'svibber' });
    expect(valueOf(answer)).toContain('Je eigen rollen kun je niet aanpassen');
    expect(await rolesOf(joost)).toEqual(['leerkracht', 'directie', 'beheerder']);
  });

  it.each([
    ['directie to the SVIB’er', () => marieke, 'directie', "Deze persoon is SVIB'er, en SVIB'er en Directie gaan niet samen bij één persoon."],
    ['SVIB’er to directie', () => lotte, 'svibber', "Deze persoon is Directie, en Directie en SVIB'er gaan niet samen bij één persoon."],
    ['IB’er to directie', () => lotte, 'ib', "Deze persoon is Directie, en Directie en IB'er gaan niet samen bij één persoon."],
  ])('refuses %s, naming the conflict in Dutch, even when another beheerder asks', async (_label, personOf, role, reason) => {
    const person = personOf();
    const before = await rolesOf(person);
    const answer = await act(fatima, 'roles.grant', { userId: person.aadObjectId, role });
    expect(valueOf(answer)).toContain(reason);
    expect(valueOf(answer)).toContain('nooit de inhoud van een traject');
    expect(await rolesOf(person)).toEqual(before);
  });
});
