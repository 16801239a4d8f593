import type { Role } from '../domain/schools/roles';
import type { SchoolDirectory } from '../features/schools/SchoolDirectory';
import { readPlaygroundConfig } from './playgroundConfig';

/** Roles of the Playground's mock people; everyone else is leerkracht. */
export const localRoles: Record<string, Role[]> = {
  'user-fatima': ['beheerder'],
  'user-marieke': ['svibber', 'ib'],
  'user-peter': ['directie'],
};

/**
 * Makes the Playground's team a school and places every mock person there with their role,
 * so every flow can be tried in the browser. Safe to run on every start.
 */
export async function seedLocalSchool(directory: SchoolDirectory, playgroundConfigPath: string): Promise<void> {
  const config = readPlaygroundConfig(playgroundConfigPath) as ReturnType<typeof readPlaygroundConfig> & {
    tenantId: string;
    team: { id: string; name: string };
  };
  const school = await directory.learnSchoolFromTeam(config.tenantId, config.team.id, config.team.name);
  for (const person of [config.currentUser, ...config.users]) {
    await directory.seedMember(
      config.tenantId,
      school.schoolId,
      { userId: person.aadObjectId, name: person.name, email: person.email },
      localRoles[person.id] ?? [],
    );
  }
}
