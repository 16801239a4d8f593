import type { Actor } from '../../src/features/schools/SchoolDirectory';
import { delivered } from '../support/deliveries';
import { actorOf, guidedTrajectory, uploadRecording } from '../support/recordings';
import { probe, sampleVideo } from '../support/sampleVideo';
import { useSchool } from '../support/school';
import { cardAction, lotte, marieke, peter, personalChatOf, post, sanne, type Person } from '../support/teamsActivities';

type ViewAnswer = { status: number; body: { videoUrl?: string; fragmentsOnly?: boolean; notice?: string; message?: string; fragments?: { id: string; startSecond: number; clipUrl?: string }[] } };

/** Follows a watch link the way the player page does. */
async function view(baseUrl: string, watchLink: string): Promise<ViewAnswer> {
  const token = new URL(watchLink).searchParams.get('t');
  const response = await fetch(`${baseUrl}/api/recordings/view`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ t: token }) });
  return { status: response.status, body: (await response.json()) as ViewAnswer['body'] };
}

describe('the teacher shares chosen fragments only: clips cut by ffmpeg (real Azurite)', () => {
  // Read links are checked by the storage's own clock: real time.
  const school = useSchool({ svibbers: [marieke], others: [sanne, lotte, peter] });
  const { connector } = school;
  let teacher: Actor;
  let trajectoryId: string;

  const act = (person: Person, verb: string, data: Record<string, unknown> = {}) => post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: person }, verb, data));
  const shown = (answer: { body?: Record<string, unknown> }) => JSON.stringify(answer.body?.value);
  const watchLinkSentTo = (person: Person) => {
    const card = JSON.stringify(connector.to(personalChatOf(person)).at(-1)?.activity.attachments?.[0]?.content ?? {});
    return /"(http[^"]*\/recordings\/watch\?t=[^"]+)"/.exec(card)?.[1];
  };

  async function recordingWithFragments(video: Buffer, bounds: [number, number][]) {
    const recording = await uploadRecording(school.app, teacher, trajectoryId, video, 'video/mp4', 8);
    const fragments = [];
    for (const [startSecond, endSecond] of bounds) {
      const marked = await school.app.composed.recordings.markFragment(teacher, recording.id, { startSecond, endSecond, note: 'kijkt de klas rond', aspect: 'aansluiten' });
      if (!marked.ok) throw new Error(marked.reason);
      fragments.push(marked.fragment);
    }
    return { recording, fragments };
  }

  beforeAll(async () => {
    teacher = await actorOf(school.app, sanne);
    trajectoryId = await guidedTrajectory(school.app, teacher);
  });

  it('offers the fragments on the access card, cuts the chosen one, and shows the colleague only that clip', async () => {
    const { recording, fragments } = await recordingWithFragments(sampleVideo(8), [
      [2, 4],
      [5, 7],
    ]);
    const access = shown(await act(sanne, 'recording.access', { recordingId: recording.id }));
    expect(access).toContain('Alleen de fragmenten die ik hieronder kies');
    expect(access).toContain('00:02–00:04 · ');

    const granted = await act(sanne, 'recording.grant', { recordingId: recording.id, granteeId: lotte.aadObjectId, scope: 'fragments', fragmentIds: fragments[0].id });
    expect(shown(granted)).toContain('Lotte Smit mag 1 fragment zien. Ik zet het nu klaar');
    expect(shown(granted)).toContain('Lotte Smit** · 1 fragment');
    expect(watchLinkSentTo(lotte)).toBeUndefined();

    await school.app.composed.clipJob.idle();
    await delivered(school.app);

    const link = watchLinkSentTo(lotte);
    expect(link).toBeDefined();
    expect(JSON.stringify(connector.to(personalChatOf(lotte)).at(-1)?.activity)).toContain(
      'laat je 1 fragment uit opname 1 zien. De link werkt een uur en één keer; daarna vind je de opname terug met *gedeeld met mij*.',
    );
    expect(connector.to(personalChatOf(sanne)).map((sent) => sent.activity.text)).toContain('Lotte Smit mag 1 fragment nu zien.');

    const answer = await view(school.app.baseUrl, link!);
    expect(answer.status).toBe(200);
    expect(answer.body.videoUrl).toBeUndefined();
    expect(answer.body.fragmentsOnly).toBe(true);
    expect(answer.body.notice).toContain('alleen de fragmenten');
    expect(answer.body.fragments!.map((fragment) => fragment.id)).toEqual([fragments[0].id]);

    const clipUrl = answer.body.fragments![0].clipUrl!;
    const clip = await fetch(clipUrl);
    expect(clip.status).toBe(200);
    expect(clip.headers.get('content-type')).toBe('video/mp4');
    const probed = probe(Buffer.from(await clip.arrayBuffer()));
    // Exactly the two granted seconds, not from the key frame at 0 s.
    expect(probed.durationSeconds).toBeGreaterThan(1.8);
    expect(probed.durationSeconds).toBeLessThan(2.3);
    expect(probed.codecs).toEqual(expect.arrayContaining(['h264', 'aac']));

    // The clip's read link opens the clip only, not the recording beside it.
    const clipBlobName = decodeURIComponent(new URL(clipUrl).pathname.split('/').slice(3).join('/'));
    expect((await fetch(clipUrl.replace(encodeURI(clipBlobName), encodeURI(recording.blobName)))).status).toBe(403);

    const log = await school.app.composed.recordings.auditLog(teacher, trajectoryId);
    if (!log.ok) throw new Error(log.reason);
    expect(log.entries.some((entry) => entry.action === 'cutClip' && entry.objectId === fragments[0].id)).toBe(true);
    expect(log.entries.some((entry) => entry.action === 'viewFragment' && entry.actorId === lotte.aadObjectId && entry.objectId === fragments[0].id)).toBe(true);
    expect(log.entries.some((entry) => entry.action === 'viewFragment' && entry.objectId === fragments[1].id)).toBe(false);
  });

  it('keeps the recording and the other fragments closed to a fragment-only colleague', async () => {
    const { recording, fragments } = await recordingWithFragments(sampleVideo(6), [
      [1, 2],
      [3, 5],
    ]);
    const granted = await school.app.composed.recordings.grant(teacher, recording.id, { userId: peter.aadObjectId, name: peter.name }, { kind: 'fragments', fragmentIds: [fragments[1].id] });
    if (!granted.ok) throw new Error(granted.reason);
    const colleague = await actorOf(school.app, peter);

    expect(await school.app.composed.recordings.watch(colleague, recording.id)).toEqual({ ok: false, reason: 'clips-not-ready' });
    await school.app.composed.clipJob.kick();
    const watched = await school.app.composed.recordings.watch(colleague, recording.id);
    if (!watched.ok) throw new Error(watched.reason);
    expect(watched.videoUrl).toBeUndefined();
    expect(watched.canMark).toBe(false);
    expect(watched.fragments.map((fragment) => fragment.id)).toEqual([fragments[1].id]);
    expect(await school.app.composed.recordings.markFragment(colleague, recording.id, { startSecond: 0, endSecond: 1, note: '', aspect: 'aansluiten' })).toMatchObject({ ok: false });

    await school.app.composed.recordings.withdrawGrant(teacher, recording.id, granted.grant.id);
    expect(await school.app.composed.recordings.watch(colleague, recording.id)).toMatchObject({ ok: false, reason: 'grant-withdrawn' });
  });

  it('refuses fragment ids that are not fragments of this recording, and shows the card again', async () => {
    const first = await recordingWithFragments(sampleVideo(4), [[1, 2]]);
    const second = await recordingWithFragments(sampleVideo(4), [[1, 3]]);
    const forged = await act(sanne, 'recording.grant', { recordingId: first.recording.id, granteeId: lotte.aadObjectId, scope: 'fragments', fragmentIds: second.fragments[0].id });
    expect(shown(forged)).toContain('Kies minstens één fragment, of deel de hele opname.');
    const none = await act(sanne, 'recording.grant', { recordingId: first.recording.id, granteeId: lotte.aadObjectId, scope: 'fragments' });
    expect(shown(none)).toContain('Kies minstens één fragment');
    const grants = await school.app.composed.recordings.grantsOf(teacher, first.recording.id);
    expect(grants.ok && grants.grants).toEqual([]);
  });

  it('deletes the clips with their recording', async () => {
    const { recording, fragments } = await recordingWithFragments(sampleVideo(4), [[1, 3]]);
    await school.app.composed.recordings.grant(teacher, recording.id, { userId: peter.aadObjectId, name: peter.name }, { kind: 'fragments', fragmentIds: [fragments[0].id] });
    await school.app.composed.clipJob.kick();
    const watched = await school.app.composed.recordings.watch(await actorOf(school.app, peter), recording.id);
    if (!watched.ok || watched.videoUrl !== undefined) throw new Error('expected clips');
    const clipUrl = watched.fragments[0].clipUrl;
    expect((await fetch(clipUrl)).status).toBe(200);

    expect(await school.app.composed.recordings.remove(teacher, recording.id)).toEqual({ ok: true });
    expect((await fetch(clipUrl)).status).toBe(404);
  });

  it('tells a second colleague about fragments that were cut before, and a repeated click changes nothing', async () => {
    const { recording, fragments } = await recordingWithFragments(sampleVideo(4), [[1, 3]]);
    const grantPeter = { recordingId: recording.id, granteeId: peter.aadObjectId, scope: 'fragments', fragmentIds: fragments[0].id };
    await act(sanne, 'recording.grant', grantPeter);
    await school.app.composed.clipJob.idle();
    await delivered(school.app);
    expect(watchLinkSentTo(peter)).toBeDefined();

    // Cut already: Lotte is told too, once, although nothing is cut for her.
    const grantLotte = { recordingId: recording.id, granteeId: lotte.aadObjectId, scope: 'fragments', fragmentIds: fragments[0].id };
    await act(sanne, 'recording.grant', grantLotte);
    await school.app.composed.clipJob.idle();
    await delivered(school.app);
    await act(sanne, 'recording.grant', grantLotte);
    await school.app.composed.clipJob.idle();
    await delivered(school.app);
    const cards = connector.to(personalChatOf(lotte)).filter((sent) => JSON.stringify(sent.activity).includes('/recordings/watch?t='));
    expect(cards).toHaveLength(1);
    expect(connector.to(personalChatOf(peter)).filter((sent) => JSON.stringify(sent.activity).includes('/recordings/watch?t='))).toHaveLength(1);

    const grants = await school.app.composed.recordings.grantsOf(teacher, recording.id);
    if (!grants.ok) throw new Error(grants.reason);
    expect(grants.grants.map((grant) => grant.granteeId).sort()).toEqual([lotte.aadObjectId, peter.aadObjectId].sort());
  });

  it('tells the teacher, once, when a fragment cannot be cut', async () => {
    const broken = Buffer.concat([Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]), Buffer.alloc(4096, 3)]);
    const { recording, fragments } = await recordingWithFragments(broken, [[1, 2]]);
    const granted = await school.app.composed.recordings.grant(teacher, recording.id, { userId: lotte.aadObjectId, name: lotte.name }, { kind: 'fragments', fragmentIds: [fragments[0].id] });
    expect(granted).toMatchObject({ ok: true, clipsPending: true });

    for (let round = 0; round < 4; round++) await school.app.composed.clipJob.kick();
    await delivered(school.app);

    const told = connector.to(personalChatOf(sanne)).map((sent) => sent.activity.text);
    expect(told.filter((text) => text === 'Het lukte niet om de fragmenten voor Lotte Smit klaar te zetten. Probeer het opnieuw, of deel de hele opname.')).toHaveLength(1);
    expect(watchLinkSentTo(lotte)).toBeUndefined();
    const failures = school.app.logs.lines.filter((line) => line.msg === 'cutting a clip failed');
    expect(failures.length).toBeGreaterThan(0);
    expect(JSON.stringify(failures)).not.toMatch(/sig=|sp=r/);
  });
});
