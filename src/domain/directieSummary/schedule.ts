import { addDays, amsterdamLocalToUtcOrLater, minutesOfTime, schoolLocal } from '../scheduling/schoolClock';

/**
 * When the directie summary goes out, as the school set it. Days and times are read on the
 * school's clock (Europe/Amsterdam); a period ends at the moment its summary is due.
 */
export type SummarySchedule =
  /** weekday: 1 = Monday … 7 = Sunday. */
  | { kind: 'weekly'; weekday: number; time: string }
  /** day of the month 1–28, so every month has it. */
  | { kind: 'monthly'; day: number; time: string }
  /** After every kijkwijzer round that closes. */
  | { kind: 'roundClosed' };

export type ScheduleKind = SummarySchedule['kind'];
export const scheduleKinds: readonly ScheduleKind[] = ['weekly', 'monthly', 'roundClosed'];

export interface SummaryPeriod {
  /** Unique per school and period; the "sent" record is claimed under it. */
  key: string;
  kind: ScheduleKind | 'onDemand';
  start: Date;
  end: Date;
  /** When its summary was due (equal to end for a scheduled period). */
  dueAt: Date;
}

export type ScheduleField = 'kind' | 'weekday' | 'day' | 'time';
export type ScheduleProblem = 'unknown-choice' | 'out-of-range' | 'invalid-time';

export const scheduleLimits = { weekday: { min: 1, max: 7 }, day: { min: 1, max: 28 } } as const;

function wholeNumberIn(value: unknown, min: number, max: number): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d{1,2}$/.test(text)) return undefined;
  const number = Number(text);
  return number >= min && number <= max ? number : undefined;
}

/** Reads what a beheerder submitted on the schedule card; untrusted input, every problem named. */
export function readSchedule(input: { kind?: unknown; weekday?: unknown; day?: unknown; time?: unknown }):
  | { ok: true; schedule: SummarySchedule }
  | { ok: false; problems: Partial<Record<ScheduleField, ScheduleProblem>> } {
  const kind = scheduleKinds.find((known) => known === input.kind);
  if (!kind) return { ok: false, problems: { kind: 'unknown-choice' } };
  if (kind === 'roundClosed') return { ok: true, schedule: { kind } };
  const problems: Partial<Record<ScheduleField, ScheduleProblem>> = {};
  const time = typeof input.time === 'string' ? input.time.trim() : '';
  if (minutesOfTime(time) === undefined) problems.time = 'invalid-time';
  if (kind === 'weekly') {
    const weekday = wholeNumberIn(input.weekday, scheduleLimits.weekday.min, scheduleLimits.weekday.max);
    if (weekday === undefined) problems.weekday = 'out-of-range';
    if (Object.keys(problems).length > 0 || weekday === undefined) return { ok: false, problems };
    return { ok: true, schedule: { kind, weekday, time } };
  }
  const day = wholeNumberIn(input.day, scheduleLimits.day.min, scheduleLimits.day.max);
  if (day === undefined) problems.day = 'out-of-range';
  if (Object.keys(problems).length > 0 || day === undefined) return { ok: false, problems };
  return { ok: true, schedule: { kind, day, time } };
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a school date. */
function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function at(date: string, time: string): Date {
  const instant = amsterdamLocalToUtcOrLater(date, time);
  if (!instant) throw new RangeError(`Not a school date and time: ${date} ${time}`);
  return instant;
}

/** "2026-12" → "2026-11" */
function previousMonth(year: number, month: number): { year: number; month: number } {
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

function monthDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The newest scheduled period whose summary is due at or before `now`; undefined for a schedule
 * that is not on the clock (round closed). A period missed while the bot was down is this one,
 * until the next one is due.
 */
export function latestDuePeriod(schedule: SummarySchedule, now: Date): SummaryPeriod | undefined {
  if (schedule.kind === 'roundClosed') return undefined;
  const today = schoolLocal(now).date;
  if (schedule.kind === 'weekly') {
    let date = addDays(today, -((isoWeekday(today) - schedule.weekday + 7) % 7));
    if (at(date, schedule.time) > now) date = addDays(date, -7);
    const end = at(date, schedule.time);
    return { key: `week-${date}`, kind: 'weekly', start: at(addDays(date, -7), schedule.time), end, dueAt: end };
  }
  const local = schoolLocal(now);
  let current = { year: local.year, month: local.month };
  if (at(monthDate(current.year, current.month, schedule.day), schedule.time) > now) current = previousMonth(current.year, current.month);
  const before = previousMonth(current.year, current.month);
  const end = at(monthDate(current.year, current.month, schedule.day), schedule.time);
  return {
    key: `month-${monthDate(current.year, current.month, 1).slice(0, 7)}`,
    kind: 'monthly',
    start: at(monthDate(before.year, before.month, schedule.day), schedule.time),
    end,
    dueAt: end,
  };
}

/** A round-closed period: from the previous round's close (or this round's start) to this close. */
export function roundPeriod(round: { sequence: number; startedAt: Date; closedAt?: Date; closesAt: Date }, previousClosedAt: Date | undefined): SummaryPeriod {
  const end = round.closedAt ?? round.closesAt;
  // Keyed by the round's number, not its id: the key travels in a card button, and cards carry no ids.
  return { key: `round-${round.sequence}`, kind: 'roundClosed', start: previousClosedAt ?? round.startedAt, end, dueAt: end };
}

/**
 * What `samenvatting` shows on demand: the running period up to now (since the last scheduled
 * summary), or the last four weeks when the school has no clock schedule.
 */
export function onDemandPeriod(schedule: SummarySchedule | undefined, now: Date): SummaryPeriod {
  const latest = schedule ? latestDuePeriod(schedule, now) : undefined;
  const start = latest?.end ?? new Date(at(addDays(schoolLocal(now).date, -28), '00:00'));
  return { key: `now-${now.toISOString()}`, kind: 'onDemand', start, end: now, dueAt: now };
}

/** A summary posted more than this after it was due is marked late. */
export const LATE_AFTER_MS = 60 * 60_000;

export function isLate(period: SummaryPeriod, postedAt: Date): boolean {
  return postedAt.getTime() - period.dueAt.getTime() > LATE_AFTER_MS;
}

/** Period keys as they come back from a card button: only our own shapes, checked strictly. */
export function isPeriodKey(value: string): boolean {
  return /^(week-\d{4}-\d{2}-\d{2}|month-\d{4}-\d{2}|round-\d{1,4})$/.test(value);
}
