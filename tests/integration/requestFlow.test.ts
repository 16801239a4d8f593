import { validIntake } from '../support/requestFlow';
import { useSchool } from '../support/school';
import { cardAction, fatima, joost, lotte, marieke, message, peter, personalChatOf, post, sanne, type Person } from '../support/teamsActivities';

type InvokeCard = { body?: unknown[]; actions?: { title: string; verb?: string; data?: Record<string, unknown> }[] };

function cardOf(answer: { body?: Record<string, unknown> }): InvokeCard & { text: string } {
  const value = answer.body?.value as InvokeCard | string;
  if (typeof value === 'string') return { text: value };
  return { ...value, text: JSON.stringify(value) };
}

describe('a teacher requests begeleiding and an SVIB’er takes it up (real storage on Azurite)', () => {
  const school = useSchool({ svibbers: [marieke, joost], others: [sanne, lotte, peter] });

  const act = (person: Person, verb: string, data: Record<string, unknown> = {}) => post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: person }, verb, data));
  const trajectoriesOf = (person: Person) => school.app.composed.trajectoryService.myTrajectories({ tenantId: '6b3c1f0e-5d2a-4c8e-9f10-2a7d4e5b6c01', schoolId: 'default', userId: person.aadObjectId, name: person.name, roles: ['leerkracht'] });

  async function openIntakeForm(person: Person): Promise<string> {
    await act(person, 'request.start');
    const form = school.connector.to(personalChatOf(person)).at(-1)!.activity.attachments![0].content;
    return String(form.actions!.find((action) => action.verb === 'intake.submit')!.data!.formId);
  }

  async function requestAs(person: Person, intake: Record<string, unknown> = validIntake) {
    const formId = await openIntakeForm(person);
    school.connector.clear();
    return { formId, answer: await act(person, 'intake.submit', { formId, ...intake }) };
  }

  it('shows the intake form with the three intake questions when the teacher clicks Begeleiding aanvragen', async () => {
    await act(sanne, 'request.start');
    const form = JSON.stringify(school.connector.to(personalChatOf(sanne))[0].activity.attachments![0].content);

    for (const question of ['Wat gebeurt er?', 'Wat wil ik anders?', 'Wat wil ik bereiken?', 'Eén leerling', 'Basiscommunicatie', 'Aanvraag versturen']) {
      expect(form).toContain(question);
    }
  });

  it('opens the same form for a typed "aanvragen"', async () => {
    await post(school.app.baseUrl, message({ serviceUrl: school.serviceUrl, from: lotte }, 'aanvragen'));
    expect(JSON.stringify(school.connector.to(personalChatOf(lotte))[0].activity.attachments![0].content)).toContain('Wat wil ik bereiken?');
  });

  it('replaces the form with a summary and tells every SVIB’er without showing them the answers', async () => {
    const before = (await trajectoriesOf(sanne)).length;
    const { answer } = await requestAs(sanne);

    expect(answer.status).toBe(200);
    expect(cardOf(answer).text).toContain('Je aanvraag is verstuurd');
    expect(await trajectoriesOf(sanne)).toHaveLength(before + 1);
    for (const svibber of [marieke, joost]) {
      const cards = school.connector.to(personalChatOf(svibber));
      expect(cards).toHaveLength(1);
      const shown = JSON.stringify(cards[0].activity.attachments![0].content);
      expect(shown).toContain('Nieuwe aanvraag');
      expect(shown).toContain('Sanne de Vries');
      expect(shown).toContain('Ik pak dit op');
      expect(shown).not.toContain(validIntake.whatHappens);
    }
    expect(school.connector.to(personalChatOf(peter))).toHaveLength(0);
    expect(school.connector.to(personalChatOf(fatima))).toHaveLength(0);
  });

  it('never creates a second trajectory when the same submit arrives again', async () => {
    const { formId } = await requestAs(lotte);
    school.connector.clear();
    const again = await act(lotte, 'intake.submit', { formId, ...validIntake });

    expect(cardOf(again).text).toContain('Deze aanvraag had je al verstuurd');
    expect(await trajectoriesOf(lotte)).toHaveLength(1);
    expect(school.connector.sent).toHaveLength(0);
  });

  it.each([
    ['a missing answer', { whatHappens: '' }, 'Vul dit nog in.'],
    ['a text that is too long', { whatToReach: 'x'.repeat(1001) }, 'Houd het bij 1000 tekens.'],
    ['an unknown choice', { helpQuestionKind: 'weather' }, 'Deze keuze ken ik niet'],
    ['an unchecked acknowledgement', { acknowledgedParentsInformed: 'false' }, 'Vink dit aan'],
  ])('shows the form again for %s, keeps what was typed, and writes nothing', async (_case, change, problem) => {
    const before = (await trajectoriesOf(sanne)).length;
    const { answer } = await requestAs(sanne, { ...validIntake, ...change });
    const card = cardOf(answer);

    expect(card.text).toContain(problem);
    expect(card.text).toContain('Bijna goed!');
    expect(card.text).toContain(validIntake.whatDifferent);
    expect(await trajectoriesOf(sanne)).toHaveLength(before);
    expect(school.connector.sent).toHaveLength(0);
  });

  it('lets one SVIB’er take it up, shows them the answers, tells the teacher and updates the other card in place', async () => {
    await requestAs(sanne);
    const card = school.connector.to(personalChatOf(joost))[0];
    const trajectoryId = card.activity.attachments![0].content.actions!.find((a) => a.verb === 'request.takeUp')!.data!.trajectoryId;
    school.connector.clear();

    const answer = await act(marieke, 'request.takeUp', { trajectoryId });

    expect(cardOf(answer).text).toContain(validIntake.whatHappens);
    expect(school.connector.to(personalChatOf(sanne)).map((sent) => sent.activity.text)).toContain(
      'Marieke Jansen heeft je aanvraag opgepakt en wordt je begeleider. Jullie plannen samen het intakegesprek.',
    );
    const updated = school.connector.to(personalChatOf(joost));
    expect(updated).toHaveLength(1);
    expect(updated[0].updatedActivityId).toBe(card.activity.id);
    expect(JSON.stringify(updated[0].activity.attachments![0].content)).toContain('Marieke Jansen heeft deze aanvraag opgepakt.');
    expect(JSON.stringify(updated[0].activity.attachments![0].content)).not.toContain(validIntake.whatHappens);
  });

  it('ends two simultaneous take-ups with exactly one begeleider; the other sees who took it', async () => {
    await requestAs(lotte);
    const trajectoryId = school.connector.to(personalChatOf(marieke))[0].activity.attachments![0].content.actions!.find((a) => a.verb === 'request.takeUp')!.data!.trajectoryId;

    const [first, second] = await Promise.all([act(marieke, 'request.takeUp', { trajectoryId }), act(joost, 'request.takeUp', { trajectoryId })]);
    const texts = [cardOf(first).text, cardOf(second).text];
    const stored = (await trajectoriesOf(lotte)).find((t) => t.id === trajectoryId)!;

    expect(texts.filter((text) => text.includes(validIntake.whatHappens))).toHaveLength(1);
    expect(texts.filter((text) => text.includes('heeft deze aanvraag opgepakt.'))).toHaveLength(1);
    expect(stored.timeline.filter((event) => event.what === 'takenUp')).toHaveLength(1);
    expect([marieke.aadObjectId, joost.aadObjectId]).toContain(stored.svibber?.userId);
  });

  it('lists the teacher’s trajectories with phase, begeleider and next step', async () => {
    await post(school.app.baseUrl, message({ serviceUrl: school.serviceUrl, from: sanne }, 'mijn trajecten'));
    const list = JSON.stringify(school.connector.to(personalChatOf(sanne))[0].activity.attachments![0].content);

    expect(list).toContain('Mijn trajecten');
    expect(list).toContain('Toegewezen');
    expect(list).toContain('Begeleider: Marieke Jansen');
    expect(list).toContain('Je begeleider neemt contact met je op');
  });

  it('refuses a trajectory id that is not the user’s, for opening and for stopping, and changes nothing', async () => {
    const [own] = await trajectoriesOf(sanne);
    for (const outsider of [lotte, peter, fatima]) {
      school.connector.clear();
      await act(outsider, 'trajectory.open', { trajectoryId: own.id });
      expect(school.connector.sent.map((sent) => sent.activity.text)).toEqual(['Dit traject kan ik niet vinden, of het is niet van jou.']);
      const stop = await act(outsider, 'trajectory.withdraw', { trajectoryId: own.id, reason: 'weg ermee' });
      expect(cardOf(stop).text).toContain('Dit traject kan ik niet vinden');
    }
    const after = (await trajectoriesOf(sanne)).find((t) => t.id === own.id)!;
    expect(after.timeline).toEqual(own.timeline);
  });

  it('answers a malformed trajectory id with the same Dutch message', async () => {
    const answer = await act(sanne, 'trajectory.withdraw', { trajectoryId: "x' or PartitionKey ne '" });
    expect(cardOf(answer).text).toBe('Dit traject kan ik niet vinden, of het is niet van jou.');
  });

  it('shows the teacher the timeline, and lets them withdraw a request before anyone took it', async () => {
    await requestAs(sanne);
    const open = (await trajectoriesOf(sanne)).find((t) => t.phase.kind === 'aangevraagd')!;
    school.connector.clear();

    await act(sanne, 'trajectory.open', { trajectoryId: open.id });
    const detail = JSON.stringify(school.connector.to(personalChatOf(sanne))[0].activity.attachments![0].content);
    expect(detail).toContain('Sanne de Vries heeft begeleiding aangevraagd.');
    expect(detail).toContain('Aanvraag intrekken');

    school.connector.clear();
    const answer = await act(sanne, 'trajectory.withdraw', { trajectoryId: open.id });
    expect(cardOf(answer).text).toContain('Je bent gestopt met dit traject.');
    expect((await trajectoriesOf(sanne)).find((t) => t.id === open.id)!.phase).toEqual({ kind: 'geannuleerd', by: 'teacher' });
    const svibberCard = school.connector.to(personalChatOf(joost)).find((sent) => sent.updatedActivityId);
    expect(JSON.stringify(svibberCard?.activity.attachments![0].content)).toContain('ingetrokken door de leerkracht');
  });

  it('shows an SVIB’er the open requests and their own trajectories, and refuses a teacher politely', async () => {
    await requestAs(lotte);
    school.connector.clear();
    await post(school.app.baseUrl, message({ serviceUrl: school.serviceUrl, from: joost }, 'mijn begeleidingen'));
    const guidance = JSON.stringify(school.connector.to(personalChatOf(joost))[0].activity.attachments![0].content);
    expect(guidance).toContain('Open aanvragen van je school');
    expect(guidance).toContain('Lotte Smit');

    await post(school.app.baseUrl, message({ serviceUrl: school.serviceUrl, from: sanne }, 'mijn begeleidingen'));
    expect(school.connector.to(personalChatOf(sanne))[0].activity.text).toContain('Mijn begeleidingen is voor SVIB');
  });

  it('lets the begeleider hand a trajectory to another SVIB’er; the teacher and the new begeleider are told', async () => {
    const taken = (await trajectoriesOf(sanne)).find((t) => t.svibber?.userId === marieke.aadObjectId && t.phase.kind === 'toegewezen')!;
    school.connector.clear();

    const answer = await act(marieke, 'trajectory.handOver', { trajectoryId: taken.id, toUserId: joost.aadObjectId });

    expect(cardOf(answer).text).toContain('Je traject heeft een nieuwe begeleider: Joost Visser.');
    expect(school.connector.to(personalChatOf(sanne)).map((sent) => sent.activity.text)).toContain('Je traject heeft een nieuwe begeleider: Joost Visser.');
    expect(school.connector.to(personalChatOf(joost)).map((sent) => sent.activity.text).join(' ')).toContain('aan jou overgedragen');
    expect((await trajectoriesOf(sanne)).find((t) => t.id === taken.id)!.svibber?.userId).toBe(joost.aadObjectId);
  });
});

describe('an SVIB’er declines an open request (real storage on Azurite)', () => {
  const school = useSchool({ svibbers: [marieke, joost], others: [sanne] });

  async function openRequest(): Promise<string> {
    await post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: sanne }, 'request.start'));
    const form = school.connector.to(personalChatOf(sanne)).at(-1)!.activity.attachments![0].content;
    const formId = form.actions!.find((action) => action.verb === 'intake.submit')!.data!.formId;
    school.connector.clear();
    await post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: sanne }, 'intake.submit', { formId, ...validIntake }));
    return String(school.connector.to(personalChatOf(marieke))[0].activity.attachments![0].content.actions!.find((a) => a.verb === 'request.takeUp')!.data!.trajectoryId);
  }

  it('asks for a reason first, on the same card', async () => {
    const trajectoryId = await openRequest();
    const answer = await post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: marieke }, 'trajectory.cancel', { trajectoryId, reason: '  ' }));

    expect(cardOf(answer).text).toContain('Schrijf kort op waarom');
    expect(cardOf(answer).text).toContain('Ik pak dit op');
  });

  it('tells the teacher with the reason and updates every SVIB’er card', async () => {
    const trajectoryId = await openRequest();
    school.connector.clear();
    const answer = await post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: marieke }, 'trajectory.cancel', { trajectoryId, reason: 'Ik ben deze maand met verlof.' }));

    expect(cardOf(answer).text).toContain('Deze aanvraag is gestopt door Marieke Jansen.');
    expect(school.connector.to(personalChatOf(sanne))[0].activity.text).toBe('Marieke Jansen kan je aanvraag niet oppakken. Toelichting: Ik ben deze maand met verlof. Je kunt altijd opnieuw begeleiding aanvragen.');
    expect(JSON.stringify(school.connector.to(personalChatOf(joost)).find((sent) => sent.updatedActivityId)?.activity)).toContain('gestopt door Marieke Jansen');
  });
});

describe('the begeleider follows the trajectory to its close (real storage on Azurite)', () => {
  const school = useSchool({ svibbers: [marieke], others: [sanne] });

  const act = (person: Person, verb: string, data: Record<string, unknown> = {}) => post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: person }, verb, data));
  const stepOf = (answer: { body?: Record<string, unknown> }) => {
    const text = JSON.stringify(answer.body?.value);
    const match = /"verb":"trajectory\.step","style":"positive","data":\{"trajectoryId":"[^"]+","step":"([^"]+)","cycle":"(\d+)"/.exec(text);
    return match ? { step: match[1], cycle: match[2] } : undefined;
  };

  it('moves from intake through the agreed number of cycles to afgesloten, keeping the teacher posted', async () => {
    await act(sanne, 'request.start');
    const formId = school.connector.to(personalChatOf(sanne)).at(-1)!.activity.attachments![0].content.actions![0].data!.formId;
    await act(sanne, 'intake.submit', { formId, ...validIntake });
    const trajectoryId = school.connector.to(personalChatOf(marieke)).at(-1)!.activity.attachments![0].content.actions!.find((a) => a.verb === 'request.takeUp')!.data!.trajectoryId;
    await act(marieke, 'request.takeUp', { trajectoryId });

    // The teacher cannot mark the begeleider's steps.
    expect(JSON.stringify((await act(sanne, 'trajectory.step', { trajectoryId, step: 'startIntake', cycle: '0' })).body?.value)).toContain('Dit kan alleen de begeleider');

    await act(marieke, 'trajectory.open', { trajectoryId });
    const detail = school.connector.to(personalChatOf(marieke)).at(-1)!.activity.attachments![0].content;
    let step = stepOf({ body: { value: detail } });
    const titles: string[] = [];
    for (let round = 0; step && round < 10; round++) {
      const answer = await act(marieke, 'trajectory.step', { trajectoryId, ...step, ...(step.step === 'completeIntake' ? { cycles: '2' } : {}) });
      titles.push(step.step + step.cycle);
      step = stepOf(answer);
    }

    expect(titles).toEqual(['startIntake0', 'completeIntake0', 'completeRecording1', 'completeAfterTalk1', 'completeRecording2', 'completeAfterTalk2']);
    const [closed] = await school.app.composed.trajectoryService.myTrajectories({ tenantId: '6b3c1f0e-5d2a-4c8e-9f10-2a7d4e5b6c01', schoolId: 'default', userId: sanne.aadObjectId, name: sanne.name, roles: ['leerkracht'] });
    expect(closed.phase.kind).toBe('afgesloten');
    expect(closed.cycles).toBe(2);
    expect(school.connector.to(personalChatOf(sanne)).map((sent) => sent.activity.text)).toEqual(
      expect.arrayContaining(['Het intakegesprek is gehouden. Aantal opnames: 2.', 'Het eindgesprek is gehouden. Het traject is afgesloten.']),
    );
  });

  it('refuses a stale step button and an unknown step', async () => {
    const [closed] = await school.app.composed.trajectoryService.myTrajectories({ tenantId: '6b3c1f0e-5d2a-4c8e-9f10-2a7d4e5b6c01', schoolId: 'default', userId: sanne.aadObjectId, name: sanne.name, roles: ['leerkracht'] });
    expect(JSON.stringify((await act(marieke, 'trajectory.step', { trajectoryId: closed.id, step: 'completeRecording', cycle: '1' })).body?.value)).toContain('Dit traject is al afgesloten.');
    expect(JSON.stringify((await act(marieke, 'trajectory.step', { trajectoryId: closed.id, step: 'deleteEverything' })).body?.value)).toContain('kan ik niet vinden');
  });
});
