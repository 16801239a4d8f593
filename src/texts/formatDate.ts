const dateFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** "wo 25 nov 2026": dates are stored in UTC and shown as the school sees them. */
export function formatDate(date: Date): string {
  return dateFormat.format(date).replace(/\./g, '');
}

/** "25 nov, 14:05". */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date).replace(/\./g, '');
}
