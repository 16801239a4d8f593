import { hasRole } from '../schools/roles';
import { goalMaxLength, readFreeText } from './freeText';
import type { FocusArea, HelpQuestionKind, IntakeAnswers } from './intake';
import {
  defaultCycles,
  personOf,
  type PersonWithRoles,
  type Person,
  type RefusalReason,
  type TimelineEvent,
  type Trajectory,
} from './trajectory';

/**
 * The first step of a trajectory: a teacher's own request, or a proposal (scholingsopdracht)
 * to a teacher. The caller picks the id; deriving it from the submit makes a redelivered
 * submit land on the same trajectory.
 */
export type CreateCommand =
  | { type: 'request'; trajectoryId: string; schoolId: string; intake: IntakeAnswers }
  | {
      type: 'propose';
      trajectoryId: string;
      schoolId: string;
      teacher: Person;
      goal: string;
      helpQuestionKind: HelpQuestionKind;
      focus: readonly FocusArea[];
    };

export type CreateResult =
  | { ok: true; trajectory: Trajectory; event: TimelineEvent }
  | { ok: false; reason: RefusalReason };

export function createTrajectory(command: CreateCommand, actor: PersonWithRoles, now: Date): CreateResult {
  return command.type === 'request' ? request(command, actor, now) : propose(command, actor, now);
}

/** Everyone is a leerkracht, so anyone may ask for support for themselves. */
function request(command: Extract<CreateCommand, { type: 'request' }>, actor: PersonWithRoles, now: Date): CreateResult {
  const event: TimelineEvent = { what: 'requested', by: personOf(actor), at: now };
  return {
    ok: true,
    event,
    trajectory: {
      id: command.trajectoryId,
      schoolId: command.schoolId,
      teacher: personOf(actor),
      helpQuestionKind: command.intake.helpQuestionKind,
      focus: command.intake.focus,
      intake: command.intake,
      cycles: defaultCycles,
      phase: { kind: 'aangevraagd' },
      createdAt: now,
      timeline: [event],
    },
  };
}

function propose(command: Extract<CreateCommand, { type: 'propose' }>, actor: PersonWithRoles, now: Date): CreateResult {
  if (!hasRole(actor.roles, 'directie') && !hasRole(actor.roles, 'svibber')) return { ok: false, reason: 'not-directie-or-svibber' };
  // A proposal is for someone else; for yourself, just request.
  if (command.teacher.userId === actor.userId) return { ok: false, reason: 'proposal-to-self' };
  const goal = readFreeText(command.goal, goalMaxLength);
  if (goal.kind === 'empty') return { ok: false, reason: 'goal-required' };
  if (goal.kind === 'too-long') return { ok: false, reason: 'goal-too-long' };
  const event: TimelineEvent = { what: 'proposed', by: personOf(actor), at: now };
  return {
    ok: true,
    event,
    trajectory: {
      id: command.trajectoryId,
      schoolId: command.schoolId,
      teacher: { userId: command.teacher.userId, name: command.teacher.name },
      proposal: { by: personOf(actor), goal: goal.text },
      helpQuestionKind: command.helpQuestionKind,
      focus: command.focus,
      cycles: defaultCycles,
      phase: { kind: 'voorgesteld' },
      createdAt: now,
      timeline: [event],
    },
  };
}
