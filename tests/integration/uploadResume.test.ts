import { PURPOSES, recordingPageLink } from '../../src/http/recordingsApi';
import { signLink } from '../../src/features/links/signedLinks';
import type { Actor } from '../../src/features/schools/SchoolDirectory';
import { actorOf, guidedTrajectory } from '../support/recordings';
import { useSchool } from '../support/school';
import { marieke, sanne, TENANT_ID } from '../support/teamsActivities';

interface UploadSession {
  uploadUrl: string;
  registerToken: string;
}

const blockId = (index: number) => Buffer.from(`block-${String(index + 1).padStart(6, '0')}`).toString('base64');

/** After a reload the upload page asks the bot which blocks of its blob already arrived. */
describe('upload progress of an interrupted upload (real Azurite)', () => {
  const school = useSchool({ svibbers: [marieke], others: [sanne] });
  let teacher: Actor;
  let trajectoryId: string;
  const postJson = async (path: string, body: unknown) => {
    const response = await fetch(`${school.app.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const progressOf = (registerToken: unknown) => postJson('/api/recordings/upload-progress', { registerToken });

  async function uploadSession(): Promise<UploadSession> {
    const link = recordingPageLink(school.app.composed.config.linkSigningSecret, school.app.baseUrl, 'upload', {
      subjectId: `${TENANT_ID}|default|${trajectoryId}|1`,
      userId: teacher.userId,
      expiresAt: new Date(Date.now() + 600_000),
    });
    const answer = await postJson('/api/recordings/upload-session', { t: new URL(link).searchParams.get('t') });
    expect(answer.status).toBe(200);
    return answer.body as unknown as UploadSession;
  }

  async function putBlock(uploadUrl: string, id: string, body: Buffer): Promise<number> {
    const response = await fetch(`${uploadUrl}&comp=block&blockid=${encodeURIComponent(id)}`, { method: 'PUT', headers: { 'x-ms-version': '2021-12-02' }, body: new Uint8Array(body) });
    return response.status;
  }

  beforeAll(async () => {
    teacher = await actorOf(school.app, sanne);
    trajectoryId = await guidedTrajectory(school.app, teacher, await actorOf(school.app, marieke));
  });

  it('lists the blocks that arrived through the write-only link, which itself cannot read them', async () => {
    const session = await uploadSession();
    expect(await putBlock(session.uploadUrl, blockId(0), Buffer.alloc(4096, 1))).toBe(201);
    expect(await putBlock(session.uploadUrl, blockId(1), Buffer.alloc(1000, 2))).toBe(201);
    const sasListing = await fetch(`${session.uploadUrl}&comp=blocklist&blocklisttype=uncommitted`, { headers: { 'x-ms-version': '2021-12-02' } });
    expect(sasListing.status).toBe(403);

    const progress = await progressOf(session.registerToken);

    expect(progress.status).toBe(200);
    expect(progress.body).toEqual({
      blocks: expect.arrayContaining([
        { name: blockId(0), size: 4096 },
        { name: blockId(1), size: 1000 },
      ]),
    });
    expect(progress.body.blocks).toHaveLength(2);
  });

  it('answers an empty list for a blob nothing was uploaded to yet', async () => {
    const session = await uploadSession();

    expect(await progressOf(session.registerToken)).toEqual({ status: 200, body: { blocks: [] } });
  });

  it('refuses an altered, expired, missing or other kind of token', async () => {
    const session = await uploadSession();
    expect(await putBlock(session.uploadUrl, blockId(0), Buffer.alloc(512, 3))).toBe(201);
    const [payload, signature] = session.registerToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { s: string; u: string };
    const secret = school.app.composed.config.linkSigningSecret;
    const refused = { status: 403, body: { message: 'Deze opname kan ik niet voor je openen.' } };

    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await progressOf(`${payload}.${flipped}`)).toEqual(refused);
    const otherBlob = Buffer.from(JSON.stringify({ ...claims, s: claims.s.replace(/[^|]+$/, 'someone-elses-blob') })).toString('base64url');
    expect(await progressOf(`${otherBlob}.${signature}`)).toEqual(refused);
    const expired = signLink(secret, { purpose: PURPOSES.register, subjectId: claims.s, userId: claims.u, expiresAt: new Date(Date.now() - 1000) });
    expect(await progressOf(expired)).toEqual(refused);
    const uploadPurpose = signLink(secret, { purpose: PURPOSES.upload, subjectId: claims.s, userId: claims.u, expiresAt: new Date(Date.now() + 60_000) });
    expect(await progressOf(uploadPurpose)).toEqual(refused);
    expect(await progressOf(undefined)).toEqual(refused);
    expect(await progressOf({ token: session.registerToken })).toEqual(refused);

    expect((await progressOf(session.registerToken)).body).toEqual({ blocks: [{ name: blockId(0), size: 512 }] });
  });

  it('shows a token only the blocks of its own blob', async () => {
    const first = await uploadSession();
    const second = await uploadSession();
    expect(await putBlock(first.uploadUrl, blockId(0), Buffer.alloc(2048, 4))).toBe(201);
    expect(await putBlock(first.uploadUrl, blockId(1), Buffer.alloc(2048, 5))).toBe(201);
    expect(await putBlock(second.uploadUrl, blockId(2), Buffer.alloc(777, 6))).toBe(201);

    expect((await progressOf(second.registerToken)).body).toEqual({ blocks: [{ name: blockId(2), size: 777 }] });
    expect(((await progressOf(first.registerToken)).body.blocks as unknown[]).length).toBe(2);
  });

  it('reads no uncommitted blocks of a blob that does not exist', async () => {
    expect(await school.app.composed.recordingBlobs.uncommittedBlocks(`${TENANT_ID}/default/${trajectoryId}/never-started`)).toEqual([]);
  });
});
