import type { FocusArea, HelpQuestionKind } from './intake';
import { hasRole } from '../schools/roles';
import { isAssignedSvibber, isOwningTeacher, isSvibber } from './parties';
import type { PersonWithRoles, Person, Trajectory } from './trajectory';

/**
 * Who may see what of a trajectory. The trajectory belongs to the teacher: only they and their
 * begeleider see its content. Other SVIB'ers see just enough of an open request to take it up;
 * directie and everyone else see nothing (directie gets figures elsewhere, never content).
 */
export type TrajectoryVisibility = 'full' | 'open-request' | 'none';

export interface OpenRequestSummary {
  id: string;
  schoolId: string;
  teacher: Person;
  helpQuestionKind: HelpQuestionKind;
  focus: readonly FocusArea[];
  createdAt: Date;
}

export type TrajectoryView =
  | { visibility: 'full'; trajectory: Trajectory }
  | { visibility: 'open-request'; summary: OpenRequestSummary }
  | { visibility: 'none' };

export function visibilityFor(trajectory: Trajectory, actor: PersonWithRoles): TrajectoryVisibility {
  if (isOwningTeacher(trajectory, actor)) return 'full';
  // Directie (the role held now) sees no detail of anyone else's trajectory, not even as its
  // recorded begeleider or as an SVIB'er looking at an open request: SVIB stays apart from assessment.
  if (hasRole(actor.roles, 'directie')) return 'none';
  if (isAssignedSvibber(trajectory, actor)) return 'full';
  if (isSvibber(actor) && trajectory.phase.kind === 'aangevraagd') return 'open-request';
  return 'none';
}

export function canSeeIntakeAnswers(trajectory: Trajectory, actor: PersonWithRoles): boolean {
  return visibilityFor(trajectory, actor) === 'full';
}

/** Copies only the fields an SVIB'er needs to decide on taking up a request. */
export function openRequestSummary(trajectory: Trajectory): OpenRequestSummary {
  const { id, schoolId, teacher, helpQuestionKind, focus, createdAt } = trajectory;
  return { id, schoolId, teacher, helpQuestionKind, focus, createdAt };
}

/** The part of a trajectory this actor may see, so a caller cannot show more by accident. */
export function viewFor(trajectory: Trajectory, actor: PersonWithRoles): TrajectoryView {
  const visibility = visibilityFor(trajectory, actor);
  if (visibility === 'full') return { visibility, trajectory };
  if (visibility === 'open-request') return { visibility, summary: openRequestSummary(trajectory) };
  return { visibility };
}
