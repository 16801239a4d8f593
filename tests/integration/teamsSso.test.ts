import { generateKeyPair } from 'jose';
import type { Actor } from '../../src/features/schools/SchoolDirectory';
import { actorOf, guidedTrajectory, uploadRecording } from '../support/recordings';
import { useSchool } from '../support/school';
import { SSO_CLIENT_ID, SsoIssuer } from '../support/ssoIssuer';
import { cardAction, lotte, marieke, peter, personalChatOf, post, sanne, taskFetch, TENANT_ID } from '../support/teamsActivities';

const VIDEO = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(2048, 7)]);
const OTHER_TENANT = '0f0e0d0c-0b0a-4909-8807-060504030201';

describe('Teams SSO: the recording pages open as Teams dialogs and sign in with Teams (real Azurite)', () => {
  const issuer = new SsoIssuer();
  // Filled in once the issuer runs; the school's app starts after that (hooks run in order).
  const env: Record<string, string> = { SSO_CLIENT_ID, SSO_APP_ID_URI: `api://svib.example.nl/${SSO_CLIENT_ID}`, PUBLIC_BASE_URL: 'https://svib.example.nl' };
  beforeAll(async () => {
    env.SSO_JWKS_URL = await issuer.start();
  });
  afterAll(() => issuer.stop());
  // SSO settings on a bot without Bot Framework credentials: only tests may ask for that.
  const school = useSchool({ svibbers: [marieke], others: [sanne, lotte, peter] }, { env, loadOptions: { acceptProductionSignsInLocalMode: true } });
  const { connector } = school;
  let teacher: Actor;
  let trajectoryId: string;
  let recordingId: string;

  const api = async (path: string, body: Record<string, unknown>, token?: string) => {
    const response = await fetch(`${school.app.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const refusalsOf = async (userId: string) => {
    const log = await school.app.composed.recordings.auditLog(teacher, trajectoryId);
    if (!log.ok) throw new Error(log.reason);
    return log.entries.filter((entry) => entry.actorId === userId && entry.result === 'refused');
  };

  beforeAll(async () => {
    teacher = await actorOf(school.app, sanne);
    trajectoryId = await guidedTrajectory(school.app, teacher, await actorOf(school.app, marieke));
    recordingId = (await uploadRecording(school.app, teacher, trajectoryId, VIDEO, 'video/webm')).id;
  });

  it('puts dialog buttons on the trajectory card instead of links with a token', async () => {
    await post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: sanne }, 'trajectory.open', { trajectoryId }));
    const card = JSON.stringify(connector.to(personalChatOf(sanne))[0].activity.attachments![0].content);
    expect(card).toContain('"msteams":{"type":"task/fetch"}');
    expect(card).toContain('"verb":"recording.dialog"');
    expect(card).toContain(`"recordingId":"${recordingId}"`);
    expect(card).not.toContain('/recordings/watch?t=');
  });

  it('answers the dialog request with the player page, which carries no token', async () => {
    const answer = await post(school.app.baseUrl, taskFetch({ serviceUrl: school.serviceUrl, from: sanne }, { verb: 'recording.dialog', page: 'watch', recordingId }));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      task: { type: 'continue', value: { url: `https://svib.example.nl/recordings/watch?r=${recordingId}`, title: 'Opname bekijken', height: 'large', width: 'large' } },
    });
    const upload = await post(school.app.baseUrl, taskFetch({ serviceUrl: school.serviceUrl, from: sanne }, { verb: 'recording.dialog', page: 'upload', trajectoryId, cycle: '1' }));
    expect(upload.body).toMatchObject({ task: { value: { url: `https://svib.example.nl/recordings/upload?trajectory=${trajectoryId}&cycle=1` } } });
    const refused = await post(school.app.baseUrl, taskFetch({ serviceUrl: school.serviceUrl, from: lotte }, { verb: 'recording.dialog', page: 'upload', trajectoryId, cycle: '1' }));
    expect(refused.body).toMatchObject({ task: { type: 'message', value: 'Deze opname kan ik niet voor je openen.' } });
  });

  it('opens the recording for the teacher and her begeleider with their Teams token, every time', async () => {
    for (const person of [sanne, sanne, marieke]) {
      const answer = await api('/api/recordings/view', { recordingId }, await issuer.tokenFor(person, TENANT_ID));
      expect(answer.status).toBe(200);
      expect((await fetch(String(answer.body.videoUrl))).status).toBe(200);
    }
  });

  it('refuses a colleague without a grant, and audits it, although her Teams sign-in is valid', async () => {
    const answer = await api('/api/recordings/view', { recordingId }, await issuer.tokenFor(lotte, TENANT_ID));
    expect(answer).toEqual({ status: 403, body: { message: 'Deze opname kan ik niet voor je openen.' } });
    expect((await refusalsOf(lotte.aadObjectId)).some((entry) => entry.action === 'view' && entry.objectId === recordingId)).toBe(true);
  });

  it('refuses tokens that do not prove who asks', async () => {
    const signInFailed = { status: 401, body: { message: 'Je bent niet (meer) aangemeld. Sluit dit venster en open de opname opnieuw vanuit Teams.' } };
    const foreignKey = (await generateKeyPair('RS256')).privateKey;
    expect(await api('/api/recordings/view', { recordingId }, await issuer.tokenFor(sanne, TENANT_ID, { key: foreignKey }))).toEqual(signInFailed);
    expect(await api('/api/recordings/view', { recordingId }, await issuer.tokenFor(sanne, TENANT_ID, { audience: 'another-app' }))).toEqual(signInFailed);
    expect(await api('/api/recordings/view', { recordingId }, await issuer.tokenFor(sanne, TENANT_ID, { expiresInSeconds: -3600 }))).toEqual(signInFailed);
    expect(await api('/api/recordings/view', { recordingId }, 'not-a-token')).toEqual(signInFailed);
    // An app-only token (client credentials) carrying the teacher's object id speaks for no person.
    const appOnly = { scp: undefined, roles: ['Recordings.Read.All'], idtyp: 'app' };
    expect(await api('/api/recordings/view', { recordingId }, await issuer.tokenFor(sanne, TENANT_ID, { claims: appOnly }))).toEqual(signInFailed);
    expect(await api('/api/recordings/view', { recordingId }, await issuer.tokenFor(sanne, TENANT_ID, { claims: { scp: 'User.Read' } }))).toEqual(signInFailed);
    // Neither a token nor a link: nothing opens.
    expect((await api('/api/recordings/view', { recordingId })).status).toBe(403);
  });

  it('opens nothing for the same person id in another tenant, or for someone the bot never met', async () => {
    expect((await api('/api/recordings/view', { recordingId }, await issuer.tokenFor(sanne, OTHER_TENANT))).status).toBe(403);
    const stranger = { aadObjectId: '0a1b2c3d-0000-4000-8000-0000000000ff', name: 'Onbekend' };
    expect((await api('/api/recordings/view', { recordingId }, await issuer.tokenFor(stranger, TENANT_ID))).status).toBe(403);
  });

  it('answers a forged recording id exactly like a closed one, so it does not tell what exists', async () => {
    const forged = await api('/api/recordings/view', { recordingId: 'forged-recording' }, await issuer.tokenFor(sanne, TENANT_ID));
    const closed = await api('/api/recordings/view', { recordingId }, await issuer.tokenFor(lotte, TENANT_ID));
    expect(forged).toEqual(closed);
    expect(forged.status).toBe(403);
    for (const odd of ['a|b', '', 42, { $ne: null }]) {
      expect(await api('/api/recordings/view', { recordingId: odd }, await issuer.tokenFor(sanne, TENANT_ID))).toEqual(closed);
    }
  });

  it('hands out an upload link to the teacher signed in with Teams, and to nobody else', async () => {
    const session = await api('/api/recordings/upload-session', { trajectoryId, cycle: 1 }, await issuer.tokenFor(sanne, TENANT_ID));
    expect(session.status).toBe(200);
    expect(String(session.body.uploadUrl)).toContain('sp=cw');
    expect((await api('/api/recordings/upload-session', { trajectoryId, cycle: 1 }, await issuer.tokenFor(lotte, TENANT_ID))).status).toBe(403);
    expect((await api('/api/recordings/upload-session', { trajectoryId, cycle: 0 }, await issuer.tokenFor(sanne, TENANT_ID))).status).toBe(403);
  });

  it('lets Teams (and only Teams) frame the pages, and serves the Teams SDK itself', async () => {
    const page = await fetch(`${school.app.baseUrl}/recordings/watch?r=${recordingId}`);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain('frame-ancestors https://teams.microsoft.com https://*.teams.microsoft.com');
    expect(policy).not.toContain("frame-ancestors 'none'");
    // No inline script: the page script and the SDK are files of this origin.
    expect(policy).toContain("script-src 'self';");
    const script = await fetch(`${school.app.baseUrl}/static/player.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toContain('/api/recordings/view');
    const sdk = await fetch(`${school.app.baseUrl}/static/teams-js.js`);
    expect(sdk.status).toBe(200);
    expect(sdk.headers.get('content-type')).toContain('javascript');
    expect(await sdk.text()).toContain('getAuthToken');
  });

  it('gives a colleague a dialog button when the teacher grants her the recording', async () => {
    await post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: sanne }, 'recording.grant', { recordingId, granteeId: peter.aadObjectId }));
    const notice = JSON.stringify(connector.to(personalChatOf(peter)).at(-1)?.activity.attachments?.[0]?.content);
    expect(notice).toContain('"msteams":{"type":"task/fetch"}');
    expect(notice).toContain(`"recordingId":"${recordingId}"`);
    expect(notice).not.toContain('?t=');
    expect(notice).toContain('Je vindt de opname ook terug met *gedeeld met mij*.');
    expect(notice).not.toContain('een uur');
    const answer = await api('/api/recordings/view', { recordingId }, await issuer.tokenFor(peter, TENANT_ID));
    expect(answer.status).toBe(200);
  });
});
