import { actorOf, guidedTrajectory, putBlob, uploadRecording } from '../support/recordings';
import { delivered } from '../support/deliveries';
import { useSchool } from '../support/school';
import { cardAction, fatima, lotte, marieke, message, peter, personalChatOf, post, sanne, TENANT_ID, type Person } from '../support/teamsActivities';
import type { Actor } from '../../src/features/schools/SchoolDirectory';
import { warnBeforeDeletion } from '../../src/jobs/retentionWarningJob';

const VIDEO = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(2048, 7)]);

describe('recordings in Blob Storage with per-trajectory access (real Azurite)', () => {
  // Links are checked by the storage's own clock, so this test runs on real time.
  const clock = new Date();
  const school = useSchool({ svibbers: [marieke], others: [sanne, lotte, peter] }, { env: { RECORDING_MAX_BYTES: '1000000' }, now: () => clock });
  let trajectoryId: string;
  const actors: Record<string, Actor> = {};

  /** Uploads and registers, returning both steps' answers so refusals can be checked too. */
  async function upload(by: Actor, forTrajectory = trajectoryId, contentType = 'video/webm', body = VIDEO) {
    const started = await school.app.composed.recordings.startUpload(by, forTrajectory);
    if (!started.ok) throw new Error(started.reason);
    expect(await putBlob(started.uploadUrl, body, contentType)).toBe(201);
    return { started, registered: await school.app.composed.recordings.register(by, forTrajectory, 1, started.blobName, 42) };
  }

  beforeAll(async () => {
    for (const [name, person] of Object.entries({ sanne, marieke, lotte, peter, fatima })) actors[name] = await actorOf(school.app, person);
    trajectoryId = await guidedTrajectory(school.app, actors.sanne, actors.marieke);
  });

  it('uploads through a write-only link, registers, and lets the teacher and the begeleider watch', async () => {
    const { started, registered } = await upload(actors.marieke);
    if (!registered.ok) throw new Error(registered.reason);

    expect((await fetch(started.uploadUrl)).status).toBe(403);
    for (const viewer of [actors.sanne, actors.marieke]) {
      const watched = await school.app.composed.recordings.watch(viewer, registered.recording.id);
      if (!watched.ok || !watched.videoUrl) throw new Error('not watchable');
      const video = await fetch(watched.videoUrl);
      expect(video.status).toBe(200);
      expect(Buffer.from(await video.arrayBuffer()).equals(VIDEO)).toBe(true);
    }
  });

  it('refuses directie, beheerder and other teachers, and audits each refusal', async () => {
    const { registered } = await upload(actors.marieke);
    if (!registered.ok) throw new Error(registered.reason);
    for (const outsider of [actors.peter, actors.fatima, actors.lotte]) {
      expect(await school.app.composed.recordings.watch(outsider, registered.recording.id)).toMatchObject({ ok: false });
    }
    const log = await school.app.composed.recordings.auditLog(actors.sanne, trajectoryId);
    if (!log.ok) throw new Error(log.reason);
    const refusals = log.entries.filter((entry) => entry.result === 'refused' && entry.objectId === registered.recording.id);
    expect(refusals.map((entry) => entry.actorId).sort()).toEqual([fatima.aadObjectId, lotte.aadObjectId, peter.aadObjectId].sort());
    expect(await school.app.composed.recordings.auditLog(actors.marieke, trajectoryId)).toMatchObject({ ok: false });
  });

  it('issues a read link that opens only its own blob, and that the storage refuses once expired', async () => {
    const first = (await upload(actors.marieke)).registered;
    const second = (await upload(actors.marieke)).registered;
    if (!first.ok || !second.ok) throw new Error('upload failed');
    const watched = await school.app.composed.recordings.watch(actors.sanne, first.recording.id);
    if (!watched.ok || !watched.videoUrl) throw new Error('not watchable');

    const otherBlob = watched.videoUrl.replace(encodeURI(first.recording.blobName), encodeURI(second.recording.blobName));
    expect(otherBlob).not.toBe(watched.videoUrl);
    expect((await fetch(otherBlob)).status).toBe(403);

    const expired = await school.app.composed.recordingBlobs.readUrl(first.recording.blobName, new Date(Date.now() - 60_000));
    expect((await fetch(expired)).status).toBe(403);
  });

  it('refuses the next view as soon as the teacher withdraws a grant', async () => {
    const { registered } = await upload(actors.sanne);
    if (!registered.ok) throw new Error(registered.reason);
    const granted = await school.app.composed.recordings.grant(actors.sanne, registered.recording.id, { userId: lotte.aadObjectId, name: lotte.name }, { kind: 'recording' });
    if (!granted.ok) throw new Error(granted.reason);
    expect(await school.app.composed.recordings.watch(actors.lotte, registered.recording.id)).toMatchObject({ ok: true });

    await school.app.composed.recordings.withdrawGrant(actors.sanne, registered.recording.id, granted.grant.id);

    expect(await school.app.composed.recordings.watch(actors.lotte, registered.recording.id)).toMatchObject({ ok: false });
  });

  it('tells the colleague of a grant, and of its withdrawal, also when the write landed but its answer was lost', async () => {
    const { registered } = await upload(actors.sanne);
    if (!registered.ok) throw new Error(registered.reason);
    const repository = school.app.composed.repositories.recordings;
    const putGrant = repository.putGrant.bind(repository);
    const lostAnswer = jest.spyOn(repository, 'putGrant').mockImplementation(async (grant) => {
      await putGrant(grant);
      throw new Error('the answer timed out');
    });
    const told: string[] = [];
    const tell = async (grant: { granteeId: string; withdrawnAt?: Date }) => {
      told.push(grant.withdrawnAt ? 'withdrawn' : 'granted');
      await school.app.composed.notifier.sendText(TENANT_ID, grant.granteeId, grant.withdrawnAt ? 'ingetrokken' : 'gedeeld');
    };
    await expect(school.app.composed.recordings.grant(actors.sanne, registered.recording.id, { userId: peter.aadObjectId, name: peter.name }, { kind: 'recording' }, undefined, false, tell)).rejects.toThrow(
      'the answer timed out',
    );
    const grant = (await repository.listGrants(TENANT_ID, 'default', registered.recording.id)).find((candidate) => candidate.granteeId === peter.aadObjectId)!;
    await expect(school.app.composed.recordings.withdrawGrant(actors.sanne, registered.recording.id, grant.id, tell)).rejects.toThrow('the answer timed out');
    lostAnswer.mockRestore();
    await delivered(school.app);

    expect(told).toEqual(['granted', 'withdrawn']);
    expect(school.connector.to(personalChatOf(peter)).map((sent) => sent.activity.text)).toEqual(['gedeeld', 'ingetrokken']);

    // A second withdrawal (a double click, an old card) changes nothing and tells nobody again.
    expect(await school.app.composed.recordings.withdrawGrant(actors.sanne, registered.recording.id, grant.id, tell)).toMatchObject({ ok: true });
    await delivered(school.app);
    expect(told).toEqual(['granted', 'withdrawn']);
  });

  it('tells of a new recording whose registration landed although its answer was lost', async () => {
    const started = await school.app.composed.recordings.startUpload(actors.marieke, trajectoryId);
    if (!started.ok) throw new Error(started.reason);
    expect(await putBlob(started.uploadUrl, VIDEO, 'video/webm')).toBe(201);
    const repository = school.app.composed.repositories.recordings;
    const add = repository.add.bind(repository);
    const lostAnswer = jest.spyOn(repository, 'add').mockImplementation(async (recording) => {
      await add(recording);
      throw new Error('the answer timed out');
    });
    const tell = async () => {
      await school.app.composed.notifier.sendText(TENANT_ID, sanne.aadObjectId, 'nieuwe opname');
    };
    await expect(school.app.composed.recordings.register(actors.marieke, trajectoryId, 1, started.blobName, 42, tell)).rejects.toThrow('the answer timed out');
    lostAnswer.mockRestore();
    await delivered(school.app);

    expect(school.connector.to(personalChatOf(sanne)).map((sent) => sent.activity.text)).toEqual(['nieuwe opname']);
  });

  it('refuses forged ids and registrations, audits them, and leaves nothing behind', async () => {
    expect(await school.app.composed.recordings.watch(actors.sanne, 'forged-recording-id')).toMatchObject({ ok: false });
    const otherTrajectory = await guidedTrajectory(school.app, actors.lotte, actors.marieke);
    expect(await school.app.composed.recordings.startUpload(actors.sanne, otherTrajectory)).toMatchObject({ ok: false });
    const started = await school.app.composed.recordings.startUpload(actors.marieke, otherTrajectory);
    if (!started.ok) throw new Error(started.reason);
    expect(await school.app.composed.recordings.register(actors.marieke, trajectoryId, 1, started.blobName)).toMatchObject({ ok: false });
    expect(await school.app.composed.recordings.register(actors.marieke, trajectoryId, 1, `staging/${TENANT_ID}/default/${trajectoryId}/never-uploaded`)).toMatchObject({ ok: false, reason: 'not-uploaded' });

    const notVideo = await upload(actors.marieke, trajectoryId, 'text/plain');
    expect(notVideo.registered).toMatchObject({ ok: false, reason: 'not-a-video' });
    expect(await school.app.composed.recordingBlobs.facts(notVideo.started.blobName)).toBeUndefined();
    const tooLarge = await upload(actors.marieke, trajectoryId, 'video/webm', Buffer.alloc(1_100_000));
    expect(tooLarge.registered).toMatchObject({ ok: false, reason: 'too-large' });
    expect(await school.app.composed.recordingBlobs.facts(tooLarge.started.blobName)).toBeUndefined();

    const log = await school.app.composed.recordings.auditLog(actors.sanne, trajectoryId);
    if (!log.ok) throw new Error(log.reason);
    expect(log.entries.filter((entry) => entry.result === 'refused' && ['not-a-video', 'too-large'].includes(entry.detail ?? ''))).toHaveLength(2);
  });

  it('deletes exactly the recordings of trajectories closed longer ago than the retention period', async () => {
    const closing = await guidedTrajectory(school.app, actors.lotte, actors.marieke);
    const kept = (await upload(actors.marieke)).registered;
    const doomed = (await upload(actors.marieke, closing)).registered;
    if (!kept.ok || !doomed.ok) throw new Error('upload failed');
    await school.app.composed.trajectoryService.run(actors.lotte, closing, { type: 'withdraw' });

    expect(await school.app.composed.recordings.deleteExpired(new Date(clock.getTime() + 29 * 86_400_000))).toBe(0);
    expect(await school.app.composed.recordings.deleteExpired(new Date(clock.getTime() + 31 * 86_400_000))).toBe(1);

    expect(await school.app.composed.recordingBlobs.facts(doomed.recording.blobName)).toBeUndefined();
    expect(await school.app.composed.recordingBlobs.facts(kept.recording.blobName)).toBeDefined();
    expect(await school.app.composed.recordings.watch(actors.lotte, doomed.recording.id)).toMatchObject({ ok: false });
  });
});

describe('the teacher decides in Teams who may see a recording (real Azurite)', () => {
  const school = useSchool({ svibbers: [marieke], others: [sanne, lotte] });
  const { connector } = school;
  let teacher: Actor;
  let recordingId: string;
  let trajectoryId: string;

  const act = (person: Person, verb: string, data: Record<string, unknown> = {}) => post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: person }, verb, data));
  const shown = (answer: { body?: Record<string, unknown> }) => JSON.stringify(answer.body?.value);

  beforeAll(async () => {
    teacher = await actorOf(school.app, sanne);
    trajectoryId = await guidedTrajectory(school.app, teacher, undefined, 'teams-grant-form');
    recordingId = (await uploadRecording(school.app, teacher, trajectoryId, VIDEO, 'video/webm')).id;
  });

  it('shows the teacher a watch button and the access button on the trajectory card; the button mints the link', async () => {
    await act(sanne, 'trajectory.open', { trajectoryId });
    const card = JSON.stringify(connector.to(personalChatOf(sanne))[0].activity.attachments![0].content);
    expect(card).toContain('Bekijk opname 1');
    expect(card).toContain('"verb":"recording.watch"');
    expect(card).toContain('Toegang opname 1');
    expect(shown(await act(sanne, 'recording.watch', { recordingId }))).toContain('/recordings/watch?t=');
  });

  it('lets the teacher grant a colleague access and withdraw it; the colleague is told both times', async () => {
    expect(shown(await act(sanne, 'recording.access', { recordingId }))).toContain('Lotte Smit');

    const granted = await act(sanne, 'recording.grant', { recordingId, granteeId: lotte.aadObjectId, until: '2026-12-31' });
    expect(shown(granted)).toContain('Lotte Smit mag de opname nu zien.');
    expect(shown(granted)).toContain('tot en met');
    expect(JSON.stringify(connector.to(personalChatOf(lotte))[0].activity)).toContain('/recordings/watch?t=');

    const grantId = ((granted.body!.value as { body: unknown[] }).body as { $data?: unknown; items?: { actions?: { data?: { grantId?: string } }[] }[] }[])
      .flatMap((item) => item.items ?? [])
      .flatMap((item) => item.actions ?? [])
      .map((action) => action.data?.grantId)
      .find(Boolean);
    const withdrawn = await act(sanne, 'recording.withdraw', { recordingId, grantId });
    expect(shown(withdrawn)).toContain('De toegang van Lotte Smit is ingetrokken.');
    expect(connector.to(personalChatOf(lotte)).map((sent) => sent.activity.text)).toContain('Sanne de Vries heeft je toegang tot opname 1 ingetrokken.');
  });

  it('lists under "gedeeld met mij" what is shared with a colleague now, with a fresh link, and nothing after withdrawal', async () => {
    const sharedCard = async (person: Person) => {
      connector.clear();
      await post(school.app.baseUrl, message({ serviceUrl: school.serviceUrl, from: person }, 'gedeeld met mij'));
      return JSON.stringify(connector.to(personalChatOf(person))[0].activity.attachments![0].content);
    };
    expect(await sharedCard(lotte)).toContain('Er is nu niets met je gedeeld.');

    const granted = await act(sanne, 'recording.grant', { recordingId, granteeId: lotte.aadObjectId });
    const grantId = JSON.stringify(granted.body).match(/"grantId":"([^"]+)"/)?.[1];
    const card = await sharedCard(lotte);
    expect(card).toContain('Opname 1 van Sanne de Vries');
    expect(card).toContain('hele opname');
    // The button mints a fresh single-use link on every click, so the card keeps working.
    expect(card).toContain('"verb":"recording.watch"');
    const viewWith = async (answer: { body?: Record<string, unknown> }) => {
      const link = /"(http[^"]*\/recordings\/watch\?t=[^"]+)"/.exec(JSON.stringify(answer.body?.value))?.[1];
      const token = new URL(link!).searchParams.get('t');
      return (await fetch(`${school.app.baseUrl}/api/recordings/view`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ t: token }) })).status;
    };
    expect(await viewWith(await act(lotte, 'recording.watch', { recordingId }))).toBe(200);
    expect(await viewWith(await act(lotte, 'recording.watch', { recordingId }))).toBe(200);
    expect(shown(await act(peter, 'recording.watch', { recordingId }))).toContain('kan ik niet voor je openen');
    // Nobody else sees Lotte's share, not even the teacher's begeleider.
    expect(await sharedCard(marieke)).toContain('Er is nu niets met je gedeeld.');

    await act(sanne, 'recording.withdraw', { recordingId, grantId });
    expect(await sharedCard(lotte)).toContain('Er is nu niets met je gedeeld.');
  });

  it('refuses a grant from anyone but the teacher, and a grantee from outside the school', async () => {
    expect(shown(await act(lotte, 'recording.grant', { recordingId, granteeId: lotte.aadObjectId }))).toContain('kan ik niet voor je openen');
    expect(shown(await act(marieke, 'recording.access', { recordingId }))).toContain('kan ik niet voor je openen');
    expect(shown(await act(sanne, 'recording.grant', { recordingId, granteeId: 'someone-of-another-school' }))).toContain('Kies een collega.');
  });

  it('stores and tells once when the teacher clicks Toegang geven twice', async () => {
    const grant = { recordingId, granteeId: lotte.aadObjectId, until: '2027-01-31' };
    const first = await act(sanne, 'recording.grant', grant);
    const second = await act(sanne, 'recording.grant', grant);
    expect(shown(second)).toContain('Lotte Smit mag de opname nu zien.');
    expect(connector.to(personalChatOf(lotte)).filter((sent) => JSON.stringify(sent.activity).includes('/recordings/watch?t='))).toHaveLength(1);
    const grantIds = (answer: typeof first) => [...JSON.stringify(answer.body).matchAll(/"grantId":"([^"]+)"/g)].map((match) => match[1]);
    expect(grantIds(second)).toEqual(grantIds(first));
    await act(sanne, 'recording.withdraw', { recordingId, grantId: grantIds(first).at(-1) });
  });

  it('writes one audit line per grant, and none for merely opening the access card', async () => {
    const entries = async () => {
      const log = await school.app.composed.recordings.auditLog(teacher, trajectoryId);
      if (!log.ok) throw new Error(log.reason);
      return log.entries.filter((entry) => entry.actorId === sanne.aadObjectId && entry.result === 'allowed');
    };
    const before = (await entries()).length;
    await act(sanne, 'recording.access', { recordingId });
    expect(await entries()).toHaveLength(before);
    const grantsBefore = (await entries()).filter((entry) => entry.action === 'grant').length;
    await act(sanne, 'recording.grant', { recordingId, granteeId: lotte.aadObjectId });
    const after = await entries();
    expect(after).toHaveLength(before + 1);
    expect(after.filter((entry) => entry.action === 'grant')).toHaveLength(grantsBefore + 1);
  });

  it('answers "Wie heeft mijn opnames bekeken?" with the teacher’s own log', async () => {
    await post(school.app.baseUrl, message({ serviceUrl: school.serviceUrl, from: sanne }, 'Wie heeft mijn opnames bekeken?'));
    const log = JSON.stringify(connector.to(personalChatOf(sanne))[0].activity.attachments![0].content);
    expect(log).toContain('Wie heeft mijn opnames bekeken?');
    expect(log).toContain('toegang gegeven');
    expect(log).toContain('Lotte Smit · toegang gegeven (geweigerd)');
  });

  it('lets only the teacher delete a recording, at any time, and removes the blob', async () => {
    const [recording] = await school.app.composed.recordings.watchable(teacher, trajectoryId);

    expect(shown(await act(marieke, 'recording.delete', { recordingId }))).toContain('kan ik niet voor je openen');
    expect(shown(await act(sanne, 'recording.delete', { recordingId }))).toContain('De opname is verwijderd.');

    expect(await school.app.composed.recordingBlobs.facts(recording.blobName)).toBeUndefined();
    expect(await school.app.composed.recordings.watchable(teacher, trajectoryId)).toHaveLength(0);
  });

  it('warns the teacher once, a few days before the recordings of a closed trajectory are deleted', async () => {
    await uploadRecording(school.app, teacher, trajectoryId, VIDEO, 'video/webm');
    await school.app.composed.trajectoryService.run(teacher, trajectoryId, { type: 'withdraw' });
    const closedAt = Date.now();
    connector.clear();

    expect(await warnBeforeDeletion(school.app.composed.retentionWarningOptions, new Date(closedAt + 20 * 86_400_000))).toBe(0);
    expect(await warnBeforeDeletion(school.app.composed.retentionWarningOptions, new Date(closedAt + 28 * 86_400_000))).toBe(1);
    expect(await warnBeforeDeletion(school.app.composed.retentionWarningOptions, new Date(closedAt + 29 * 86_400_000))).toBe(0);
    await delivered(school.app);
    expect(connector.to(personalChatOf(sanne)).map((sent) => sent.activity.text).join(' ')).toContain('Je opnames worden op');
  });
});

