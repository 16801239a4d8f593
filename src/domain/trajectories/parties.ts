import { hasRole } from '../schools/roles';
import type { PersonWithRoles, Trajectory } from './trajectory';

/**
 * How an actor relates to one trajectory. Roles come from the school; the relation comes from
 * the trajectory itself, so holding a role is never enough to act on someone else's trajectory.
 */
export function isOwningTeacher(trajectory: Trajectory, actor: PersonWithRoles): boolean {
  return trajectory.teacher.userId === actor.userId;
}

export function isSvibber(actor: PersonWithRoles): boolean {
  return hasRole(actor.roles, 'svibber');
}

/** The begeleider of this trajectory, and still an SVIB'er of the school. */
export function isAssignedSvibber(trajectory: Trajectory, actor: PersonWithRoles): boolean {
  return isSvibber(actor) && trajectory.svibber?.userId === actor.userId;
}
