import { createTrajectory } from '../domain/trajectories/createTrajectory';
import { validateIntakeForm } from '../domain/trajectories/intakeForm';
import { applyCommand } from '../domain/trajectories/transitions';
import type { PersonWithRoles, Trajectory, TrajectoryCommand } from '../domain/trajectories/trajectory';
import { validIntake } from './fixtures';

const intake = (() => {
  const validated = validateIntakeForm(validIntake);
  if (!validated.ok) throw new Error('the bench intake is invalid');
  return validated.value;
})();

/** Where a generated trajectory stands: a mix as a school would have it after some years. */
const stages: readonly (readonly TrajectoryCommand[])[] = [
  [],
  [{ type: 'takeUp' }],
  [{ type: 'takeUp' }, { type: 'startIntake' }],
  [{ type: 'takeUp' }, { type: 'startIntake' }, { type: 'completeIntake', cycles: 3 }],
  [{ type: 'takeUp' }, { type: 'startIntake' }, { type: 'completeIntake', cycles: 3 }, { type: 'completeRecording', cycle: 1 }],
  [{ type: 'takeUp' }, { type: 'startIntake' }, { type: 'completeIntake', cycles: 1 }, { type: 'completeRecording', cycle: 1 }, { type: 'completeAfterTalk', cycle: 1 }],
  [{ type: 'takeUp' }, { type: 'cancel', reason: 'gestopt' }],
];

/**
 * A trajectory of `teacher`, guided by `svibber`, that went through the steps of its variant (the
 * domain decides every step, so it is a trajectory the app could have made itself).
 */
export function generatedTrajectory(input: { id: string; schoolId: string; teacher: PersonWithRoles; svibber: PersonWithRoles; variant: number; startedAt: Date }): Trajectory {
  const created = createTrajectory({ type: 'request', trajectoryId: input.id, schoolId: input.schoolId, intake }, input.teacher, input.startedAt);
  if (!created.ok) throw new Error(created.reason);
  const steps = stages[input.variant % stages.length];
  return steps.reduce((trajectory, command, index) => {
    const result = applyCommand(trajectory, command, input.svibber, new Date(input.startedAt.getTime() + (index + 1) * 7 * 86_400_000));
    if (!result.ok) throw new Error(`${command.type}: ${result.reason}`);
    return result.trajectory;
  }, created.trajectory);
}

/** The variant whose trajectory waits for its first recording (the teacher may upload to it). */
export const RECORDING_VARIANT = 3;
