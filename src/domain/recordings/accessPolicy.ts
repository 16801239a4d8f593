import { hasRole, type Role } from '../schools/roles';
import type { PhaseKind } from '../trajectories/trajectory';
import type { AccessSubject, Grant, Recording, RecordingAction, TrajectoryFacts } from './recording';

/**
 * Who may do what with the recordings of one trajectory. The trajectory belongs to the teacher:
 * they may do everything; their begeleider may work with the recordings while guiding; anyone
 * else only sees what the teacher explicitly granted. Roles never open anything by themselves.
 *
 * Directie never sees content, whatever a grant says: consent given to one's employer is not
 * freely given, and SVIB is kept apart from assessment. A person is directie when they hold the
 * role at the school now.
 *
 * The trajectory's phase counts too: recordings are added only while they are made (opname and
 * nagesprek); once the trajectory is stopped or closed only the teacher still watches, lists and
 * deletes them (until retention deletes them), and every grant ends with it.
 *
 * Everything here is decided from facts the server read from storage. Ids from a card or a URL
 * are never trusted, so a recording or grant that does not belong to the trajectory counts as
 * forged and opens nothing.
 */
export const accessRefusals = [
  'other-tenant',
  'other-school',
  /** The recording does not belong to the trajectory it was presented with: a forged combination. */
  'recording-mismatch',
  'no-recording',
  'not-a-party',
  'grant-expired',
  'grant-withdrawn',
  'grant-other-recording',
  'fragment-not-granted',
  'owner-only',
  'not-begeleider',
  /** Directie never sees trajectory content, whatever a grant or another role says. */
  'directie-never',
  /** The trajectory was stopped or closed: only its teacher still has its recordings. */
  'trajectory-ended',
  /** Recordings are added only in the phases where they are made. */
  'no-uploads-in-phase',
] as const;
export type AccessRefusal = (typeof accessRefusals)[number];

export type AccessBasis = 'owner' | 'begeleider' | 'grant';
export type AccessDecision = { allow: true; basis: AccessBasis } | { allow: false; reason: AccessRefusal };

export interface AccessTarget {
  trajectory: TrajectoryFacts;
  recording?: Recording;
  /** For viewFragment. The caller checks, from storage, that the fragment belongs to the recording. */
  fragmentId?: string;
}

/** About the trajectory as a whole; every other action is about one recording. */
const trajectoryActions: readonly RecordingAction[] = ['upload', 'viewAudit'];
/** The begeleider works with the recordings, but deciding about them stays with the teacher. */
const begeleiderActions: readonly RecordingAction[] = ['view', 'viewFragment', 'listFragments', 'upload', 'markFragment'];
const granteeActions: readonly RecordingAction[] = ['view', 'viewFragment', 'listFragments'];

/** The phases in which recordings are made and added. */
export const uploadPhases: readonly PhaseKind[] = ['opname', 'nagesprek'];
/** Stopped (withdrawn, cancelled, declined) or closed: access ends for everyone but the teacher. */
export const endedPhases: readonly PhaseKind[] = ['afgesloten', 'geannuleerd'];
/** What the teacher still does with the recordings of an ended trajectory, until retention deletes them. */
const ownerActionsAfterEnd: readonly RecordingAction[] = ['view', 'viewFragment', 'listFragments', 'delete', 'viewAudit', 'withdrawGrant'];

/** Whether a colleague may be given access at all: never someone who is directie now. */
export function mayReceiveGrant(roles: readonly Role[]): boolean {
  return !hasRole(roles, 'directie');
}

const allow = (basis: AccessBasis): AccessDecision => ({ allow: true, basis });
const deny = (reason: AccessRefusal): AccessDecision => ({ allow: false, reason });

function isAssignedBegeleider(subject: AccessSubject, trajectory: TrajectoryFacts): boolean {
  return trajectory.svibberId !== undefined && trajectory.svibberId === subject.userId;
}

/** A grant counts only while it is not withdrawn and before its end instant. */
function isUsable(grant: Grant, now: Date): boolean {
  return grant.withdrawnAt === undefined && (grant.until === undefined || now.getTime() < grant.until.getTime());
}

/**
 * The subject's grants that really belong to this trajectory. A grant row naming another
 * tenant, school or trajectory is ignored rather than trusted.
 */
function grantsOf(subject: AccessSubject, trajectory: TrajectoryFacts, grants: readonly Grant[]): Grant[] {
  return grants.filter(
    (grant) =>
      grant.granteeId === subject.userId &&
      grant.tenantId === trajectory.tenantId &&
      grant.schoolId === trajectory.schoolId &&
      grant.trajectoryId === trajectory.trajectoryId,
  );
}

type GrantStatus = { usable: readonly Grant[] } | { refusal: AccessRefusal } | 'none';

function grantStatus(subject: AccessSubject, target: AccessTarget, grants: readonly Grant[], now: Date): GrantStatus {
  const mine = grantsOf(subject, target.trajectory, grants);
  if (mine.length === 0) return 'none';
  const { recording } = target;
  if (recording === undefined) {
    // Upload or audit: a grantee knows the trajectory exists, but may still do neither.
    const usable = mine.filter((grant) => isUsable(grant, now));
    return usable.length > 0 ? { usable } : 'none';
  }
  const forRecording = mine.filter((grant) => grant.recordingId === recording.id);
  const usable = forRecording.filter((grant) => isUsable(grant, now));
  if (usable.length > 0) return { usable };
  // The most telling reason first, for the audit line: a withdrawal is the teacher's latest word.
  if (forRecording.some((grant) => grant.withdrawnAt !== undefined)) return { refusal: 'grant-withdrawn' };
  if (forRecording.length > 0) return { refusal: 'grant-expired' };
  return { refusal: 'grant-other-recording' };
}

function grantedFragmentIds(usable: readonly Grant[]): 'all' | string[] {
  if (usable.some((grant) => grant.scope.kind === 'recording')) return 'all';
  const ids = usable.flatMap((grant) => (grant.scope.kind === 'fragments' ? grant.scope.fragmentIds : []));
  return [...new Set(ids)];
}

function decideForGrantee(action: RecordingAction, fragmentId: string | undefined, usable: readonly Grant[]): AccessDecision {
  if (!granteeActions.includes(action)) {
    return deny(begeleiderActions.includes(action) ? 'not-begeleider' : 'owner-only');
  }
  const fragments = grantedFragmentIds(usable);
  if (fragments === 'all' || action === 'listFragments') return allow('grant');
  // Chosen fragments only: the whole recording stays closed, and so does any other fragment.
  if (action === 'viewFragment' && fragmentId !== undefined && fragments.includes(fragmentId)) return allow('grant');
  return deny('fragment-not-granted');
}

export function decideAccess(
  subject: AccessSubject,
  action: RecordingAction,
  target: AccessTarget,
  grants: readonly Grant[],
  now: Date,
): AccessDecision {
  const { trajectory, recording } = target;
  if (subject.tenantId !== trajectory.tenantId) return deny('other-tenant');
  if (subject.schoolId !== trajectory.schoolId) return deny('other-school');
  if (
    recording !== undefined &&
    (recording.tenantId !== trajectory.tenantId ||
      recording.schoolId !== trajectory.schoolId ||
      recording.trajectoryId !== trajectory.trajectoryId)
  ) {
    return deny('recording-mismatch');
  }
  if (recording === undefined && !trajectoryActions.includes(action)) return deny('no-recording');

  const ended = endedPhases.includes(trajectory.phase);
  const uploadRefused = action === 'upload' && !uploadPhases.includes(trajectory.phase);

  if (subject.userId === trajectory.teacherId) {
    if (uploadRefused) return deny('no-uploads-in-phase');
    if (ended && !ownerActionsAfterEnd.includes(action)) return deny('trajectory-ended');
    return allow('owner');
  }
  // Before any begeleider or grant: neither opens anything to directie.
  if (hasRole(subject.roles, 'directie')) return deny('directie-never');
  if (ended) return deny('trajectory-ended');

  const begeleider = isAssignedBegeleider(subject, trajectory);
  // Only while still an SVIB'er of the school: losing the role ends the guidance.
  if (begeleider && hasRole(subject.roles, 'svibber')) {
    if (!begeleiderActions.includes(action)) return deny('owner-only');
    return uploadRefused ? deny('no-uploads-in-phase') : allow('begeleider');
  }

  const status = grantStatus(subject, target, grants, now);
  if (status !== 'none' && 'usable' in status) return decideForGrantee(action, target.fragmentId, status.usable);
  if (status !== 'none') return deny(status.refusal);
  return deny(begeleider ? 'not-begeleider' : 'not-a-party');
}

/**
 * The grants that open this recording for the subject right now (not withdrawn, not expired,
 * really of this trajectory), a whole-recording grant first; empty for owner and begeleider.
 */
export function grantsOpening(subject: AccessSubject, target: { trajectory: TrajectoryFacts; recording: Recording }, grants: readonly Grant[], now: Date): Grant[] {
  const decision = decideAccess(subject, 'listFragments', target, grants, now);
  if (!decision.allow || decision.basis !== 'grant') return [];
  const status = grantStatus(subject, target, grants, now);
  const usable = status !== 'none' && 'usable' in status ? [...status.usable] : [];
  return usable.sort((a, b) => Number(b.scope.kind === 'recording') - Number(a.scope.kind === 'recording'));
}

/**
 * Which fragments of the recording the subject may see in the fragment list: 'all', or only the
 * ids granted to them (possibly none). The caller filters the stored list with it.
 */
export function visibleFragmentIds(
  subject: AccessSubject,
  target: { trajectory: TrajectoryFacts; recording: Recording },
  grants: readonly Grant[],
  now: Date,
): 'all' | string[] {
  const decision = decideAccess(subject, 'listFragments', target, grants, now);
  if (!decision.allow) return [];
  if (decision.basis !== 'grant') return 'all';
  const status = grantStatus(subject, target, grants, now);
  return status !== 'none' && 'usable' in status ? grantedFragmentIds(status.usable) : [];
}
