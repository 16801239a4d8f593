/**
 * Deliveries that announce a state change are written to the outbox before the change itself,
 * "held" by a check that tells whether the change was written. A crash after the change and
 * before the queue then loses nothing (the sweep finds the change written and queues them), and
 * a crash or a lost race before the change sends nothing (the sweep finds it never written and
 * drops them). Pure: storage reads the state, this decides.
 */
import type { TimelineEvent, Trajectory } from '../trajectories/trajectory';

/** A trajectory change: the event a command appended, at its place in the timeline. */
export interface TrajectoryEventCheck {
  kind: 'trajectoryEvent';
  tenantId: string;
  schoolId: string;
  trajectoryId: string;
  /** Where the event sits in the timeline once written (every command appends exactly one). */
  index: number;
  what: string;
  by: string;
  at: string;
}

/** An appointment write, named by the change id the repository keeps with the row's latest writes. */
export interface AppointmentChangeCheck {
  kind: 'appointmentChange';
  tenantId: string;
  schoolId: string;
  appointmentId: string;
  changeId: string;
}

/** A job's claim on a trajectory: the mark it wrote, with the moment it wrote (each claim writes its own). */
export interface TrajectoryMarkCheck {
  kind: 'trajectoryMark';
  tenantId: string;
  schoolId: string;
  trajectoryId: string;
  mark: 'reminderSentAt' | 'inactivityNoticeAt';
  at: string;
}

/** A kijkwijzer round started, reminded or closed at this moment (each writes its own). */
export interface RoundMarkCheck {
  kind: 'roundMark';
  tenantId: string;
  schoolId: string;
  roundId: string;
  mark: 'startedAt' | 'remindedAt' | 'closedAt';
  at: string;
}

/** A once-only claim (a conditional insert under `key`), made at this moment. */
export interface OnceClaimCheck {
  kind: 'onceClaim';
  key: string;
  at: string;
}

/** A grant given (its id is new), or withdrawn at this moment. */
export interface GrantCheck {
  kind: 'grant';
  tenantId: string;
  schoolId: string;
  grantId: string;
  /** The withdrawal this check is for; absent for the grant itself. */
  withdrawnAt?: string;
}

/** A recording kept after its upload was checked (its id is new). */
export interface RecordingAddedCheck {
  kind: 'recordingAdded';
  tenantId: string;
  schoolId: string;
  recordingId: string;
}

export type ChangeCheck = TrajectoryEventCheck | AppointmentChangeCheck | TrajectoryMarkCheck | RoundMarkCheck | OnceClaimCheck | GrantCheck | RecordingAddedCheck;

/** The check for the last event of `after`, the trajectory as the command leaves it. */
export function trajectoryEventCheck(tenantId: string, after: Trajectory): TrajectoryEventCheck {
  const index = after.timeline.length - 1;
  const event = after.timeline[index];
  if (!event) throw new Error('a changed trajectory has at least one event');
  return { kind: 'trajectoryEvent', tenantId, schoolId: after.schoolId, trajectoryId: after.id, index, ...eventIdentity(event) };
}

/** Whether the stored trajectory holds the checked event at its place (a racing command's event does not count). */
export function isEventWritten(check: TrajectoryEventCheck, stored: Trajectory | undefined): boolean {
  const event = stored?.timeline[check.index];
  if (!event) return false;
  const identity = eventIdentity(event);
  return identity.what === check.what && identity.by === check.by && identity.at === check.at;
}

function eventIdentity(event: TimelineEvent): { what: string; by: string; at: string } {
  return { what: event.what, by: event.by.userId, at: new Date(event.at).toISOString() };
}

/**
 * Whether the check tells this write from any other: true when it names a fresh id (a change id,
 * a new grant or recording). A mark of a moment, or an event, may also be another instance's
 * write at the same moment, so a write answered "not done" (it lost a race) is taken at its word.
 */
export function namesItsOwnWrite(check: ChangeCheck): boolean {
  return check.kind === 'appointmentChange' || check.kind === 'grant' || check.kind === 'recordingAdded';
}

export type HeldVerdict = 'release' | 'wait' | 'drop';

/**
 * What the sweep does with held deliveries: queue them once their change is written; drop them
 * when it is still not written long after any write in flight would have ended; else wait.
 */
export function heldVerdict(written: boolean, ageMs: number, dropAfterMs: number): HeldVerdict {
  if (written) return 'release';
  return ageMs >= dropAfterMs ? 'drop' : 'wait';
}
