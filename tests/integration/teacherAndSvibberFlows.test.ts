import { actionsOf } from '../support/cardActions';
import { delivered } from '../support/deliveries';
import type { Actor } from '../../src/features/schools/SchoolDirectory';
import { actorOf, guidedTrajectory, putBlob } from '../support/recordings';
import { sampleVideo } from '../support/sampleVideo';
import { useSchool } from '../support/school';
import { botAdded, cardAction, fatima, lotte, marieke, message, peter, personalChatOf, post, sanne, TENANT_ID, type Person } from '../support/teamsActivities';

/**
 * Issue 14 as a teacher and an SVIB'er live it: help per role (5), the begeleider hears of
 * recordings (6), watch buttons that keep working (8), and colleagues who never opened the bot
 * are reached through the school's team or the sender is told (4).
 */
describe('the flows of a teacher and her SVIB\'er (real storage on Azurite)', () => {
  const school = useSchool({ svibbers: [marieke], others: [sanne, peter] });
  const { connector } = school;
  let teacher: Actor;
  let trajectoryId: string;
  let recordingId: string;

  const act = (person: Person, verb: string, data: Record<string, unknown> = {}) => post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: person }, verb, data));
  const say = (person: Person, text: string) => post(school.app.baseUrl, message({ serviceUrl: school.serviceUrl, from: person }, text));
  const answerOf = (answer: { body?: Record<string, unknown> }) => answer.body?.value;
  const lastTo = (person: Person) => connector.to(personalChatOf(person)).at(-1);
  const textsTo = (person: Person) => connector.to(personalChatOf(person)).map((sent) => sent.activity.text ?? '').join('\n');
  const api = async (path: string, body: object) => {
    const response = await fetch(`${school.app.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const tokenOf = (url: string) => new URL(url).searchParams.get('t');
  const lotteGrant = async () => {
    const found = await school.app.composed.recordings.grantsOf(teacher, recordingId);
    if (!found.ok) throw new Error(found.reason);
    return found.grants.find((grant) => grant.granteeId === lotte.aadObjectId && !grant.withdrawnAt)!.id;
  };

  beforeAll(async () => {
    teacher = await actorOf(school.app, sanne);
    const svibber = await actorOf(school.app, marieke);
    trajectoryId = await guidedTrajectory(school.app, teacher, svibber);
    await school.app.composed.trajectoryService.run(svibber, trajectoryId, { type: 'startIntake' });
    await school.app.composed.trajectoryService.run(svibber, trajectoryId, { type: 'completeIntake', cycles: 2 });
    // Lotte is a colleague the school knows, who never opened the bot herself.
    await school.app.composed.directory.seedMember(TENANT_ID, 'default', { userId: lotte.aadObjectId, name: lotte.name }, []);
  }, 30_000);

  describe('hulp shows what this person can do', () => {
    it.each<[string, Person, string[], string[]]>([
      ['a teacher', sanne, ['Begeleiding aanvragen', 'Gedeeld met mij', 'Logboek'], ['Mijn begeleidingen', 'Instellingen']],
      ["an SVIB'er", marieke, ['Mijn begeleidingen', 'Traject voorstellen'], ['Instellingen']],
      ['the beheerder', fatima, ['Instellingen'], ['Mijn begeleidingen']],
    ])('for %s', async (_who, person, shown, hidden) => {
      await say(person, 'hulp');
      const buttons = actionsOf(lastTo(person)?.activity.attachments?.[0]?.content).map((action) => action.title);
      expect(buttons).toEqual(expect.arrayContaining(shown));
      for (const title of hidden) expect(buttons).not.toContain(title);
    });

    it('understands a question in other words, and the buttons the help card offers', async () => {
      await say(sanne, 'Kun je mij helpen met een aanvraag?');
      expect(JSON.stringify(lastTo(sanne)?.activity)).toContain('intake.submit');
      connector.clear();
      await act(sanne, 'recordings.auditLog');
      expect(JSON.stringify(lastTo(sanne)?.activity)).toContain('Wie heeft mijn opnames bekeken?');
    });

    it('names the beheerder when someone else asks for instellingen, without a commissie', async () => {
      await say(sanne, 'instellingen');
      const text = lastTo(sanne)?.activity.text ?? '';
      expect(text).toContain('Fatima El Amrani');
      expect(text).not.toContain('commissie');
    });
  });

  it('tells the begeleider when the teacher adds a recording, once, and shows the recording once', async () => {
    await act(sanne, 'trajectory.open', { trajectoryId });
    const upload = actionsOf(lastTo(sanne)?.activity.attachments?.[0]?.content).find((action) => action.title === 'Opname 1 toevoegen');
    const session = await api('/api/recordings/upload-session', { t: tokenOf(upload!.url!) });
    expect(session.status).toBe(200);
    // The page says what it is about; the teacher is not told her own name.
    expect(session.body.context).toMatch(/^De groep · \w{2} \d{1,2} \w+ 20\d\d$/);
    expect(await putBlob(String(session.body.uploadUrl), sampleVideo(2), 'video/mp4')).toBe(201);
    expect((await api('/api/recordings/register', { registerToken: session.body.registerToken, durationSeconds: 2 })).status).toBe(200);
    // A second registration of the same upload is refused (issue 10, item 4) and stores nothing.
    expect(await api('/api/recordings/register', { registerToken: session.body.registerToken, durationSeconds: 2 })).toEqual({
      status: 400,
      body: { message: 'Deze upload is al opgeslagen. Voeg een nieuwe opname toe vanaf het traject.' },
    });

    // The notice leaves through the delivery queue after the page's call returned.
    await delivered(school.app);
    const notices = connector.to(personalChatOf(marieke)).filter((sent) => sent.activity.text?.includes('heeft opname 1 toegevoegd'));
    expect(notices.map((sent) => sent.activity.text)).toEqual(['Sanne de Vries heeft opname 1 toegevoegd aan het traject. Je vindt hem bij *mijn begeleidingen*.']);
    const recordings = await school.app.composed.recordings.watchable(teacher, trajectoryId);
    expect(recordings).toHaveLength(1);
    recordingId = recordings[0].id;
  });

  it('mints a fresh single-use link each time Bekijk opname 1 is clicked', async () => {
    await act(sanne, 'trajectory.open', { trajectoryId });
    const watch = actionsOf(lastTo(sanne)?.activity.attachments?.[0]?.content).find((action) => action.title === 'Bekijk opname 1');
    expect(watch).toMatchObject({ type: 'Action.Execute', verb: 'recording.watch' });

    const links: string[] = [];
    for (let click = 0; click < 2; click++) {
      const card = answerOf(await act(sanne, 'recording.watch', watch!.data));
      links.push(actionsOf(card).find((action) => action.title === 'Open opname 1')!.url!);
      expect(actionsOf(card).find((action) => action.title === 'Bekijk opname 1')?.verb).toBe('recording.watch');
    }
    expect(links[0]).not.toBe(links[1]);
    const first = await api('/api/recordings/view', { t: tokenOf(links[0]) });
    expect(first.status).toBe(200);
    expect(first.body.context).toMatch(/^De groep · /);
    expect((await api('/api/recordings/view', { t: tokenOf(links[0]) })).status).not.toBe(200);
    expect((await api('/api/recordings/view', { t: tokenOf(links[1]) })).status).toBe(200);

    // Someone who may not watch gets no link from the button.
    expect(JSON.stringify(answerOf(await act(peter, 'recording.watch', { recordingId })))).not.toContain('/recordings/watch');
  });

  it('tells the begeleider when the teacher shares chosen fragments of her trajectory', async () => {
    const marked = await school.app.composed.recordings.markFragment(teacher, recordingId, { startSecond: 0, endSecond: 1, note: '', aspect: 'didactiek' });
    if (!marked.ok) throw new Error(marked.reason);
    const granted = answerOf(await act(sanne, 'recording.grant', { recordingId, granteeId: peter.aadObjectId, scope: 'fragments', fragmentIds: marked.fragment.id }));
    expect(JSON.stringify(granted)).toContain('Peter Bakker mag 1 fragment zien. Ik zet het nu klaar');
    expect(textsTo(marieke)).toContain('Sanne de Vries deelt 1 fragment uit opname 1 met Peter Bakker.');
    await school.app.composed.clipJob.idle();
  });

  it('shows the begeleider whose recording it is, and a colleague nothing of the hulpvraag', async () => {
    await act(marieke, 'trajectory.open', { trajectoryId });
    const svibberWatch = actionsOf(lastTo(marieke)?.activity.attachments?.[0]?.content).find((action) => action.title === 'Bekijk opname 1');
    const svibberLink = actionsOf(answerOf(await act(marieke, 'recording.watch', svibberWatch!.data))).find((action) => action.title === 'Open opname 1')!.url!;
    expect((await api('/api/recordings/view', { t: tokenOf(svibberLink) })).body.context).toMatch(/^Traject van Sanne de Vries · De groep · /);

    await act(sanne, 'recording.grant', { recordingId, granteeId: peter.aadObjectId, scope: 'recording' });
    const peterLink = /"(http[^"]*\/recordings\/watch\?t=[^"]+)"/.exec(JSON.stringify(lastTo(peter)?.activity))![1];
    const context = String((await api('/api/recordings/view', { t: tokenOf(peterLink) })).body.context);
    expect(context).toMatch(/^Traject van Sanne de Vries · \w{2} \d/);
    expect(context).not.toContain('De groep');
  });

  it('gives the access card a way back to the trajectory, and the logboek says to whom access was given', async () => {
    const access = answerOf(await act(sanne, 'recording.access', { recordingId }));
    const back = actionsOf(access).find((action) => action.title === 'Terug naar het traject');
    expect(back).toMatchObject({ verb: 'trajectory.show' });
    expect(JSON.stringify(answerOf(await act(sanne, 'trajectory.show', back!.data)))).toContain('Traject van Sanne de Vries');

    await say(sanne, 'logboek');
    expect(JSON.stringify(lastTo(sanne)?.activity)).toContain('toegang gegeven aan Peter Bakker voor opname 1');
  });

  it('says "in deze chat" when added to a group chat', async () => {
    await post(school.app.baseUrl, botAdded({ serviceUrl: school.serviceUrl, from: peter, scope: 'groupChat', conversationId: '19:bouw@thread.v2' }));
    expect(connector.to('19:bouw@thread.v2').map((sent) => sent.activity.text).join(' ')).toContain('in deze chat deel ik nooit iets');
    // What one person may do is not listed in a chat others read.
    await post(school.app.baseUrl, message({ serviceUrl: school.serviceUrl, from: marieke, scope: 'groupChat', conversationId: '19:bouw@thread.v2' }, 'hulp'));
    const answer = JSON.stringify(connector.to('19:bouw@thread.v2').at(-1)?.activity);
    expect(answer).toContain('SVIB-bot in dit gesprek');
    expect(answer).not.toContain('Mijn begeleidingen');
    expect(answer).not.toContain('Mijn trajecten');
  });

  it('tells the teacher plainly when a colleague could not be reached', async () => {
    const granted = answerOf(await act(sanne, 'recording.grant', { recordingId, granteeId: lotte.aadObjectId, scope: 'recording' }));
    expect(JSON.stringify(granted)).toContain('Lotte Smit heeft de SVIB-bot nog niet geopend');
    await act(sanne, 'recording.withdraw', { recordingId, grantId: await lotteGrant() });
  });

  it("reaches a colleague who never opened the bot through the school's team, and stores that chat", async () => {
    await post(school.app.baseUrl, botAdded({ serviceUrl: school.serviceUrl, from: fatima, scope: 'channel' }));
    connector.members.set(lotte.aadObjectId, { id: lotte.id, name: lotte.name, aadObjectId: lotte.aadObjectId });
    connector.clear();

    const granted = answerOf(await act(sanne, 'recording.grant', { recordingId, granteeId: lotte.aadObjectId, scope: 'recording' }));
    expect(JSON.stringify(granted)).toContain('Lotte Smit mag de opname nu zien.');
    expect(JSON.stringify(granted)).not.toContain('nog niet geopend');
    expect(connector.opened).toEqual([{ conversationId: `a:opened-${lotte.id}`, memberId: lotte.id }]);
    const toLotte = connector.to(`a:opened-${lotte.id}`);
    expect(JSON.stringify(toLotte.at(-1)?.activity)).toContain('laat je opname 1 zien');

    // The next message goes straight to the stored chat.
    connector.clear();
    await act(sanne, 'recording.withdraw', { recordingId, grantId: await lotteGrant() });
    expect(connector.opened).toHaveLength(0);
    expect(connector.to(`a:opened-${lotte.id}`).map((sent) => sent.activity.text).join(' ')).toContain('ingetrokken');
  });
});
