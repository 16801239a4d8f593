import { validIntake } from '../support/requestFlow';
import { useSchool } from '../support/school';
import { cardAction, joost, lotte, marieke, message, peter, personalChatOf, post, sanne, TENANT_ID, type Person } from '../support/teamsActivities';

function shown(answer: { body?: Record<string, unknown> }): string {
  return JSON.stringify(answer.body?.value);
}

describe('a trajectory proposed as scholingsopdracht starts only when the teacher accepts (real storage on Azurite)', () => {
  const school = useSchool({ svibbers: [marieke, joost], others: [sanne, lotte, peter] });

  beforeAll(async () => {
    await school.app.composed.directory.changeRole(school.beheerder, { userId: peter.aadObjectId }, 'directie', 'grant');
  });

  const act = (person: Person, verb: string, data: Record<string, unknown> = {}) => post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: person }, verb, data));
  const trajectoriesOf = (person: Person) =>
    school.app.composed.trajectoryService.myTrajectories({ tenantId: TENANT_ID, schoolId: 'default', userId: person.aadObjectId, name: person.name, roles: ['leerkracht'] });
  const proposal = { goal: 'Werken aan rust in de groep als onderdeel van het inductieplan.', helpQuestionKind: 'starter', focus: 'organisatie' };

  async function propose(to: Person, formId: string) {
    return act(peter, 'proposal.submit', { formId, teacherUserId: to.aadObjectId, ...proposal });
  }

  it('is only for directie and SVIB’ers', async () => {
    await post(school.app.baseUrl, message({ serviceUrl: school.serviceUrl, from: sanne }, 'voorstellen'));
    expect(school.connector.to(personalChatOf(sanne))[0].activity.text).toContain('kan alleen de directie');
    expect(shown(await act(sanne, 'proposal.submit', { formId: 'f-1', teacherUserId: lotte.aadObjectId, ...proposal }))).toContain('kan alleen de directie');
  });

  it('shows the directie the form with colleagues to pick', async () => {
    await post(school.app.baseUrl, message({ serviceUrl: school.serviceUrl, from: peter }, 'voorstellen'));
    const form = JSON.stringify(school.connector.to(personalChatOf(peter))[0].activity.attachments![0].content);
    expect(form).toContain('Traject voorstellen');
    expect(form).toContain('Sanne de Vries');
    expect(form).not.toContain('Peter Bakker');
  });

  it.each([
    [{ goal: '' }, 'Beschrijf kort het doel'],
    [{ teacherUserId: '', teacherEmail: 'onbekend@regenboog.example.nl' }, 'heeft de SVIB-bot nog niet gebruikt'],
    [{ teacherUserId: '', teacherEmail: 'geen adres' }, 'Dit e-mailadres klopt niet'],
    [{ focus: 'koken' }, 'Deze keuze ken ik niet'],
    [{ teacherUserId: peter.aadObjectId }, 'Voor jezelf hoef je niets voor te stellen'],
  ])('shows the form again for %o and sends nothing', async (change, problem) => {
    const answer = await act(peter, 'proposal.submit', { formId: `bad-${Math.random()}`.replace('.', ''), teacherUserId: sanne.aadObjectId, ...proposal, ...change });
    expect(shown(answer)).toContain(problem);
    expect(school.connector.sent).toHaveLength(0);
  });

  it('sends the teacher a proposal that says taking part is voluntary, and tells no SVIB’er yet', async () => {
    const answer = await propose(sanne, 'proposal-sanne');

    expect(shown(answer)).toContain('Je voorstel is verstuurd naar Sanne de Vries.');
    const card = JSON.stringify(school.connector.to(personalChatOf(sanne))[0].activity.attachments![0].content);
    expect(card).toContain('Peter Bakker stelt je een SVIB-traject voor');
    expect(card).toContain('Meedoen is vrijwillig');
    expect(card).toContain('Ik doe mee');
    expect(school.connector.to(personalChatOf(marieke))).toHaveLength(0);
    expect((await trajectoriesOf(sanne)).map((t) => t.phase.kind)).toEqual(['voorgesteld']);
  });

  it('does not send the same proposal twice', async () => {
    expect(shown(await propose(sanne, 'proposal-sanne'))).toContain('Dit voorstel had je al verstuurd');
    expect(school.connector.sent).toHaveLength(0);
  });

  it('lets only the teacher accept, with their own intake answers; then the SVIB’ers hear of it', async () => {
    const [proposed] = await trajectoriesOf(sanne);
    expect(shown(await act(lotte, 'proposal.accept', { trajectoryId: proposed.id }))).toContain('niet van jou');

    const form = (await act(sanne, 'proposal.accept', { trajectoryId: proposed.id })).body!.value as { actions: { data: { proposalId: string } }[] };
    expect(JSON.stringify(form)).toContain('Werken aan rust in de groep');
    const proposalId = form.actions[0].data.proposalId;
    expect(proposalId).toBe(proposed.id);

    school.connector.clear();
    const accepted = await act(sanne, 'intake.submit', { formId: 'accept-form', proposalId, ...validIntake });

    expect(shown(accepted)).toContain('Je aanvraag is verstuurd');
    expect((await trajectoriesOf(sanne))[0].phase.kind).toBe('aangevraagd');
    // Directie hears nothing per teacher, not even without a name: the moment alone would tell whose answer it was.
    expect(school.connector.to(personalChatOf(peter))).toEqual([]);
    expect(JSON.stringify(school.connector.to(personalChatOf(marieke))[0].activity)).toContain('Nieuwe aanvraag');
    expect(JSON.stringify(school.connector.to(personalChatOf(sanne)).find((sent) => sent.updatedActivityId)?.activity)).toContain('Je doet mee.');
  });

  it('lets the teacher decline, and tells a directie proposer nothing about her', async () => {
    await propose(lotte, 'proposal-lotte');
    const [proposed] = await trajectoriesOf(lotte);
    school.connector.clear();

    const answer = await act(lotte, 'proposal.decline', { trajectoryId: proposed.id, reason: 'Dit jaar liever niet.' });

    expect(shown(answer)).toContain('Je doet niet mee met dit voorstel.');
    expect(school.connector.to(personalChatOf(peter))).toEqual([]);
    expect((await trajectoriesOf(lotte))[0].phase).toMatchObject({ kind: 'geannuleerd', by: 'teacher' });
    expect(school.connector.to(personalChatOf(marieke))).toHaveLength(0);
  });

  it('shows directie how its proposals went as figures only, never who', async () => {
    await post(school.app.baseUrl, message({ serviceUrl: school.serviceUrl, from: peter }, 'voorstellen'));
    const form = JSON.stringify(school.connector.to(personalChatOf(peter))[0].activity.attachments![0].content);

    expect(form).toContain('Je voorstellen tot nu toe: 1 van de 2 aangenomen.');
    expect(form).not.toContain('meedoet met het voorgestelde');
    expect(form).not.toContain('doet mee');
  });

  it('tells directie when sending that it will not hear per person', async () => {
    const answer = await propose(joost, 'proposal-joost');
    expect(shown(answer)).toContain('Of iemand meedoet hoor je niet per persoon');
  });

  it('does tell an SVIB’er who proposed, by name, whether the teacher takes part', async () => {
    await act(marieke, 'proposal.submit', { formId: 'proposal-by-marieke', teacherUserId: sanne.aadObjectId, ...proposal });
    const proposed = (await trajectoriesOf(sanne)).find((trajectory) => trajectory.phase.kind === 'voorgesteld')!;
    school.connector.clear();

    await act(sanne, 'proposal.decline', { trajectoryId: proposed.id });

    expect(school.connector.to(personalChatOf(marieke)).map((sent) => sent.activity.text)).toContain('Sanne de Vries doet niet mee met het voorgestelde traject.');
  });
});
