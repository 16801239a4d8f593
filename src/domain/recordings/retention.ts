/**
 * When recordings of a closed trajectory are deleted: a school-set number of days after closing.
 * Days are counted as 24 hours from the closing instant; a clock shift of an hour around a
 * daylight-saving change does not matter for a deletion weeks later.
 */
const dayMs = 24 * 60 * 60 * 1000;

/** Throws on a misconfigured number: a wrong value must never delete recordings early. */
function checkDays(name: string, days: number): void {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`${name} must be a whole number of days, 0 or more (got ${days})`);
}

/** The instant from which the recordings are due for deletion. */
export function retentionDeadline(closedAt: Date, retentionDays: number): Date {
  checkDays('retentionDays', retentionDays);
  return new Date(closedAt.getTime() + retentionDays * dayMs);
}

/** Never for an open trajectory (no closedAt): recordings are deleted only after closing. */
export function isDueForDeletion(closedAt: Date | undefined, retentionDays: number, now: Date): boolean {
  if (closedAt === undefined) return false;
  return now.getTime() >= retentionDeadline(closedAt, retentionDays).getTime();
}

/**
 * Whether the teacher should now be told that the recordings will soon be deleted: from
 * warnDaysBefore days before the deadline until the deadline, and only once. A warning sent
 * before this closing (warnedAt < closedAt) does not count.
 */
export function isDueForWarning(
  closedAt: Date | undefined,
  retentionDays: number,
  warnDaysBefore: number,
  now: Date,
  warnedAt?: Date,
): boolean {
  checkDays('warnDaysBefore', warnDaysBefore);
  if (closedAt === undefined) return false;
  if (warnedAt !== undefined && warnedAt.getTime() >= closedAt.getTime()) return false;
  const deadline = retentionDeadline(closedAt, retentionDays).getTime();
  const from = deadline - warnDaysBefore * dayMs;
  return now.getTime() >= from && now.getTime() < deadline;
}
