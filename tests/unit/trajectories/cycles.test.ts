import { createTrajectory } from '../../../src/domain/trajectories/createTrajectory';
import { nextStep } from '../../../src/domain/trajectories/nextStep';
import { applyCommand } from '../../../src/domain/trajectories/transitions';
import type { PersonWithRoles, Trajectory, TrajectoryCommand } from '../../../src/domain/trajectories/trajectory';
import { phaseLabel } from '../../../src/texts/nlTrajectories';
import { assignedSvibber, deepFreeze, now, owningTeacher, phaseName, schoolId, validIntake } from './trajectoryFixtures';

/** Runs commands in order and fails loudly on the first refusal. */
function run(start: Trajectory, steps: ReadonlyArray<readonly [TrajectoryCommand, PersonWithRoles]>): Trajectory {
  return steps.reduce((trajectory, [command, actor]) => {
    const result = applyCommand(deepFreeze(trajectory), command, actor, now);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.reason}`);
    return result.trajectory;
  }, start);
}

function requested(): Trajectory {
  const result = createTrajectory({ type: 'request', trajectoryId: 't-1', schoolId, intake: validIntake }, owningTeacher, now);
  if (!result.ok) throw new Error(result.reason);
  return result.trajectory;
}

function atFirstRecording(cycles?: number): Trajectory {
  return run(requested(), [
    [{ type: 'takeUp' }, assignedSvibber],
    [{ type: 'startIntake' }, assignedSvibber],
    [{ type: 'completeIntake', ...(cycles === undefined ? {} : { cycles }) }, assignedSvibber],
  ]);
}

describe('the cycles of opname and nagesprek', () => {
  it('defaults to three cycles when the intake sets none', () => {
    const trajectory = atFirstRecording();
    expect(trajectory.cycles).toBe(3);
    expect(trajectory.phase).toEqual({ kind: 'opname', cycle: 1 });
  });

  it.each([1, 2, 3, 4, 5, 6])('walks %i cycle(s); the last nagesprek is the eindgesprek and closes', (cycles) => {
    let trajectory = atFirstRecording(cycles);
    const seen: string[] = [];
    const labels: string[] = [];
    const steps: string[] = [];
    for (let cycle = 1; cycle <= cycles; cycle++) {
      seen.push(phaseName(trajectory.phase));
      labels.push(phaseLabel(trajectory.phase, trajectory.cycles));
      steps.push(nextStep(trajectory).code);
      trajectory = run(trajectory, [[{ type: 'completeRecording', cycle }, assignedSvibber]]);
      seen.push(phaseName(trajectory.phase));
      labels.push(phaseLabel(trajectory.phase, trajectory.cycles));
      steps.push(nextStep(trajectory).code);
      trajectory = run(trajectory, [[{ type: 'completeAfterTalk', cycle }, assignedSvibber]]);
    }

    const expectedPhases = Array.from({ length: cycles }, (_, i) => [`opname ${i + 1}`, `nagesprek ${i + 1}`]).flat();
    expect(seen).toEqual(expectedPhases);
    expect(labels[labels.length - 1]).toBe('Eindgesprek');
    expect(labels.slice(0, -1)).toEqual(expectedPhases.slice(0, -1).map((name) => name[0].toUpperCase() + name.slice(1)));
    expect(steps[steps.length - 1]).toBe('hold-final-talk');
    expect(steps.filter((code) => code === 'hold-after-talk')).toHaveLength(cycles - 1);
    expect(trajectory.phase).toEqual({ kind: 'afgesloten' });
    expect(nextStep(trajectory).code).toBe('none');
    // requested, takenUp, intakeStarted, intakeCompleted, then two events per cycle.
    expect(trajectory.timeline).toHaveLength(4 + 2 * cycles);
    expect(trajectory.timeline[3]).toMatchObject({ what: 'intakeCompleted', cycles });
    expect(trajectory.timeline[trajectory.timeline.length - 1]).toMatchObject({ what: 'finalTalkCompleted', cycle: cycles });
  });

  it.each([0, 7, -1, 2.5, Number.NaN])('refuses %p cycles at the intake', (cycles) => {
    const atIntake = run(requested(), [
      [{ type: 'takeUp' }, assignedSvibber],
      [{ type: 'startIntake' }, assignedSvibber],
    ]);
    const result = applyCommand(atIntake, { type: 'completeIntake', cycles }, assignedSvibber, now);
    expect(result).toEqual({ ok: false, reason: 'cycles-out-of-range', trajectory: atIntake });
  });

  it('may lower the cycles to the current one, which makes this nagesprek the eindgesprek', () => {
    const inSecondTalk = run(atFirstRecording(4), [
      [{ type: 'completeRecording', cycle: 1 }, assignedSvibber],
      [{ type: 'completeAfterTalk', cycle: 1 }, assignedSvibber],
      [{ type: 'completeRecording', cycle: 2 }, assignedSvibber],
      [{ type: 'setCycles', cycles: 2 }, assignedSvibber],
    ]);
    expect(inSecondTalk.cycles).toBe(2);
    expect(phaseLabel(inSecondTalk.phase, inSecondTalk.cycles)).toBe('Eindgesprek');
    expect(nextStep(inSecondTalk)).toEqual({ code: 'hold-final-talk', waitingFor: 'svibber', cycle: 2 });
    const closed = run(inSecondTalk, [[{ type: 'completeAfterTalk', cycle: 2 }, assignedSvibber]]);
    expect(closed.phase).toEqual({ kind: 'afgesloten' });
  });

  it('refuses cycles below the recording being worked on', () => {
    const inSecondRecording = run(atFirstRecording(3), [
      [{ type: 'completeRecording', cycle: 1 }, assignedSvibber],
      [{ type: 'completeAfterTalk', cycle: 1 }, assignedSvibber],
    ]);
    expect(inSecondRecording.phase).toEqual({ kind: 'opname', cycle: 2 });
    const result = applyCommand(inSecondRecording, { type: 'setCycles', cycles: 1 }, assignedSvibber, now);
    expect(result).toEqual({ ok: false, reason: 'cycles-below-done', trajectory: inSecondRecording });
    const raised = applyCommand(inSecondRecording, { type: 'setCycles', cycles: 6 }, assignedSvibber, now);
    expect(raised.ok && raised.trajectory.cycles).toBe(6);
    expect(raised.ok && raised.event).toEqual({ what: 'cyclesChanged', cycles: 6, by: { userId: 'svibber-1', name: 'Sanne Jansen' }, at: now });
  });

  it.each([0, 7, 1.5])('refuses %p as a new number of cycles', (cycles) => {
    const trajectory = atFirstRecording(3);
    expect(applyCommand(trajectory, { type: 'setCycles', cycles }, assignedSvibber, now)).toMatchObject({
      ok: false,
      reason: 'cycles-out-of-range',
    });
  });

  it('refuses a recording or after-talk of another cycle, as from a stale card', () => {
    const trajectory = atFirstRecording(3);
    expect(applyCommand(trajectory, { type: 'completeRecording', cycle: 2 }, assignedSvibber, now)).toMatchObject({
      ok: false,
      reason: 'wrong-cycle',
    });
    const inTalk = run(trajectory, [[{ type: 'completeRecording', cycle: 1 }, assignedSvibber]]);
    expect(applyCommand(inTalk, { type: 'completeAfterTalk', cycle: 3 }, assignedSvibber, now)).toMatchObject({
      ok: false,
      reason: 'wrong-cycle',
    });
    // A redelivered "recording done" for cycle 1 finds the trajectory already in nagesprek 1.
    expect(applyCommand(inTalk, { type: 'completeRecording', cycle: 1 }, assignedSvibber, now)).toMatchObject({
      ok: false,
      reason: 'not-in-this-phase',
    });
  });
});
