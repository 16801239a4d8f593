/**
 * The school's clock is Europe/Amsterdam; instants are UTC. These helpers go between the two with
 * Intl only, so summer time (last Sunday of March and of October) is handled by the time zone
 * data rather than by hand-written offsets.
 */
export const SCHOOL_TIME_ZONE = 'Europe/Amsterdam';

const MINUTE = 60_000;
const DAY = 86_400_000;

// h23: some engines print midnight as "24" with hour12: false.
const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: SCHOOL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** A moment as read on a clock on the school's wall. */
export interface SchoolLocal {
  /** "2026-12-03" */
  date: string;
  /** "10:15" */
  time: string;
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
  weekday: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
}

export function schoolLocal(instant: Date): SchoolLocal {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? NaN;
  const month = parts.month ?? NaN;
  const day = parts.day ?? NaN;
  const hour = parts.hour ?? NaN;
  const minute = parts.minute ?? NaN;
  return {
    date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    time: `${pad(hour)}:${pad(minute)}`,
    year,
    month,
    day,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    minuteOfDay: hour * 60 + minute,
  };
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** "HH:mm" as minutes since midnight, or undefined when it is no time of day. */
export function minutesOfTime(time: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours <= 23 && minutes <= 59 ? hours * 60 + minutes : undefined;
}

/** The wall-clock date and time as if they were UTC: the number Amsterdam's offset is measured from. */
function wallClockAsUtc(date: string, time: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const minutes = minutesOfTime(time);
  if (!match || minutes === undefined) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const midnight = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over into March; a date that does not round-trip does not exist.
  const check = new Date(midnight);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return midnight + minutes * MINUTE;
}

/** How far Amsterdam's clock is ahead of UTC at this instant, in ms (+1 h in winter, +2 h in summer). */
function offsetAt(instant: number): number {
  const local = schoolLocal(new Date(instant));
  // schoolLocal reads whole minutes; the seconds are the same on both clocks.
  const seconds = ((instant % MINUTE) + MINUTE) % MINUTE;
  return (wallClockAsUtc(local.date, local.time) ?? NaN) + seconds - instant;
}

/**
 * The instants at which Amsterdam's clock reads this date and time: none in the spring gap
 * (02:00–03:00 on the last Sunday of March), two in the autumn overlap, one otherwise.
 */
function instantsOf(date: string, time: string): { instants: number[]; wall: number } | undefined {
  const wall = wallClockAsUtc(date, time);
  if (wall === undefined) return undefined;
  // The offsets a day either side cover both sides of any change on this day.
  const offsets = new Set([offsetAt(wall - DAY), offsetAt(wall + DAY)]);
  const instants = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => {
      const local = schoolLocal(new Date(instant));
      return local.date === date && local.time === time;
    })
    .sort((a, b) => a - b);
  return { instants, wall };
}

/**
 * An Amsterdam date ("YYYY-MM-DD") and time ("HH:mm") as a UTC instant. Undefined for a malformed
 * or non-existent date or time, including a time the clocks skip in spring. A time that occurs twice
 * in autumn gives the first (summer time) one: a school day never falls on that Sunday night anyway.
 */
export function amsterdamLocalToUtc(date: string, time: string): Date | undefined {
  const first = instantsOf(date, time)?.instants[0];
  return first === undefined ? undefined : new Date(first);
}

/**
 * Like amsterdamLocalToUtc, but a time in the spring gap moves on by the gap (02:30 → 03:30), the
 * way calendars do: for times the school configured, where skipping would silently drop a message.
 */
export function amsterdamLocalToUtcOrLater(date: string, time: string): Date | undefined {
  const resolved = instantsOf(date, time);
  if (!resolved) return undefined;
  const first = resolved.instants[0];
  if (first !== undefined) return new Date(first);
  // In the gap: read the wall clock with the offset from before the change.
  return new Date(resolved.wall - offsetAt(resolved.wall - DAY));
}

/** The calendar date `days` after a "YYYY-MM-DD" date (negative goes back). */
export function addDays(date: string, days: number): string {
  const midnight = wallClockAsUtc(date, '00:00');
  if (midnight === undefined) return date;
  return new Date(midnight + days * DAY).toISOString().slice(0, 10);
}
