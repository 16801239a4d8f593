import { actorOf, guidedTrajectory, putBlob, uploadRecording } from '../support/recordings';
import { useSchool } from '../support/school';
import { cardAction, lotte, marieke, message, peter, personalChatOf, post, sanne, TENANT_ID, type Person } from '../support/teamsActivities';
import type { Actor } from '../../src/features/schools/SchoolDirectory';
import { recordingPageLink } from '../../src/http/recordingsApi';
import { BlobChangedError } from '../../src/storage/recordings/RecordingBlobs';

/** A real (tiny) WebM: the EBML signature with the webm doc type. */
const VIDEO = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84]), Buffer.from('webm'), Buffer.alloc(2048, 7)]);
const HTML = Buffer.from('<!doctype html><script>alert(document.domain)</script>');

describe('recordings after registration, after withdrawal, and for directie (real Azurite, over HTTP)', () => {
  const school = useSchool({ svibbers: [marieke], others: [sanne, lotte, peter] }, { env: { RECORDING_MAX_BYTES: '1000000' } });
  const actors: Record<string, Actor> = {};
  let trajectoryId: string;
  const secret = () => school.app.composed.config.linkSigningSecret;
  const act = (person: Person, verb: string, data: Record<string, unknown> = {}) => post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: person }, verb, data));
  const shown = (answer: { body?: Record<string, unknown> }) => JSON.stringify(answer.body?.value);
  const postJson = async (path: string, body: unknown) => {
    const response = await fetch(`${school.app.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  /** What the upload page does: a session from its signed link, one Put Blob, then register. */
  const uploadSession = async (by: Actor, forTrajectory: string) => {
    const link = recordingPageLink(secret(), school.app.baseUrl, 'upload', { subjectId: `${TENANT_ID}|default|${forTrajectory}|1`, userId: by.userId, expiresAt: new Date(Date.now() + 600_000) });
    const answer = await postJson('/api/recordings/upload-session', { t: new URL(link).searchParams.get('t') });
    return answer as { status: number; body: { uploadUrl: string; registerToken: string; uploadSeconds: number } };
  };
  const watchOverHttp = async (by: Actor, recordingId: string) => {
    const link = recordingPageLink(secret(), school.app.baseUrl, 'watch', { subjectId: `${TENANT_ID}|default|${recordingId}`, userId: by.userId, expiresAt: new Date(Date.now() + 600_000) });
    return postJson('/api/recordings/view', { t: new URL(link).searchParams.get('t') });
  };

  beforeAll(async () => {
    for (const [name, person] of Object.entries({ sanne, marieke, lotte, peter })) actors[name] = await actorOf(school.app, person);
    const directie = await school.app.composed.directory.changeRole(school.beheerder, { userId: peter.aadObjectId }, 'directie', 'grant');
    if (!directie.ok) throw new Error(directie.reason);
    actors.peter = await actorOf(school.app, peter);
    trajectoryId = await guidedTrajectory(school.app, actors.sanne, actors.marieke);
  });

  describe('registration', () => {
    it('registers once; a second registration is refused and stores nothing', async () => {
      const session = await uploadSession(actors.marieke, trajectoryId);
      expect(await putBlob(session.body.uploadUrl, VIDEO, 'video/webm')).toBe(201);
      const before = (await school.app.composed.recordings.watchable(actors.sanne, trajectoryId)).length;

      expect((await postJson('/api/recordings/register', { registerToken: session.body.registerToken })).status).toBe(200);
      const second = await postJson('/api/recordings/register', { registerToken: session.body.registerToken });

      expect(second.status).toBe(400);
      expect(second.body.message).toBe('Deze upload is al opgeslagen. Voeg een nieuwe opname toe vanaf het traject.');
      expect(await school.app.composed.recordings.watchable(actors.sanne, trajectoryId)).toHaveLength(before + 1);
    });

    it('lets no client write the recording again: the upload link is refused, and the recording keeps its video', async () => {
      const session = await uploadSession(actors.marieke, trajectoryId);
      expect(await putBlob(session.body.uploadUrl, VIDEO, 'video/webm')).toBe(201);
      expect((await postJson('/api/recordings/register', { registerToken: session.body.registerToken })).status).toBe(200);
      const [recording] = (await school.app.composed.recordings.watchable(actors.sanne, trajectoryId)).slice(-1);

      // The upload link named the staging blob, which the server took over; the final name it never covered.
      expect(await putBlob(session.body.uploadUrl, HTML, 'text/html')).not.toBe(201);
      const url = new URL(session.body.uploadUrl);
      const toFinal = `${url.origin}${url.pathname.replace(/staging\/.*$/, recording.blobName)}${url.search}`;
      expect(await putBlob(toFinal, HTML, 'text/html')).toBe(403);
      expect((await postJson('/api/recordings/register', { registerToken: session.body.registerToken })).status).toBe(400);

      const watched = await watchOverHttp(actors.sanne, recording.id);
      const video = await fetch(String(watched.body.videoUrl));
      expect(video.headers.get('content-type')).toBe('video/webm');
      expect(Buffer.from(await video.arrayBuffer()).equals(VIDEO)).toBe(true);
    });

    it('serves read links with the checked video type and as a download, whatever the upload declared', async () => {
      const session = await uploadSession(actors.marieke, trajectoryId);
      // Declared as mp4, but the bytes are WebM: the checked type wins.
      expect(await putBlob(session.body.uploadUrl, VIDEO, 'video/mp4')).toBe(201);
      expect((await postJson('/api/recordings/register', { registerToken: session.body.registerToken })).status).toBe(200);
      const [recording] = (await school.app.composed.recordings.watchable(actors.sanne, trajectoryId)).slice(-1);
      const videoUrl = new URL(String((await watchOverHttp(actors.sanne, recording.id)).body.videoUrl));

      expect(videoUrl.searchParams.get('rsct')).toBe('video/webm');
      expect(videoUrl.searchParams.get('rscd')).toBe('attachment; filename="opname-1.webm"');
      const response = await fetch(videoUrl);
      expect(response.headers.get('content-type')).toBe('video/webm');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="opname-1.webm"');
    });

    it('copies only the version it checked: a write through the upload link after the check fails the copy', async () => {
      const { recordings, recordingBlobs } = school.app.composed;
      const started = await recordings.startUpload(actors.marieke, trajectoryId);
      if (!started.ok) throw new Error(started.reason);
      expect(await putBlob(started.uploadUrl, VIDEO, 'video/webm')).toBe(201);
      const checked = await recordingBlobs.facts(started.blobName);
      expect(await putBlob(started.uploadUrl, HTML, 'video/webm')).toBe(201);

      await expect(recordingBlobs.head(started.blobName, 16, checked!.etag)).rejects.toBeInstanceOf(BlobChangedError);
      await expect(recordingBlobs.promote(started.blobName, `${TENANT_ID}/default/${trajectoryId}/race-target`, { contentType: 'video/webm', fileName: 'x.webm' }, checked!.etag)).rejects.toBeInstanceOf(
        BlobChangedError,
      );
      expect(await recordingBlobs.facts(`${TENANT_ID}/default/${trajectoryId}/race-target`)).toBeUndefined();
    });

    it('refuses a "video" whose bytes are no video container, and removes it', async () => {
      const session = await uploadSession(actors.marieke, trajectoryId);
      expect(await putBlob(session.body.uploadUrl, HTML, 'video/mp4')).toBe(201);
      const refused = await postJson('/api/recordings/register', { registerToken: session.body.registerToken });
      expect(refused).toEqual({ status: 400, body: { message: 'Dit is geen video. Kies een videobestand.' } });
      const blobName = new URL(session.body.uploadUrl).pathname.split('/').slice(2).join('/');
      expect(await school.app.composed.recordingBlobs.facts(decodeURIComponent(blobName))).toBeUndefined();
    });

    it('puts an upload page link on the trajectory card that opens the page for a quarter of an hour, not an hour', async () => {
      const sentAt = Date.now();
      await act(sanne, 'trajectory.open', { trajectoryId });
      const card = JSON.stringify(school.connector.to(personalChatOf(sanne)).at(-1)!.activity.attachments![0].content);
      const token = decodeURIComponent(/\/recordings\/upload\?t=([^"\\]+)/.exec(card)![1]);
      const claims = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as { e: number };
      expect(claims.e).toBeGreaterThan(sentAt);
      expect(claims.e).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    });

    it('gives an upload link that lives as long as the school’s largest upload takes at 10 Mbit/s, not hours', async () => {
      const session = await uploadSession(actors.marieke, trajectoryId);
      // 1 MB at 1.25 MB/s is under a minute: the fifteen-minute floor.
      expect(session.body.uploadSeconds).toBe(15 * 60);
      expect(new Date(new URL(session.body.uploadUrl).searchParams.get('se')!).getTime()).toBeLessThanOrEqual(Date.now() + 15 * 60_000 + 5_000);
    });
  });

  describe('a stopped trajectory closes its recordings', () => {
    it('after withdrawal: no watch link for the begeleider, an earlier upload link cannot register, a colleague’s grant stops', async () => {
      const stopping = await guidedTrajectory(school.app, actors.lotte, actors.marieke);
      const recording = await uploadRecording(school.app, actors.marieke, stopping, VIDEO, 'video/webm');
      const granted = await school.app.composed.recordings.grant(actors.lotte, recording.id, { userId: sanne.aadObjectId, name: sanne.name }, { kind: 'recording' });
      if (!granted.ok) throw new Error(granted.reason);
      expect((await watchOverHttp(actors.marieke, recording.id)).status).toBe(200);
      expect((await watchOverHttp(actors.sanne, recording.id)).status).toBe(200);
      const earlier = await uploadSession(actors.marieke, stopping);
      expect(earlier.status).toBe(200);

      await school.app.composed.trajectoryService.run(actors.lotte, stopping, { type: 'withdraw' });

      const begeleider = await watchOverHttp(actors.marieke, recording.id);
      expect(begeleider.status).toBe(403);
      expect(begeleider.body.videoUrl).toBeUndefined();
      expect(await school.app.composed.recordings.watch(actors.marieke, recording.id)).toMatchObject({ ok: false, reason: 'trajectory-ended' });
      expect((await watchOverHttp(actors.sanne, recording.id)).status).toBe(403);
      expect(await school.app.composed.recordings.sharedWith(actors.sanne)).toEqual([]);

      await putBlob(earlier.body.uploadUrl, VIDEO, 'video/webm');
      expect((await postJson('/api/recordings/register', { registerToken: earlier.body.registerToken })).status).toBe(400);
      expect((await uploadSession(actors.marieke, stopping)).status).toBe(403);
      expect((await school.app.composed.recordings.watchable(actors.lotte, stopping)).map((kept) => kept.id)).toEqual([recording.id]);

      // The teacher still watches and deletes her own recordings until retention, from the access card.
      expect((await watchOverHttp(actors.lotte, recording.id)).status).toBe(200);
      const card = shown(await act(lotte, 'recording.access', { recordingId: recording.id }));
      expect(card).toContain('Dit traject is gestopt of afgesloten');
      expect(card).toContain('Opname verwijderen');
      expect(card).not.toContain('Toegang geven');
      expect(shown(await act(lotte, 'recording.grant', { recordingId: recording.id, granteeId: sanne.aadObjectId }))).toContain('Dit traject is gestopt of afgesloten');
      expect(await school.app.composed.recordings.remove(actors.lotte, recording.id)).toEqual({ ok: true });
    });

    it('adds no recordings before the opnames start', async () => {
      const request = await guidedTrajectory(school.app, actors.lotte, actors.marieke);
      const stored = await school.app.composed.repositories.trajectories.get(TENANT_ID, 'default', request);
      await school.app.composed.repositories.trajectories.update(TENANT_ID, stored!, { ...stored!.trajectory, phase: { kind: 'intake' } }, new Date());
      expect(await school.app.composed.recordings.startUpload(actors.marieke, request)).toEqual({ ok: false, reason: 'no-uploads-in-phase' });
      expect(await school.app.composed.recordings.startUpload(actors.lotte, request)).toEqual({ ok: false, reason: 'no-uploads-in-phase' });
    });
  });

  describe('directie never sees content', () => {
    let recordingId: string;
    beforeAll(async () => {
      recordingId = (await uploadRecording(school.app, actors.sanne, trajectoryId, VIDEO, 'video/webm')).id;
    });

    it('is not offered on the access card, which says why in one sentence', async () => {
      const card = shown(await act(sanne, 'recording.access', { recordingId }));
      expect(card).toContain('Lotte Smit');
      expect(card).not.toContain('Peter Bakker');
      expect(card).toContain('De directie kan je opnames nooit zien: SVIB staat los van beoordeling.');
    });

    it('is refused as grantee with the reason named, and nothing is stored', async () => {
      const answer = shown(await act(sanne, 'recording.grant', { recordingId, granteeId: peter.aadObjectId }));
      expect(answer).toContain('Iemand van de directie kan je opname niet zien');
      const { grants } = (await school.app.composed.recordings.grantsOf(actors.sanne, recordingId)) as { grants: unknown[] };
      expect(grants).toHaveLength(0);
      expect(school.connector.to(personalChatOf(peter))).toHaveLength(0);
    });

    it('gets nothing from a grant stored before the rule', async () => {
      const grant = { id: 'old-grant-peter', tenantId: TENANT_ID, schoolId: 'default', trajectoryId, recordingId, granteeId: peter.aadObjectId, granteeName: peter.name, scope: { kind: 'recording' as const }, grantedAt: new Date() };
      await school.app.composed.recordings['options'].recordings.putGrant(grant);
      const answer = await watchOverHttp(actors.peter, recordingId);
      expect(answer.status).toBe(403);
      expect(answer.body.videoUrl).toBeUndefined();
      expect(await school.app.composed.recordings.sharedWith(actors.peter)).toEqual([]);
    });
  });

  describe('grants and the logboek', () => {
    let recordingId: string;
    beforeAll(async () => {
      recordingId = (await uploadRecording(school.app, actors.sanne, trajectoryId, VIDEO, 'video/webm')).id;
    });

    it('refuses an end date already past on the card, names it, and saves nothing', async () => {
      const answer = shown(await act(sanne, 'recording.grant', { recordingId, granteeId: lotte.aadObjectId, until: '2020-01-31' }));
      expect(answer).toContain('Deze einddatum is al voorbij.');
      const found = await school.app.composed.recordings.grantsOf(actors.sanne, recordingId);
      expect(found).toMatchObject({ ok: true, grants: [] });
      expect(school.connector.to(personalChatOf(lotte))).toHaveLength(0);
      expect(shown(await act(sanne, 'recording.grant', { recordingId, granteeId: lotte.aadObjectId, until: '31-02-2099' }))).toContain('Deze einddatum kan ik niet lezen.');
      expect(await school.app.composed.recordings.grantsOf(actors.sanne, recordingId)).toMatchObject({ ok: true, grants: [] });
    });

    it('audits an attempt from another tenant where the recording lives, so the teacher sees it', async () => {
      const attempt = cardAction({ serviceUrl: school.serviceUrl, from: lotte }, 'recording.access', { recordingId });
      const otherTenant = 'f00dfeed-0000-4000-8000-00000000beef';
      const foreign = { ...attempt, conversation: { ...attempt.conversation, tenantId: otherTenant }, channelData: { tenant: { id: otherTenant } } };
      expect(shown(await post(school.app.baseUrl, foreign))).toContain('kan ik niet voor je openen');

      const log = await school.app.composed.recordings.auditLog(actors.sanne, trajectoryId);
      if (!log.ok) throw new Error(log.reason);
      expect(log.entries).toContainEqual(expect.objectContaining({ actorId: `${otherTenant}:${lotte.aadObjectId}`, objectId: recordingId, result: 'refused', detail: 'other-tenant', action: 'openAccessCard' }));
    });

    it('writes opening the access card by someone else as just that, never as a refused grant', async () => {
      await act(marieke, 'recording.access', { recordingId });
      const log = await school.app.composed.recordings.auditLog(actors.sanne, trajectoryId);
      if (!log.ok) throw new Error(log.reason);
      const mine = log.entries.filter((entry) => entry.actorId === marieke.aadObjectId && entry.objectId === recordingId);
      expect(mine.map((entry) => entry.action)).toEqual(['openAccessCard']);

      await post(school.app.baseUrl, message({ serviceUrl: school.serviceUrl, from: sanne }, 'logboek'));
      const card = JSON.stringify(school.connector.to(personalChatOf(sanne)).at(-1)!.activity.attachments![0].content);
      expect(card).toContain('Marieke Jansen · toegangskaart geopend (geweigerd)');
      expect(card).toContain('iemand buiten je school · toegangskaart geopend (geweigerd)');
      expect(card).not.toContain('Marieke Jansen · toegang gegeven (geweigerd)');
    });
  });
});
