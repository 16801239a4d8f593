import type { GrantCheck } from '../../domain/deliveries/heldDeliveries';
import type { AnnouncedChanges } from '../notifications/Deliveries';
import { randomUUID } from 'node:crypto';
import { decideAccess, grantsOpening, mayReceiveGrant, type AccessDecision } from '../../domain/recordings/accessPolicy';
import type { Role } from '../../domain/schools/roles';
import type { AccessSubject, Fragment, Grant, GrantScope, Recording, RecordingAction, TrajectoryFacts } from '../../domain/recordings/recording';
import { isDueForDeletion } from '../../domain/recordings/retention';
import { isClosed, type Trajectory } from '../../domain/trajectories/trajectory';
import { lastMovedAt } from '../../domain/trajectories/nextStep';
import { clipsToRequest, newClip, scopedFragments } from '../../domain/recordings/clips';
import { isRepeatOf, keepsObservationsChoice } from '../../domain/recordings/grants';
import { extensionOf, SIGNATURE_BYTES, videoTypeOf } from '../../domain/recordings/videoSignature';
import { uploadLinkMinutes } from '../../domain/recordings/uploadWindow';
import type { RecordingSettings } from '../../domain/schools/recordingSettings';
import type { AuditLog } from '../../storage/audit/AuditLog';
import type { ClipRepository } from '../../storage/recordings/ClipRepository';
import { BlobChangedError, type RecordingBlobs } from '../../storage/recordings/RecordingBlobs';
import type { RecordingRepository } from '../../storage/recordings/RecordingRepository';
import type { TrajectoryRepository } from '../../storage/trajectories/TrajectoryRepository';

export interface RecordingServiceOptions {
  recordings: RecordingRepository;
  clips: ClipRepository;
  blobs: RecordingBlobs;
  trajectories: TrajectoryRepository;
  audit: AuditLog;
  now: () => Date;
  /** The school's own limits (largest video, days kept after closing), decided again per call. */
  settingsFor: (tenantId: string, schoolId: string) => Promise<RecordingSettings>;
  /** The roles a person holds at the school now (a grantee who is directie is refused). */
  rolesOf: (tenantId: string, schoolId: string, userId: string) => Promise<readonly Role[]>;
  /** Records a key once (a conditional insert): true the first time, false ever after. */
  claimOnce: (key: string, at: Date) => Promise<boolean>;
  /** A new recording or grant and what tells people of it are written as one (a crash loses neither). */
  changes: AnnouncedChanges;
}

/** Tells people of a change the service is about to write; runs before the write, its messages held until it lands. */
export type Announce<T extends unknown[]> = (...subjects: T) => Promise<void>;

const nothingToTell = async () => {};

/** Uploads land here first; only the server copies a checked upload to its final name. */
export const STAGING_PREFIX = 'staging/';

export type Refused = { ok: false; reason: string };

export type WatchResult =
  /** The whole recording, with every fragment to jump to. */
  | { ok: true; recording: Recording; videoUrl: string; fragments: Fragment[]; canMark: boolean }
  /** Only the granted fragments, each as a clip of its own. */
  | { ok: true; recording: Recording; videoUrl?: undefined; fragments: (Fragment & { clipUrl: string })[]; canMark: false };

const MINUTE = 60_000;
/** A read link lives at most this long: consent withdrawn a minute ago must win soon. */
export const READ_LINK_MINUTES = 15;

function factsOf(tenantId: string, trajectory: Trajectory): TrajectoryFacts {
  return { tenantId, schoolId: trajectory.schoolId, trajectoryId: trajectory.id, teacherId: trajectory.teacher.userId, svibberId: trajectory.svibber?.userId, phase: trajectory.phase.kind };
}

/**
 * Recordings and who may see them. Every call decides again from storage (ids from a card or a
 * URL are never trusted) and every grant, view, upload, deletion and refusal is audited.
 */
export class RecordingService {
  constructor(private readonly options: RecordingServiceOptions) {}

  /**
   * A write-only link for one new, unguessable staging blob under the school and trajectory,
   * living as long as the school's largest recording takes to upload (see uploadWindow.ts).
   */
  async startUpload(
    subject: AccessSubject,
    trajectoryId: string,
  ): Promise<{ ok: true; uploadUrl: string; blobName: string; maxBytes: number; uploadMinutes: number } | Refused> {
    const trajectory = await this.trajectoryOf(subject, trajectoryId);
    const decision = await this.decide(subject, 'upload', trajectory, undefined, trajectoryId);
    if (!decision.allow || !trajectory) return { ok: false, reason: decision.allow ? 'not-a-party' : decision.reason };
    const blobName = `${STAGING_PREFIX}${subject.tenantId}/${subject.schoolId}/${trajectoryId}/${randomUUID()}`;
    const { maxBytes } = await this.options.settingsFor(subject.tenantId, subject.schoolId);
    const uploadMinutes = uploadLinkMinutes(maxBytes);
    const uploadUrl = await this.options.blobs.uploadUrl(blobName, new Date(this.options.now().getTime() + uploadMinutes * MINUTE));
    return { ok: true, uploadUrl, blobName, maxBytes, uploadMinutes };
  }

  /**
   * After the browser uploaded: check the staging blob itself (declared type, size, and the
   * container's own signature), copy exactly the checked version to a final name no client link
   * ever covered, empty and lock the staging name, and keep the reference. Once per staging
   * blob: a second registration (a replay, or a retry after a lost answer) is refused and stores
   * nothing, so one upload is never two recordings. A bad upload leaves nothing behind.
   */
  async register(
    subject: AccessSubject,
    trajectoryId: string,
    cycle: number,
    blobName: string,
    durationSeconds?: number,
    announce: Announce<[Recording]> = nothingToTell,
  ): Promise<{ ok: true; recording: Recording } | Refused> {
    const { blobs, now } = this.options;
    const trajectory = await this.trajectoryOf(subject, trajectoryId);
    const decision = await this.decide(subject, 'upload', trajectory, undefined, trajectoryId);
    // The blob name was issued for this school and trajectory; any other name is forged.
    const expectedPrefix = `${STAGING_PREFIX}${subject.tenantId}/${subject.schoolId}/${trajectoryId}/`;
    if (!decision.allow || !trajectory || !blobName.startsWith(expectedPrefix)) return { ok: false, reason: decision.allow ? 'not-a-party' : decision.reason };
    if (!(await this.options.claimOnce(`register|${blobName}`, now()))) {
      await this.record(subject, trajectoryId, 'upload', 'recording', blobName.slice(-36), 'refused', 'already-registered');
      return { ok: false, reason: 'already-registered' };
    }
    try {
      return await this.checkAndKeep(subject, trajectoryId, cycle, blobName, durationSeconds, announce);
    } catch (error) {
      if (!(error instanceof BlobChangedError)) throw error;
      // Written again through the upload link while being checked: nothing of it is kept.
      await blobs.remove(blobName);
      await this.record(subject, trajectoryId, 'upload', 'recording', blobName.slice(-36), 'refused', 'changed-during-check');
      return { ok: false, reason: 'not-uploaded' };
    }
  }

  private async checkAndKeep(
    subject: AccessSubject,
    trajectoryId: string,
    cycle: number,
    blobName: string,
    durationSeconds: number | undefined,
    announce: Announce<[Recording]>,
  ): Promise<{ ok: true; recording: Recording } | Refused> {
    const { blobs, recordings, audit, now } = this.options;
    const facts = await blobs.facts(blobName);
    const { maxBytes } = await this.options.settingsFor(subject.tenantId, subject.schoolId);
    const videoType =
      facts && facts.sizeBytes > 0 && facts.sizeBytes <= maxBytes ? videoTypeOf(await blobs.head(blobName, Math.min(facts.sizeBytes, SIGNATURE_BYTES), facts.etag)) : undefined;
    const problem = !facts
      ? 'not-uploaded'
      : facts.sizeBytes > maxBytes
        ? 'too-large'
        : !facts.contentType.startsWith('video/') || !videoType
          ? 'not-a-video'
          : undefined;
    if (problem || !facts || !videoType) {
      await blobs.remove(blobName);
      await this.record(subject, trajectoryId, 'upload', 'recording', blobName.slice(-36), 'refused', problem);
      return { ok: false, reason: problem ?? 'not-uploaded' };
    }
    const finalName = `${subject.tenantId}/${subject.schoolId}/${trajectoryId}/${randomUUID()}`;
    await blobs.promote(blobName, finalName, { contentType: videoType, fileName: `opname-${cycle}.${extensionOf(videoType)}` }, facts.etag);
    const recording: Recording = {
      id: randomUUID(),
      tenantId: subject.tenantId,
      schoolId: subject.schoolId,
      trajectoryId,
      cycle,
      blobName: finalName,
      uploaderId: subject.userId,
      sizeBytes: facts.sizeBytes,
      contentType: videoType,
      durationSeconds: durationSeconds && Number.isFinite(durationSeconds) && durationSeconds > 0 ? Math.round(durationSeconds) : undefined,
      uploadedAt: now(),
    };
    await this.options.changes.withChange(
      { kind: 'recordingAdded', tenantId: recording.tenantId, schoolId: recording.schoolId, recordingId: recording.id },
      () => announce(recording),
      () => recordings.add(recording),
    );
    await audit.append(subject.tenantId, subject.schoolId, trajectoryId, { at: now(), actorId: subject.userId, action: 'upload', objectType: 'recording', objectId: recording.id, result: 'allowed' });
    return { ok: true, recording };
  }

  /**
   * Decides at this moment and only then issues read links: for the recording's one blob, or,
   * for a colleague the teacher showed chosen fragments only, for the clips of those fragments.
   */
  async watch(subject: AccessSubject, recordingId: string): Promise<WatchResult | Refused> {
    const { recordings, blobs, now } = this.options;
    const loaded = await this.load(subject, recordingId, 'view');
    if (!loaded.ok) return loaded;
    const { recording, trajectory, grants } = loaded;
    const target = { trajectory, recording };
    const decision = decideAccess(subject, 'view', target, grants, now());
    if (!decision.allow && decision.reason === 'fragment-not-granted') return this.watchClips(subject, recording, target, grants);
    if (!decision.allow) {
      await this.record(subject, trajectory.trajectoryId, 'view', 'recording', recording.id, 'refused', decision.reason);
      return { ok: false, reason: decision.reason };
    }
    // Audit and fragment list in one wait; the link is signed and handed out only once the view is audited.
    const [, fragments] = await Promise.all([this.record(subject, trajectory.trajectoryId, 'view', 'recording', recording.id, 'allowed', decision.basis), recordings.listFragments(recording)]);
    const videoUrl = await blobs.readUrl(recording.blobName, this.readLinkExpiry(), { contentType: recording.contentType, fileName: `opname-${recording.cycle}.${extensionOf(recording.contentType)}` });
    const canMark = decideAccess(subject, 'markFragment', target, grants, now()).allow;
    return { ok: true, recording, videoUrl, fragments, canMark };
  }

  /** Every granted fragment with a ready clip gets its own read link; each one is audited as viewed. */
  private async watchClips(subject: AccessSubject, recording: Recording, target: { trajectory: TrajectoryFacts; recording: Recording }, grants: Grant[]): Promise<WatchResult | Refused> {
    const { recordings, clips, blobs, now } = this.options;
    const ready = new Map((await clips.listForRecording(recording.id)).filter((clip) => clip.state === 'ready' && clip.blobName).map((clip) => [clip.fragmentId, clip]));
    const fragments: (Fragment & { clipUrl: string })[] = [];
    for (const fragment of await recordings.listFragments(recording)) {
      const clip = ready.get(fragment.id);
      if (!clip?.blobName || !decideAccess(subject, 'viewFragment', { ...target, fragmentId: fragment.id }, grants, now()).allow) continue;
      // Clips are cut by the server itself as H.264/AAC MP4.
      const clipUrl = await blobs.readUrl(clip.blobName, this.readLinkExpiry(), { contentType: 'video/mp4', fileName: `fragment-${recording.cycle}.mp4` });
      fragments.push({ ...fragment, clipUrl });
      await this.record(subject, recording.trajectoryId, 'viewFragment', 'fragment', fragment.id, 'allowed', 'grant');
    }
    if (fragments.length === 0) {
      await this.record(subject, recording.trajectoryId, 'view', 'recording', recording.id, 'refused', 'clips-not-ready');
      return { ok: false, reason: 'clips-not-ready' };
    }
    return { ok: true, recording, fragments, canMark: false };
  }

  private readLinkExpiry(): Date {
    return new Date(this.options.now().getTime() + READ_LINK_MINUTES * MINUTE);
  }

  async markFragment(subject: AccessSubject, recordingId: string, input: { startSecond: number; endSecond: number; note: string; aspect: string }): Promise<{ ok: true; fragment: Fragment } | Refused> {
    const found = await this.recordingFor(subject, recordingId, 'markFragment');
    if (!found.ok) return found;
    const start = Math.floor(input.startSecond);
    const end = Math.floor(input.endSecond);
    const limit = found.recording.durationSeconds ?? Number.MAX_SAFE_INTEGER;
    if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0 || end <= start || end > limit) return { ok: false, reason: 'invalid-fragment' };
    const fragment: Fragment = {
      id: randomUUID(),
      recordingId,
      startSecond: start,
      endSecond: end,
      note: String(input.note ?? '').trim().slice(0, 500),
      aspect: String(input.aspect ?? '').slice(0, 40),
      createdBy: subject.userId,
      createdAt: this.options.now(),
    };
    await this.options.recordings.addFragment(found.recording, fragment);
    await this.record(subject, found.recording.trajectoryId, 'markFragment', 'fragment', fragment.id, 'allowed');
    return { ok: true, fragment };
  }

  /** The recordings of a trajectory this person may watch (the others are not mentioned). */
  async watchable(subject: AccessSubject, trajectoryId: string): Promise<Recording[]> {
    const trajectory = await this.trajectoryOf(subject, trajectoryId);
    if (!trajectory) return [];
    const facts = factsOf(subject.tenantId, trajectory);
    const visible: Recording[] = [];
    for (const recording of await this.options.recordings.listForTrajectory(subject.tenantId, subject.schoolId, trajectoryId)) {
      const grants = await this.options.recordings.listGrants(subject.tenantId, subject.schoolId, recording.id);
      if (decideAccess(subject, 'view', { trajectory: facts, recording }, grants, this.options.now()).allow) visible.push(recording);
    }
    return visible.sort((a, b) => a.cycle - b.cycle || a.uploadedAt.getTime() - b.uploadedAt.getTime());
  }

  /** One recording, when this person may watch it now; otherwise nothing. */
  async findWatchable(subject: AccessSubject, recordingId: string): Promise<Recording | undefined> {
    const recording = await this.options.recordings.get(subject.tenantId, subject.schoolId, recordingId);
    if (!recording) return undefined;
    return (await this.watchable(subject, recording.trajectoryId)).find((candidate) => candidate.id === recording.id);
  }

  /**
   * What teachers showed this person: each recording they may watch now (or fragments of it),
   * decided by the policy from storage, with the grant that opens it. Nothing is audited here:
   * the list names only what was given to them; opening it is decided and audited in watch().
   */
  async sharedWith(subject: AccessSubject): Promise<{ recording: Recording; grant: Grant; teacherName: string }[]> {
    const { recordings, now } = this.options;
    const shared: { recording: Recording; grant: Grant; teacherName: string }[] = [];
    const seen = new Set<string>();
    const grants = await recordings.listGrantsTo(subject.tenantId, subject.schoolId, subject.userId);
    for (const grant of grants.sort((a, b) => b.grantedAt.getTime() - a.grantedAt.getTime())) {
      if (seen.has(grant.recordingId)) continue;
      const recording = await recordings.get(subject.tenantId, subject.schoolId, grant.recordingId);
      const trajectory = recording && (await this.trajectoryOf(subject, recording.trajectoryId));
      if (!recording || !trajectory) continue;
      const allGrants = await recordings.listGrants(subject.tenantId, subject.schoolId, recording.id);
      const [opening] = grantsOpening(subject, { trajectory: factsOf(subject.tenantId, trajectory), recording }, allGrants, now());
      seen.add(recording.id);
      if (opening) shared.push({ recording, grant: opening, teacherName: trajectory.teacher.name });
    }
    return shared;
  }

  /** Whether this person may add a recording to the trajectory (its teacher or begeleider). */
  async mayUpload(subject: AccessSubject, trajectoryId: string): Promise<boolean> {
    const trajectory = await this.trajectoryOf(subject, trajectoryId);
    return !!trajectory && decideAccess(subject, 'upload', { trajectory: factsOf(subject.tenantId, trajectory) }, [], this.options.now()).allow;
  }

  /** The grants and fragments of a recording, for its teacher to decide who sees what. */
  async grantsOf(
    subject: AccessSubject,
    recordingId: string,
  ): Promise<{ ok: true; recording: Recording; trajectory: TrajectoryFacts; grants: Grant[]; fragments: Fragment[]; canGrant: boolean } | Refused> {
    // Decided as managing its grants (the teacher's, also after the trajectory ended, to withdraw
    // and delete), and audited as what it is: opening the card grants nothing.
    const found = await this.recordingFor(subject, recordingId, 'withdrawGrant', 'openAccessCard');
    if (!found.ok) return found;
    const canGrant = decideAccess(subject, 'grant', { trajectory: found.trajectory, recording: found.recording }, found.grants, this.options.now()).allow;
    return { ok: true, recording: found.recording, trajectory: found.trajectory, grants: found.grants, fragments: await this.options.recordings.listFragments(found.recording), canGrant };
  }

  /**
   * The teacher lets one named colleague see one recording, or chosen fragments of it, optionally
   * until a date. Chosen fragments are cut into clips first (see ClipCutter); `clipsPending`
   * says the colleague can only watch once that is done; `repeated`, that the same grant already
   * counted (a second click), so nothing was stored and nobody needs telling again.
   */
  async grant(
    subject: AccessSubject,
    recordingId: string,
    grantee: { userId: string; name: string },
    scope: GrantScope,
    until?: Date,
    includeObservations = false,
    /** Tells the colleague (and whoever else) of a new grant; not called for a repeat. */
    announce: Announce<[Grant, Recording]> = nothingToTell,
  ): Promise<{ ok: true; grant: Grant; recording: Recording; clipsPending: boolean; repeated: boolean; updated?: boolean } | Refused> {
    const found = await this.recordingFor(subject, recordingId, 'grant');
    if (!found.ok) return found;
    if (grantee.userId === subject.userId) return { ok: false, reason: 'grant-to-self' };
    // Directie never sees content; the policy refuses such a grant anyway, this says so at once.
    if (!mayReceiveGrant(await this.options.rolesOf(subject.tenantId, subject.schoolId, grantee.userId))) return { ok: false, reason: 'grantee-directie' };
    if (until !== undefined && until.getTime() <= this.options.now().getTime()) return { ok: false, reason: 'until-in-past' };
    const { recording } = found;
    // Fragment ids come from a card submit: keep only real fragments of this recording.
    const fragments = scopedFragments(scope, await this.options.recordings.listFragments(recording), recording.id);
    if (scope.kind === 'fragments' && fragments.length === 0) return { ok: false, reason: 'no-fragments' };
    const granted: GrantScope = scope.kind === 'recording' ? scope : { kind: 'fragments', fragmentIds: fragments.map((fragment) => fragment.id) };
    const existingClips = await this.options.clips.listForRecording(recording.id);
    const ready = new Set(existingClips.filter((clip) => clip.state === 'ready').map((clip) => clip.fragmentId));
    const clipsPending = fragments.some((fragment) => !ready.has(fragment.id));
    const repeat = found.grants.find((candidate) => isRepeatOf(candidate, { granteeId: grantee.userId, scope: granted, until }, this.options.now()));
    if (repeat) {
      if (keepsObservationsChoice(repeat, includeObservations)) return { ok: true, grant: repeat, recording, clipsPending, repeated: true };
      // Only the kijkwijzer choice changed: the same grant is updated, the colleague is not told twice.
      const updated: Grant = { ...repeat, includeObservations };
      await this.options.recordings.putGrant(updated);
      await this.record(subject, recording.trajectoryId, 'grant', 'grant', updated.id, 'allowed', grantee.userId);
      return { ok: true, grant: updated, recording, clipsPending, repeated: true, updated: true };
    }
    const grant: Grant = {
      id: randomUUID(),
      tenantId: subject.tenantId,
      schoolId: subject.schoolId,
      trajectoryId: recording.trajectoryId,
      recordingId,
      granteeId: grantee.userId,
      granteeName: grantee.name,
      scope: granted,
      until,
      grantedAt: this.options.now(),
      includeObservations,
    };
    await this.options.changes.withChange(grantCheck(grant), () => announce(grant, recording), () => this.options.recordings.putGrant(grant));
    await this.record(subject, recording.trajectoryId, 'grant', 'grant', grant.id, 'allowed', grantee.userId);
    for (const fragment of clipsToRequest(fragments, existingClips)) await this.options.clips.request(newClip(recording, fragment, this.options.now()));
    return { ok: true, grant, recording, clipsPending, repeated: false };
  }

  /** Withdrawal counts for every new request at once: the next decision reads it from storage. */
  async withdrawGrant(
    subject: AccessSubject,
    recordingId: string,
    grantId: string,
    announce: Announce<[Grant, Recording]> = nothingToTell,
  ): Promise<{ ok: true; grant: Grant; recording: Recording } | Refused> {
    const found = await this.recordingFor(subject, recordingId, 'withdrawGrant');
    if (!found.ok) return found;
    const grant = found.grants.find((candidate) => candidate.id === grantId);
    if (!grant) return { ok: false, reason: 'no-such-grant' };
    // Withdrawn already (a second click, an old card): nothing changes, nobody is told again.
    if (grant.withdrawnAt) return { ok: true, grant, recording: found.recording };
    const withdrawn = { ...grant, withdrawnAt: this.options.now() };
    await this.options.changes.withChange(grantCheck(withdrawn), () => announce(withdrawn, found.recording), () => this.options.recordings.putGrant(withdrawn));
    await this.record(subject, found.recording.trajectoryId, 'withdrawGrant', 'grant', grant.id, 'allowed', grant.granteeId);
    return { ok: true, grant: withdrawn, recording: found.recording };
  }

  async remove(subject: AccessSubject, recordingId: string): Promise<{ ok: true } | Refused> {
    const found = await this.recordingFor(subject, recordingId, 'delete');
    if (!found.ok) return found;
    await this.removeEverything(found.recording);
    await this.record(subject, found.recording.trajectoryId, 'delete', 'recording', recordingId, 'allowed');
    return { ok: true };
  }

  async auditLog(subject: AccessSubject, trajectoryId: string) {
    const trajectory = await this.trajectoryOf(subject, trajectoryId);
    const decision = await this.decide(subject, 'viewAudit', trajectory, undefined, trajectoryId);
    if (!decision.allow) return { ok: false as const, reason: decision.reason };
    return { ok: true as const, entries: await this.options.audit.list(subject.tenantId, subject.schoolId, trajectoryId) };
  }

  /** Deletes the recordings of trajectories closed longer ago than the retention period. */
  async deleteExpired(now: Date): Promise<number> {
    const { recordings, trajectories, audit, settingsFor } = this.options;
    const retentionBySchool = new Map<string, Promise<number>>();
    const retentionOf = (recording: Recording) => {
      const key = `${recording.tenantId}|${recording.schoolId}`;
      if (!retentionBySchool.has(key)) retentionBySchool.set(key, settingsFor(recording.tenantId, recording.schoolId).then((settings) => settings.retentionDays));
      return retentionBySchool.get(key)!;
    };
    let deleted = 0;
    for (const recording of await recordings.listAll()) {
      const stored = await trajectories.get(recording.tenantId, recording.schoolId, recording.trajectoryId);
      const closedAt = stored && isClosed(stored.trajectory.phase) ? lastMovedAt(stored.trajectory) : undefined;
      if (!isDueForDeletion(closedAt, await retentionOf(recording), now)) continue;
      await this.removeEverything(recording);
      await audit.append(recording.tenantId, recording.schoolId, recording.trajectoryId, {
        at: now,
        actorId: 'svib-bot',
        action: 'delete',
        objectType: 'recording',
        objectId: recording.id,
        result: 'allowed',
        detail: 'retention',
      });
      deleted++;
    }
    return deleted;
  }

  /** The recording with its clips' blobs, fragments and grants: nothing of it stays behind. */
  private async removeEverything(recording: Recording): Promise<void> {
    const { blobs, clips, recordings } = this.options;
    for (const clip of await clips.listForRecording(recording.id)) {
      if (clip.blobName) await blobs.remove(clip.blobName);
      await clips.remove(clip);
    }
    await blobs.remove(recording.blobName);
    await recordings.remove(recording);
  }

  /** Reads the recording and its trajectory from storage; an unknown id is refused and audited. */
  private async load(subject: AccessSubject, recordingId: string, action: string) {
    const recording = await this.options.recordings.get(subject.tenantId, subject.schoolId, String(recordingId));
    // The trajectory and the grants are independent reads: one wait instead of two on every decision.
    const [trajectory, grants] = recording
      ? await Promise.all([this.trajectoryOf(subject, recording.trajectoryId), this.options.recordings.listGrants(subject.tenantId, subject.schoolId, recording.id)])
      : [undefined, []];
    if (!recording || !trajectory) {
      await this.recordElsewhere(subject, String(recordingId).slice(0, 100), action, recording?.trajectoryId);
      return { ok: false as const, reason: 'no-recording' };
    }
    return { ok: true as const, recording, trajectory: factsOf(subject.tenantId, trajectory), grants };
  }

  /**
   * A recording id that is not at the subject's own school: when it names a recording of another
   * school or tenant, the refused attempt is written where that recording lives, so its teacher
   * sees it in her logboek; otherwise in the subject's own partition.
   */
  private async recordElsewhere(subject: AccessSubject, recordingId: string, action: string, ownTrajectoryId?: string): Promise<void> {
    const target = /^[A-Za-z0-9-]{1,100}$/.test(recordingId) ? await this.options.recordings.findAnywhere(recordingId) : undefined;
    if (target && (target.tenantId !== subject.tenantId || target.schoolId !== subject.schoolId)) {
      const reason = target.tenantId !== subject.tenantId ? 'other-tenant' : 'other-school';
      await this.options.audit.append(target.tenantId, target.schoolId, target.trajectoryId, {
        at: this.options.now(),
        // The same object id in another tenant is another person: never shown as one of ours.
        actorId: reason === 'other-tenant' ? `${subject.tenantId}:${subject.userId}` : subject.userId,
        action,
        objectType: 'recording',
        objectId: target.id,
        result: 'refused',
        detail: reason,
      });
      return;
    }
    await this.record(subject, ownTrajectoryId ?? 'unknown', action, 'recording', recordingId, 'refused', 'no-recording');
  }

  private async recordingFor(subject: AccessSubject, recordingId: string, action: RecordingAction, auditAs: string = action) {
    const loaded = await this.load(subject, recordingId, auditAs as RecordingAction);
    if (!loaded.ok) return loaded;
    const { recording, trajectory, grants } = loaded;
    const decision = decideAccess(subject, action, { trajectory, recording }, grants, this.options.now());
    // A refusal is audited here; what an allowed action did is audited by the action itself, once.
    if (!decision.allow) {
      await this.record(subject, trajectory.trajectoryId, auditAs, 'recording', recording.id, 'refused', decision.reason);
      return { ok: false as const, reason: decision.reason };
    }
    return loaded;
  }

  private async trajectoryOf(subject: AccessSubject, trajectoryId: string): Promise<Trajectory | undefined> {
    return (await this.options.trajectories.get(subject.tenantId, subject.schoolId, String(trajectoryId)))?.trajectory;
  }

  private async decide(subject: AccessSubject, action: RecordingAction, trajectory: Trajectory | undefined, recording: Recording | undefined, trajectoryId: string): Promise<AccessDecision> {
    const decision: AccessDecision = trajectory
      ? decideAccess(subject, action, { trajectory: factsOf(subject.tenantId, trajectory), recording }, [], this.options.now())
      : { allow: false, reason: 'not-a-party' };
    if (!decision.allow) await this.record(subject, trajectoryId, action, 'trajectory', String(trajectoryId).slice(0, 100), 'refused', decision.reason);
    return decision;
  }

  private async record(subject: AccessSubject, trajectoryId: string, action: string, objectType: 'recording' | 'fragment' | 'grant' | 'trajectory', objectId: string, result: 'allowed' | 'refused', detail?: string) {
    await this.options.audit.append(subject.tenantId, subject.schoolId, String(trajectoryId).slice(0, 100), { at: this.options.now(), actorId: subject.userId, action, objectType, objectId, result, detail });
  }
}

function grantCheck(grant: Grant): GrantCheck {
  return { kind: 'grant', tenantId: grant.tenantId, schoolId: grant.schoolId, grantId: grant.id, ...(grant.withdrawnAt ? { withdrawnAt: new Date(grant.withdrawnAt).toISOString() } : {}) };
}
