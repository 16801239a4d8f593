import { randomUUID } from 'node:crypto';
import type * as restify from 'restify';
import type { AccessSubject } from '../domain/recordings/recording';
import type { RecordingService } from '../features/recordings/RecordingService';
import { signLink, verifyLink } from './signedLinks';

export interface RecordingsApiDeps {
  secret: string;
  now: () => Date;
  recordings: RecordingService;
  /** Roles are decided again on the server for the person the link is bound to. */
  subjectFor: (tenantId: string, schoolId: string, userId: string) => Promise<AccessSubject>;
  useOnce: (nonce: string, now: Date) => Promise<boolean>;
  texts: { refused: string; expired: string; uploaded: string; fragmentsOnly: string; problems: Record<string, string>; aspects: { value: string; title: string }[]; title: (recordingTitle: string) => string };
}

export const PURPOSES = { upload: 'recording-upload', register: 'recording-register', watch: 'recording-watch', session: 'recording-session' } as const;

/** Links the bot puts on cards: bound to one person, signed, and short-lived. */
export function recordingPageLink(secret: string, baseUrl: string, page: 'upload' | 'watch', claims: { subjectId: string; userId: string; expiresAt: Date }): string {
  const subjectId = page === 'watch' ? `${claims.subjectId}|${randomUUID()}` : claims.subjectId;
  const token = signLink(secret, { purpose: page === 'upload' ? PURPOSES.upload : PURPOSES.watch, subjectId, userId: claims.userId, expiresAt: claims.expiresAt });
  return `${baseUrl}/recordings/${page}?t=${encodeURIComponent(token)}`;
}

const MINUTE = 60_000;

/**
 * The JSON API behind the upload and player pages. The page itself is reached with a signed link
 * (the Playground has no SSO); every call decides access again on the server and is audited there.
 */
export function registerRecordingsApi(server: restify.Server, deps: RecordingsApiDeps): void {
  const refuse = (res: restify.Response, status = 403, message = deps.texts.refused): void => {
    res.json(status, { message });
  };
  const claimsOf = (token: unknown, purpose: string) => {
    const verified = verifyLink(deps.secret, String(token ?? ''), purpose, deps.now());
    return verified.ok ? verified.claims : undefined;
  };

  server.post('/api/recordings/upload-session', async (req, res) => {
    const claims = claimsOf(req.body?.t, PURPOSES.upload);
    const [tenantId, schoolId, trajectoryId, cycle] = claims?.subjectId.split('|') ?? [];
    if (!claims || !trajectoryId) return refuse(res);
    const subject = await deps.subjectFor(tenantId, schoolId, claims.userId);
    const started = await deps.recordings.startUpload(subject, trajectoryId);
    if (!started.ok) return refuse(res);
    const registerToken = signLink(deps.secret, {
      purpose: PURPOSES.register,
      subjectId: `${tenantId}|${schoolId}|${trajectoryId}|${cycle}|${started.blobName}`,
      userId: claims.userId,
      expiresAt: new Date(deps.now().getTime() + 180 * MINUTE),
    });
    res.json(200, { uploadUrl: started.uploadUrl, maxBytes: started.maxBytes, registerToken, title: deps.texts.title(`${cycle}`) });
  });

  server.post('/api/recordings/register', async (req, res) => {
    const claims = claimsOf(req.body?.registerToken, PURPOSES.register);
    const [tenantId, schoolId, trajectoryId, cycle, blobName] = claims?.subjectId.split('|') ?? [];
    if (!claims || !blobName) return refuse(res);
    const subject = await deps.subjectFor(tenantId, schoolId, claims.userId);
    const registered = await deps.recordings.register(subject, trajectoryId, Number(cycle) || 1, blobName, Number(req.body?.durationSeconds) || undefined);
    if (!registered.ok) return refuse(res, 400, deps.texts.problems[registered.reason] ?? deps.texts.refused);
    res.json(200, { message: deps.texts.uploaded });
  });

  server.post('/api/recordings/view', async (req, res) => {
    const claims = claimsOf(req.body?.t, PURPOSES.watch);
    const [tenantId, schoolId, recordingId, nonce] = claims?.subjectId.split('|') ?? [];
    if (!claims || !nonce) return refuse(res);
    // A forwarded or reused link does not open the recording again.
    if (!(await deps.useOnce(nonce, deps.now()))) return refuse(res, 403, deps.texts.expired);
    const subject = await deps.subjectFor(tenantId, schoolId, claims.userId);
    const watched = await deps.recordings.watch(subject, recordingId);
    if (!watched.ok) return refuse(res, 403, watched.reason === 'clips-not-ready' ? deps.texts.problems[watched.reason] : deps.texts.refused);
    const sessionToken = signLink(deps.secret, {
      purpose: PURPOSES.session,
      subjectId: `${tenantId}|${schoolId}|${recordingId}`,
      userId: claims.userId,
      expiresAt: new Date(deps.now().getTime() + 15 * MINUTE),
    });
    res.json(200, {
      title: deps.texts.title(String(watched.recording.cycle)),
      videoUrl: watched.videoUrl,
      // Only the granted fragments, each with a read link to its own clip.
      fragmentsOnly: watched.videoUrl === undefined,
      notice: watched.videoUrl === undefined ? deps.texts.fragmentsOnly : '',
      fragments: watched.fragments,
      canMark: watched.canMark,
      sessionToken,
      aspects: deps.texts.aspects,
    });
  });

  server.post('/api/recordings/fragments', async (req, res) => {
    const claims = claimsOf(req.body?.sessionToken, PURPOSES.session);
    const [tenantId, schoolId, recordingId] = claims?.subjectId.split('|') ?? [];
    if (!claims || !recordingId) return refuse(res);
    const subject = await deps.subjectFor(tenantId, schoolId, claims.userId);
    const marked = await deps.recordings.markFragment(subject, recordingId, {
      startSecond: Number(req.body?.startSecond),
      endSecond: Number(req.body?.endSecond),
      note: String(req.body?.note ?? ''),
      aspect: String(req.body?.aspect ?? ''),
    });
    if (!marked.ok) return refuse(res, 400, deps.texts.problems[marked.reason] ?? deps.texts.refused);
    res.json(200, { fragment: marked.fragment });
  });
}
