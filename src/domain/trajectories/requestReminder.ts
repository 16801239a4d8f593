import { schoolDaysBetween } from '../calendar/schoolDays';
import type { Trajectory } from './trajectory';

/** A request nobody took up after this many school days reminds the SVIB'ers, once. */
export function requestReminderDue(trajectory: Trajectory, remindedAt: Date | undefined, now: Date, afterSchoolDays: number): boolean {
  if (trajectory.phase.kind !== 'aangevraagd' || remindedAt) return false;
  return schoolDaysBetween(trajectory.createdAt, now) >= afterSchoolDays;
}
