import { randomUUID } from 'node:crypto';
import type * as restify from 'restify';
import type { AccessSubject, Recording } from '../domain/recordings/recording';
import type { RecordingService } from '../features/recordings/RecordingService';
import { REGISTER_GRACE_MINUTES } from '../domain/recordings/uploadWindow';
import { signLink, verifyLink } from '../features/links/signedLinks';
import type { SsoVerification } from './ssoToken';

export interface RecordingsApiDeps {
  secret: string;
  now: () => Date;
  recordings: RecordingService;
  /** Roles are decided again on the server for the person the link is bound to. */
  subjectFor: (tenantId: string, schoolId: string, userId: string) => Promise<AccessSubject>;
  useOnce: (nonce: string, now: Date) => Promise<boolean>;
  /**
   * One line of context under the page title (whose trajectory, its hulpvraag, the date), as this
   * person may see it; decided on the server from storage.
   */
  describe?: (subject: AccessSubject, trajectoryId: string, at: Date) => Promise<string | undefined>;
  /** Tells the other party of the trajectory that a recording was added. */
  onRegistered?: (recording: Recording) => Promise<void>;
  /**
   * Teams SSO: inside Teams the pages send the user's SSO token instead of a signed link. The
   * person's school comes from storage, never from the request.
   */
  sso?: { verify(authorization: string | undefined): Promise<SsoVerification>; schoolOf(tenantId: string, userId: string): Promise<string | undefined> };
  /** Unexpected failures are logged by kind only (never a message: it may hold a URL with a SAS). */
  logger?: { error(obj: object, msg: string): void };
  texts: { refused: string; failed: string; expired: string; uploaded: string; fragmentsOnly: string; signInFailed: string; signInUnavailable: string; problems: Record<string, string>; aspects: { value: string; title: string }[]; title: (recordingTitle: string) => string };
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
 * An upload page link on a card opens the page for a quarter of an hour (choosing the file);
 * a link that opened uploads for an hour was a bearer credential lying around in the chat.
 */
export const UPLOAD_PAGE_LINK_MINUTES = 15;
/** Ids from a request body are only looked up, and must look like ids ('|' separates link claims). */
const idOf = (value: unknown): string | undefined => (typeof value === 'string' && /^[A-Za-z0-9_:.@-]{1,128}$/.test(value) ? value : undefined);

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
  /**
   * Who calls with a Teams SSO token: undefined when the request carries none (then the signed
   * link decides), false when it carries one that does not hold (the response is already sent).
   */
  const ssoCaller = async (req: restify.Request, res: restify.Response): Promise<{ tenantId: string; schoolId: string; userId: string } | false | undefined> => {
    const authorization = req.headers.authorization;
    if (!authorization || !deps.sso) return undefined;
    const verified = await deps.sso.verify(authorization);
    if (!verified.ok) {
      refuse(res, verified.reason === 'unavailable' ? 503 : 401, verified.reason === 'unavailable' ? deps.texts.signInUnavailable : deps.texts.signInFailed);
      return false;
    }
    const { tenantId, userId } = verified.identity;
    const schoolId = await deps.sso.schoolOf(tenantId, userId);
    if (!schoolId) {
      refuse(res);
      return false;
    }
    return { tenantId, schoolId, userId };
  };
  /** What the upload page is for: from the signed link, or from the request when Teams SSO said who asks. */
  const uploadTarget = async (req: restify.Request, res: restify.Response) => {
    const caller = await ssoCaller(req, res);
    if (caller === false) return false;
    if (caller) {
      const cycle = Number(req.body?.cycle);
      const trajectoryId = idOf(req.body?.trajectoryId);
      if (!trajectoryId || !Number.isInteger(cycle) || cycle < 1 || cycle > 50) return undefined;
      return { ...caller, trajectoryId, cycle: String(cycle) };
    }
    const claims = claimsOf(req.body?.t, PURPOSES.upload);
    const [tenantId, schoolId, trajectoryId, cycle] = claims?.subjectId.split('|') ?? [];
    return claims && trajectoryId ? { tenantId, schoolId, userId: claims.userId, trajectoryId, cycle } : undefined;
  };
  /** Which recording the player page opens, for whom; a signed watch link opens once. */
  const watchTarget = async (req: restify.Request, res: restify.Response) => {
    const caller = await ssoCaller(req, res);
    if (caller === false) return false;
    if (caller) {
      const recordingId = idOf(req.body?.recordingId);
      return recordingId ? { ...caller, recordingId } : undefined;
    }
    const claims = claimsOf(req.body?.t, PURPOSES.watch);
    const [tenantId, schoolId, recordingId, nonce] = claims?.subjectId.split('|') ?? [];
    if (!claims || !nonce) return undefined;
    // A forwarded or reused link does not open the recording again.
    if (!(await deps.useOnce(nonce, deps.now()))) {
      refuse(res, 403, deps.texts.expired);
      return false;
    }
    return { tenantId, schoolId, userId: claims.userId, recordingId };
  };

  /**
   * Every route answers an unexpected failure (storage down, a copy that broke off) with a
   * generic Dutch 500: no error text of ours or of Azure reaches the browser.
   */
  const post = (path: string, handler: (req: restify.Request, res: restify.Response) => Promise<void>) => {
    server.post(path, async (req: restify.Request, res: restify.Response) => {
      try {
        await handler(req, res);
      } catch (error) {
        deps.logger?.error({ route: path, error: error instanceof Error ? error.name : typeof error, status: (error as { statusCode?: unknown }).statusCode }, 'recordings API failed');
        if (!res.headersSent) res.json(500, { message: deps.texts.failed });
      }
    });
  };

  post('/api/recordings/upload-session', async (req, res) => {
    const target = await uploadTarget(req, res);
    if (target === false) return;
    if (!target) return refuse(res);
    const { tenantId, schoolId, trajectoryId, cycle } = target;
    const subject = await deps.subjectFor(tenantId, schoolId, target.userId);
    const started = await deps.recordings.startUpload(subject, trajectoryId);
    if (!started.ok) return refuse(res);
    // Registering is possible a little longer than uploading (checks and the copy take a while).
    const registerToken = signLink(deps.secret, {
      purpose: PURPOSES.register,
      subjectId: `${tenantId}|${schoolId}|${trajectoryId}|${cycle}|${started.blobName}`,
      userId: target.userId,
      expiresAt: new Date(deps.now().getTime() + (started.uploadMinutes + REGISTER_GRACE_MINUTES) * MINUTE),
    });
    res.json(200, {
      uploadUrl: started.uploadUrl,
      maxBytes: started.maxBytes,
      // How long the upload link lives: the page keeps it for a resume only that long.
      uploadSeconds: started.uploadMinutes * 60,
      registerToken,
      title: deps.texts.title(`${cycle}`),
      context: await deps.describe?.(subject, trajectoryId, deps.now()),
    });
  });

  post('/api/recordings/register', async (req, res) => {
    const claims = claimsOf(req.body?.registerToken, PURPOSES.register);
    const [tenantId, schoolId, trajectoryId, cycle, blobName] = claims?.subjectId.split('|') ?? [];
    if (!claims || !blobName) return refuse(res);
    const subject = await deps.subjectFor(tenantId, schoolId, claims.userId);
    // A second registration of the same upload is refused, so the other party hears of each recording once.
    const registered = await deps.recordings.register(subject, trajectoryId, Number(cycle) || 1, blobName, Number(req.body?.durationSeconds) || undefined, deps.onRegistered);
    if (!registered.ok) return refuse(res, 400, deps.texts.problems[registered.reason] ?? deps.texts.refused);
    res.json(200, { message: deps.texts.uploaded });
  });

  post('/api/recordings/view', async (req, res) => {
    const target = await watchTarget(req, res);
    if (target === false) return;
    if (!target) return refuse(res);
    const { tenantId, schoolId, recordingId } = target;
    const subject = await deps.subjectFor(tenantId, schoolId, target.userId);
    const watched = await deps.recordings.watch(subject, recordingId);
    if (!watched.ok) return refuse(res, 403, watched.reason === 'clips-not-ready' ? deps.texts.problems[watched.reason] : deps.texts.refused);
    const sessionToken = signLink(deps.secret, {
      purpose: PURPOSES.session,
      subjectId: `${tenantId}|${schoolId}|${recordingId}`,
      userId: target.userId,
      expiresAt: new Date(deps.now().getTime() + 15 * MINUTE),
    });
    res.json(200, {
      title: deps.texts.title(String(watched.recording.cycle)),
      context: await deps.describe?.(subject, watched.recording.trajectoryId, watched.recording.uploadedAt),
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

  post('/api/recordings/fragments', async (req, res) => {
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
