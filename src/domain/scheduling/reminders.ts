import { endOf, type Appointment } from './appointment';
import { addDays, amsterdamLocalToUtcOrLater, schoolLocal } from './schoolClock';

/**
 * When the reminders and the done prompt of an appointment are due. Pure: what was already sent
 * and the time come in, so the job that sends can claim each one once across restarts and instances.
 */
export type ReminderKind = 'dayBefore' | 'hourBefore';

const HOUR = 3_600_000;

/**
 * - dayBefore: on the calendar day before the appointment (Amsterdam), from `dayBeforeAt` on, until
 *   an hour before the start. An appointment confirmed later than that gets only the hour-before one;
 *   one confirmed on the day itself gets none "for tomorrow".
 * - hourBefore: from an hour before the start until the start.
 * Only for a confirmed appointment with a chosen slot, never after the start, never twice.
 */
export function remindersDue(
  appointment: Appointment,
  sent: { dayBefore?: Date; hourBefore?: Date },
  now: Date,
  dayBeforeAt: string,
): ReminderKind[] {
  const slot = appointment.chosen;
  if (appointment.status !== 'confirmed' || !slot) return [];
  const start = slot.start.getTime();
  const at = now.getTime();
  if (at >= start) return [];
  const hourBefore = start - HOUR;

  const due: ReminderKind[] = [];
  const dayBefore = addDays(schoolLocal(slot.start).date, -1);
  // A malformed setting gives no moment, and so no day-before reminder; the hour-before one still goes.
  const dayBeforeMoment = amsterdamLocalToUtcOrLater(dayBefore, dayBeforeAt);
  if (!sent.dayBefore && dayBeforeMoment && at >= dayBeforeMoment.getTime() && at < hourBefore && schoolLocal(now).date === dayBefore) {
    due.push('dayBefore');
  }
  if (!sent.hourBefore && at >= hourBefore) due.push('hourBefore');
  return due;
}

/** The begeleider is asked to mark a confirmed appointment done once its time is over, once. */
export function donePromptDue(appointment: Appointment, promptedAt: Date | undefined, now: Date): boolean {
  if (appointment.status !== 'confirmed' || !appointment.chosen || promptedAt) return false;
  return now.getTime() >= endOf(appointment.chosen).getTime();
}
