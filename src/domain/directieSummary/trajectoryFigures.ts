import { schoolDaysBetween } from '../calendar/schoolDays';
import type { Appointment } from '../scheduling/appointment';
import type { TimelineEventKind, Trajectory } from '../trajectories/trajectory';
import { suppress, shownOf, type Cell, type Shown } from './suppression';

/**
 * What the directie sees of trajectories in a period: counts and medians only. Everything is
 * read from the timelines (and the intake appointment, when one was planned), never from what a
 * teacher wrote.
 */
export interface RecordingFacts {
  uploadedAt: Date;
  /** When it was deleted (by retention or by hand); absent while it still exists. */
  deletedAt?: Date;
  /** When retention must delete it: closing of the trajectory plus the school's days. */
  deleteBy?: Date;
}

export interface PeriodBounds {
  start: Date;
  end: Date;
}

export interface TrajectoryFiguresInput {
  trajectories: readonly Trajectory[];
  appointments: readonly Appointment[];
  recordings: readonly RecordingFacts[];
  /** The number of starting teachers the school told us; unknown when absent. */
  startingTeachers?: number;
}

export type Median = { kind: 'days'; value: number } | { kind: 'hidden' } | { kind: 'none' };
export type Share = { kind: 'percent'; value: number } | { kind: 'hidden' } | { kind: 'unknown' };

export interface TrajectoryFigures {
  newRequests: Shown;
  running: Shown;
  finished: Shown;
  medianSchoolDaysToIntake: Median;
  medianSchoolDaysToFinalTalk: Median;
  teachersTakingPart: Shown;
  startersWithTrajectory: Shown;
  /** Starters with a trajectory out of the school's starting teachers. */
  startersShare: Share;
  recordingsMade: Shown;
  recordingsDeletedOnTime: Shown;
  recordingsDeletedLateOrOverdue: Shown;
  /** True when nothing at all happened: the card then says so in one line. */
  empty: boolean;
}

const closingEvents: ReadonlySet<TimelineEventKind> = new Set(['finalTalkCompleted', 'cancelled', 'withdrawn', 'requestDeclined', 'proposalDeclined']);
/** The nightly retention job may run up to a day after the deadline and still be on time. */
const RETENTION_GRACE_MS = 24 * 60 * 60_000;

const within = (at: Date | undefined, period: PeriodBounds) => at !== undefined && at >= period.start && at < period.end;

function eventAt(trajectory: Trajectory, kinds: ReadonlySet<TimelineEventKind>): Date | undefined {
  return trajectory.timeline.find((event) => kinds.has(event.what))?.at;
}

/** A request starts when the teacher asked, or accepted a proposal; a proposal alone is no request. */
export function requestedAt(trajectory: Trajectory): Date | undefined {
  return eventAt(trajectory, new Set(['requested', 'proposalAccepted']));
}

function closedAt(trajectory: Trajectory): Date | undefined {
  return eventAt(trajectory, closingEvents);
}

/** The intake took place at the planned intake moment, or, unplanned, when it was marked done. */
function intakeAt(trajectory: Trajectory, appointments: readonly Appointment[]): Date | undefined {
  const planned = appointments.find((appointment) => appointment.trajectoryId === trajectory.id && appointment.kind === 'intake' && appointment.status === 'done');
  return planned?.chosen?.start ?? eventAt(trajectory, new Set(['intakeCompleted']));
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A median over fewer than three trajectories would be one teacher's own waiting time. */
function shownMedian(values: readonly number[], threshold: number): Median {
  if (values.length === 0) return { kind: 'none' };
  if (values.length < threshold) return { kind: 'hidden' };
  return { kind: 'days', value: median(values)! };
}

export function trajectoryFigures(input: TrajectoryFiguresInput, period: PeriodBounds, threshold = 3): TrajectoryFigures {
  const started = input.trajectories.filter((trajectory) => requestedAt(trajectory) !== undefined);
  const activeDuring = started.filter((trajectory) => {
    const closed = closedAt(trajectory);
    return requestedAt(trajectory)! < period.end && (closed === undefined || closed >= period.start);
  });
  const runningAtEnd = started.filter((trajectory) => {
    const closed = closedAt(trajectory);
    return requestedAt(trajectory)! < period.end && (closed === undefined || closed >= period.end);
  });
  const finalTalks = started.filter((trajectory) => within(eventAt(trajectory, new Set(['finalTalkCompleted'])), period));
  const intakes = started.filter((trajectory) => within(intakeAt(trajectory, input.appointments), period));
  const teachers = new Set(activeDuring.map((trajectory) => trajectory.teacher.userId));
  const starters = new Set(activeDuring.filter((trajectory) => trajectory.helpQuestionKind === 'starter').map((trajectory) => trajectory.teacher.userId));
  const made = input.recordings.filter((recording) => within(recording.uploadedAt, period));
  const deletedInPeriod = input.recordings.filter((recording) => within(recording.deletedAt, period));
  const onTime = deletedInPeriod.filter((recording) => !recording.deleteBy || recording.deletedAt!.getTime() <= recording.deleteBy.getTime() + RETENTION_GRACE_MS);
  const overdue = input.recordings.filter(
    (recording) => recording.deleteBy && recording.deleteBy.getTime() + RETENTION_GRACE_MS < period.end.getTime() && (!recording.deletedAt || recording.deletedAt >= period.end),
  );

  const startingTeachers = input.startingTeachers;
  const cells: Record<string, Cell> = {
    newRequests: { value: started.filter((trajectory) => within(requestedAt(trajectory), period)).length, published: true },
    running: { value: runningAtEnd.length, published: true },
    finished: { value: finalTalks.length, published: true },
    teachers: { value: teachers.size, published: true },
    starters: { value: starters.size, published: true },
    otherTeachers: { value: teachers.size - starters.size, published: false },
    recordingsMade: { value: made.length, published: true },
    deletedOnTime: { value: onTime.length, published: true },
    deletedLate: { value: deletedInPeriod.length - onTime.length + overdue.length, published: true },
  };
  const relations = [{ total: 'teachers', parts: ['starters', 'otherTeachers'] }];
  if (startingTeachers !== undefined) {
    cells.startingTeachers = { value: startingTeachers, published: true };
    // More starters with a trajectory than the school counted means the count is stale: no share then.
    cells.startersWithout = { value: Math.max(0, startingTeachers - starters.size), published: false };
    relations.push({ total: 'startingTeachers', parts: ['starters', 'startersWithout'] });
  }
  const hidden = suppress(cells, relations, threshold);
  const shown = (name: string) => shownOf(name, cells, hidden);

  let startersShare: Share = { kind: 'unknown' };
  if (startingTeachers !== undefined && startingTeachers > 0 && starters.size <= startingTeachers) {
    startersShare = hidden.has('starters') || hidden.has('startingTeachers') ? { kind: 'hidden' } : { kind: 'percent', value: Math.round((100 * starters.size) / startingTeachers) };
  }
  const daysFromRequest = (list: Trajectory[], to: (trajectory: Trajectory) => Date | undefined) =>
    list.map((trajectory) => schoolDaysBetween(requestedAt(trajectory)!, to(trajectory)!));

  const rawTotal = Object.entries(cells).reduce((sum, [name, cell]) => sum + (name === 'startingTeachers' || name === 'startersWithout' ? 0 : cell.value), 0);
  return {
    newRequests: shown('newRequests'),
    running: shown('running'),
    finished: shown('finished'),
    medianSchoolDaysToIntake: shownMedian(daysFromRequest(intakes, (trajectory) => intakeAt(trajectory, input.appointments)), threshold),
    medianSchoolDaysToFinalTalk: shownMedian(daysFromRequest(finalTalks, (trajectory) => eventAt(trajectory, new Set(['finalTalkCompleted']))), threshold),
    teachersTakingPart: shown('teachers'),
    startersWithTrajectory: shown('starters'),
    startersShare,
    recordingsMade: shown('recordingsMade'),
    recordingsDeletedOnTime: shown('deletedOnTime'),
    recordingsDeletedLateOrOverdue: shown('deletedLate'),
    empty: rawTotal === 0,
  };
}
