/**
 * Appointments of a trajectory: the intake, each opname and each nagesprek (the last one is the
 * eindgesprek). Times are instants (stored in UTC); the school's clock is Europe/Amsterdam.
 */
export const appointmentKinds = ['intake', 'opname', 'nagesprek'] as const;
export type AppointmentKind = (typeof appointmentKinds)[number];

export interface Slot {
  start: Date;
  durationMinutes: number;
  /** Where it happens, e.g. "lokaal 12"; for an opname the lesson or subject filmed. */
  location?: string;
  subject?: string;
}

export type AppointmentStatus = 'proposed' | 'confirmed' | 'cancelled' | 'done';

export interface Appointment {
  id: string;
  trajectoryId: string;
  schoolId: string;
  kind: AppointmentKind;
  /** 0 for the intake; the cycle number for an opname or nagesprek. */
  cycle: number;
  /** True for the nagesprek of the last cycle. */
  isFinalTalk: boolean;
  svibberId: string;
  teacherId: string;
  /** Kept with the appointment so cards and invitations need no look-ups. */
  svibberName: string;
  teacherName: string;
  status: AppointmentStatus;
  /** The one to three slots the SVIB'er proposed. */
  proposedSlots: readonly Slot[];
  /** The slot the teacher chose, once confirmed. */
  chosen?: Slot;
  /**
   * A confirmed slot that a new proposal replaces: it is still in both calendars until the new
   * moment is chosen, so its calendar link cancels it instead of answering nothing.
   */
  replaced?: Slot;
  /** The begeleider's own note after a nagesprek: shown to nobody else. */
  privateNote?: string;
  /** Agreements made in a nagesprek: shared with the teacher. */
  agreements?: string;
  /** Raised on every change, so calendar clients replace the same item (iCalendar SEQUENCE). */
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The school's day, as set by the school; defaults are a usual Dutch primary school. */
export interface SchoolHours {
  /** "08:30" */
  start: string;
  /** "15:30" */
  end: string;
}

export const defaultSchoolHours: SchoolHours = { start: '08:00', end: '17:00' };

export function endOf(slot: Slot): Date {
  return new Date(slot.start.getTime() + slot.durationMinutes * 60_000);
}

/** Proposed or confirmed: the step has an appointment, so it is moved or cancelled, not planned again. */
export function isActive(appointment: Pick<Appointment, 'status'>): boolean {
  return appointment.status === 'proposed' || appointment.status === 'confirmed';
}

/** The slot that stands in the calendars: the chosen one, or the confirmed one a new proposal replaces. */
export function slotInCalendar(appointment: Pick<Appointment, 'chosen' | 'replaced'>): Slot | undefined {
  return appointment.chosen ?? appointment.replaced;
}
