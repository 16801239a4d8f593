import type { Appointment, Slot } from '../../domain/scheduling/appointment';
import type { Trajectory } from '../../domain/trajectories/trajectory';

/** How one party sees an appointment now, and so what they can do with it. */
export type AppointmentView =
  | { kind: 'proposed' }
  /** A confirmed moment that a new proposal replaces; the link takes it out of the calendar. */
  | { kind: 'moved'; calendarUrl: string }
  /** An older proposal the teacher no longer can choose from. */
  | { kind: 'superseded' }
  | { kind: 'withdrawn' }
  | { kind: 'confirmed'; calendarUrl: string }
  | { kind: 'cancelled'; calendarUrl: string }
  | { kind: 'askedOther' }
  | { kind: 'donePrompt' }
  | { kind: 'done' }
  | { kind: 'notice'; text: string };

/** The step of a trajectory a begeleider plans, with what the plan form shows again. */
export interface PlanForm {
  trajectory: Trajectory;
  step: Pick<Appointment, 'kind' | 'cycle' | 'isFinalTalk'>;
  /** What was typed, shown again beside the problems. */
  values?: Record<string, unknown>;
  /** Per row (1..3): the problem or warning shown under it. */
  rowProblems?: Record<number, { text: string; warning: boolean }>;
  notice?: { text: string; tone: 'attention' | 'warning' };
  confirmWarnings?: boolean;
  /** Set when the plan moves a confirmed appointment: the form says which moment lapses. */
  moving?: Slot;
}

/**
 * What a scheduling action answers the person who did it: a message, the appointment as they see
 * it now (with a line on top when it is shown instead of what was asked for), or the plan form.
 */
export type SchedulingReply =
  | string
  | { kind: 'appointment'; appointment: Appointment; otherName: string; view: AppointmentView; headline?: string }
  | { kind: 'planForm'; form: PlanForm };
