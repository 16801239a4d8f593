import type { Appointment } from '../../domain/scheduling/appointment';
import type { Trajectory } from '../../domain/trajectories/trajectory';
import type { PlanForm } from './schedulingReplies';

/** Cards tracked per appointment, to be updated in place on both sides. */
export const TEACHER_CARD = 'appointmentTeacher';
export const SVIBBER_CARD = 'appointmentSvibber';

/** Who changed an appointment, and how it was before and after. */
export interface AppointmentChange {
  tenantId: string;
  before: Appointment;
  after: Appointment;
  /** The name of the party who made the change. */
  byName: string;
}

/**
 * What the other party of an appointment is told when it changes. SchedulingService decides who
 * hears what and when; the Teams layer renders it (teams/schedulingNotices.ts), updating the cards
 * it sent earlier in place.
 */
export interface SchedulingNotices {
  /** The begeleider proposed moments: the teacher gets them to choose from. */
  slotsProposed(tenantId: string, appointment: Appointment, trajectory: Trajectory): Promise<void>;
  /** New moments replace a confirmed one: both cards of it lapse, and the teacher is told why. */
  confirmedMoved(change: AppointmentChange): Promise<void>;
  /** New moments replace earlier ones nobody chose from: the teacher's card of those lapses. */
  proposalSuperseded(change: AppointmentChange): Promise<void>;
  /** The teacher chose a moment: the begeleider's card confirms it and she is told. */
  slotChosen(change: AppointmentChange): Promise<void>;
  /** The teacher asks for other moments than those proposed. */
  otherTimesAsked(tenantId: string, appointment: Appointment, byName: string, message: string): Promise<void>;
  /** The teacher asks to move a confirmed moment. */
  moveAsked(tenantId: string, appointment: Appointment, byName: string): Promise<void>;
  /** Either party cancelled (or withdrew a proposal): the other is told and their card says so. */
  cancelled(change: AppointmentChange & { otherId: string }): Promise<void>;
  /** The begeleider noted agreements when marking the appointment done: the teacher gets them. */
  agreementsMade(tenantId: string, appointment: Appointment): Promise<void>;
  /** The begeleider gets the plan form for the trajectory's next step. */
  nextStepToPlan(tenantId: string, svibberId: string, form: PlanForm): Promise<void>;
}
