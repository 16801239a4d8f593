/**
 * One school's data shares a partition in every table that is read per school (trajectories,
 * appointments, recordings, role holders), so a school-wide list is one partition query.
 */
export function schoolPartition(tenantId: string, schoolId: string): string {
  return `${tenantId}_${schoolId}`;
}

/** Aggregates are stored as JSON; these fields come back as Dates. */
export function parseWithDates<T>(data: string, dateFields: ReadonlySet<string>): T {
  return JSON.parse(data, (key, value) => (dateFields.has(key) && typeof value === 'string' ? new Date(value) : value)) as T;
}
