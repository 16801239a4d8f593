/**
 * Counting school days (Monday to Friday) as a Dutch school sees them. Holidays are not known
 * yet; a school's holiday calendar can narrow this later.
 */
const SCHOOL_TIME_ZONE = 'Europe/Amsterdam';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: SCHOOL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date at the school, as a UTC midnight, so days can be stepped without time zones. */
function schoolDate(instant: Date): Date {
  return new Date(`${dayFormat.format(instant)}T00:00:00Z`);
}

function isWeekday(date: Date): boolean {
  const day = date.getUTCDay();
  return day >= 1 && day <= 5;
}

/** School days that have fully begun after `from`'s date, up to and including `to`'s date. */
export function schoolDaysBetween(from: Date, to: Date): number {
  const start = schoolDate(from);
  const end = schoolDate(to);
  let count = 0;
  for (let day = new Date(start.getTime() + 86_400_000); day <= end; day = new Date(day.getTime() + 86_400_000)) {
    if (isWeekday(day)) count++;
  }
  return count;
}
