import type { RecordingSettings } from './recordingSettings';

/**
 * A school owns settings, roles and data. One tenant (school board) may hold several schools;
 * the bot learns one when it is installed in a team, and a tenant with a single school may run
 * on a default school.
 */
export interface School {
  tenantId: string;
  schoolId: string;
  name: string;
  /** The team the school was learned from, for its roster; absent for the default school. */
  teamId?: string;
  createdAt: Date;
  /** What its beheerder chose for recordings; unset values take the deployment's defaults. */
  recordingSettings?: Partial<RecordingSettings>;
}

export const DEFAULT_SCHOOL_ID = 'default';

/** A school learned from a team is keyed by the team, so a reinstall finds the same school. */
export function schoolIdForTeam(teamId: string): string {
  return `team_${encodeURIComponent(teamId)}`;
}

/**
 * Which school a person acts in: the school that knows them (they hold a role or were seen in its
 * team), else the tenant's only school, else the default school. With several candidates the
 * oldest wins, so the answer is stable.
 */
export function chooseSchool(
  knownSchoolIds: readonly string[],
  tenantSchools: readonly Pick<School, 'schoolId' | 'createdAt'>[],
): string {
  const byAge = [...tenantSchools].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.schoolId.localeCompare(b.schoolId));
  const known = byAge.find((school) => knownSchoolIds.includes(school.schoolId));
  if (known) return known.schoolId;
  if (knownSchoolIds.length > 0) return [...knownSchoolIds].sort()[0];
  const learned = byAge.filter((school) => school.schoolId !== DEFAULT_SCHOOL_ID);
  if (learned.length === 1) return learned[0].schoolId;
  return byAge[0]?.schoolId ?? DEFAULT_SCHOOL_ID;
}
