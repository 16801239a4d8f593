import { defaultSchoolHours, endOf, type SchoolHours, type Slot } from './appointment';
import { addDays, amsterdamLocalToUtc, minutesOfTime, schoolLocal } from './schoolClock';

/**
 * The checks on the one to three moments an SVIB'er proposes. Pure: the clock, the school's hours
 * and the SVIB'er's other appointments come in as arguments. Problems block the proposal; warnings
 * are shown and may be confirmed.
 */
export const slotProblems = [
  'slot-count',
  'past',
  'weekend',
  'outside-hours',
  'too-short',
  'too-long',
  'before-previous-step',
  'duplicate',
  'overlaps-other-slot',
  'overlap',
] as const;
export type SlotProblem = (typeof slotProblems)[number];

export const slotWarnings = ['long-after-recording'] as const;
export type SlotWarning = (typeof slotWarnings)[number];

export const minSlots = 1;
export const maxSlots = 3;
export const minDurationMinutes = 10;
export const maxDurationMinutes = 240;
/** A nagesprek later than this after its opname is warned about: the images are no longer fresh. */
export const maxDaysAfterRecording = 14;

export interface Interval {
  start: Date;
  end: Date;
}

export interface SlotContext {
  now: Date;
  schoolHours: SchoolHours;
  /** The SVIB'er's other confirmed or proposed appointments. */
  busy: readonly Interval[];
  /** The end of the previous step: a nagesprek comes after its opname, the next opname after the previous nagesprek. */
  notBefore?: Date;
  /** For a nagesprek: when its opname ended. */
  recordingEnd?: Date;
}

export interface SlotValidation {
  /** No problems; warnings do not block. */
  ok: boolean;
  /** `slot` is the index in the proposed list; -1 for the list as a whole. */
  problems: { slot: number; code: SlotProblem }[];
  warnings: { slot: number; code: SlotWarning }[];
}

/**
 * Every problem of every slot, each slot's in the order of slotProblems, so a card that shows one
 * line per slot shows the most basic one first.
 */
export function validateSlots(slots: readonly Slot[], context: SlotContext): SlotValidation {
  const problems: SlotValidation['problems'] = [];
  const warnings: SlotValidation['warnings'] = [];
  if (slots.length < minSlots || slots.length > maxSlots) problems.push({ slot: -1, code: 'slot-count' });
  const hours = schoolMinutes(context.schoolHours);
  const latestTalk = context.recordingEnd ? latestAfterRecording(context.recordingEnd) : undefined;

  slots.forEach((slot, index) => {
    const found = new Set<SlotProblem>([...ownProblems(slot, context, hours), ...pairProblems(slots, index)]);
    for (const code of slotProblems) if (found.has(code)) problems.push({ slot: index, code });
    if (latestTalk !== undefined && slot.start.getTime() > latestTalk) warnings.push({ slot: index, code: 'long-after-recording' });
  });
  return { ok: problems.length === 0, problems, warnings };
}

function ownProblems(slot: Slot, context: SlotContext, hours: { start: number; end: number }): SlotProblem[] {
  const found: SlotProblem[] = [];
  const start = slot.start.getTime();
  const minutes = slot.durationMinutes;
  // A broken value must never pass: NaN fails every comparison, so it is caught explicitly.
  if (!Number.isFinite(start) || start <= context.now.getTime()) found.push('past');
  if (!Number.isFinite(minutes) || minutes < minDurationMinutes) found.push('too-short');
  if (minutes > maxDurationMinutes) found.push('too-long');
  if (!Number.isFinite(start) || !Number.isFinite(minutes)) return found;

  const end = endOf(slot);
  const localStart = schoolLocal(slot.start);
  const localEnd = schoolLocal(end);
  if (localStart.weekday === 0 || localStart.weekday === 6) found.push('weekend');
  // A slot past midnight ends on another day: its end time alone (say 00:30) would look early enough.
  const crossesMidnight = localEnd.date !== localStart.date;
  if (localStart.minuteOfDay < hours.start || localEnd.minuteOfDay > hours.end || crossesMidnight) found.push('outside-hours');
  if (context.notBefore && start < context.notBefore.getTime()) found.push('before-previous-step');
  // Touching (one ends when the other starts) is fine: back-to-back appointments are normal.
  if (context.busy.some((busy) => overlaps(start, end.getTime(), busy.start.getTime(), busy.end.getTime()))) found.push('overlap');
  return found;
}

/**
 * Clashes between the proposed slots themselves are reported on the later one of each pair, so the
 * first of two identical rows stays clean and the SVIB'er sees which row to change.
 */
function pairProblems(slots: readonly Slot[], index: number): SlotProblem[] {
  const slot = slots[index];
  if (!slot) return [];
  const found: SlotProblem[] = [];
  for (const earlier of slots.slice(0, index)) {
    if (earlier.start.getTime() === slot.start.getTime()) found.push('duplicate');
    else if (overlaps(slot.start.getTime(), endOf(slot).getTime(), earlier.start.getTime(), endOf(earlier).getTime())) found.push('overlaps-other-slot');
  }
  return found;
}

function overlaps(startA: number, endA: number, startB: number, endB: number): boolean {
  return startA < endB && startB < endA;
}

/** The school's day in minutes since midnight; a malformed setting falls back to the usual day rather than blocking every proposal. */
function schoolMinutes(hours: SchoolHours): { start: number; end: number } {
  const start = minutesOfTime(hours.start);
  const end = minutesOfTime(hours.end);
  if (start === undefined || end === undefined || end <= start) {
    return { start: minutesOfTime(defaultSchoolHours.start) ?? 0, end: minutesOfTime(defaultSchoolHours.end) ?? 24 * 60 };
  }
  return { start, end };
}

/**
 * The last moment a nagesprek may start without a warning: the same clock time 14 calendar days
 * after the opname ended, so a change to or from summer time in between does not shift it an hour.
 */
function latestAfterRecording(recordingEnd: Date): number {
  const local = schoolLocal(recordingEnd);
  const sameTime = amsterdamLocalToUtc(addDays(local.date, maxDaysAfterRecording), local.time);
  // Only a recording ending inside the spring gap's hour has no such clock time: count plain days then.
  // Seconds of the recording's end are kept, so 14 days + 1 minute is always past it.
  const seconds = recordingEnd.getTime() % 60_000;
  return sameTime ? sameTime.getTime() + seconds : recordingEnd.getTime() + maxDaysAfterRecording * 86_400_000;
}
