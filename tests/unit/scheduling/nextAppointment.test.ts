import { appointmentToPlan, commandsOnDone } from '../../../src/domain/scheduling/nextAppointment';
import { applyCommand } from '../../../src/domain/trajectories/transitions';
import type { Trajectory } from '../../../src/domain/trajectories/trajectory';
import { assignedSvibber, now, trajectoryIn, type PhaseName } from '../trajectories/trajectoryFixtures';

describe('appointmentToPlan', () => {
  it.each<[PhaseName, ReturnType<typeof appointmentToPlan>]>([
    ['voorgesteld', undefined],
    ['aangevraagd', undefined],
    ['toegewezen', { kind: 'intake', cycle: 0, isFinalTalk: false }],
    ['intake', undefined],
    ['opname 1', { kind: 'opname', cycle: 1, isFinalTalk: false }],
    ['nagesprek 1', { kind: 'nagesprek', cycle: 1, isFinalTalk: false }],
    ['nagesprek 3', { kind: 'nagesprek', cycle: 3, isFinalTalk: true }],
    ['afgesloten', undefined],
    ['geannuleerd', undefined],
  ])('in %s plans %p', (phase, expected) => {
    expect(appointmentToPlan(trajectoryIn(phase))).toEqual(expected);
  });

  it('makes the nagesprek of the last cycle the eindgesprek, also when the cycles were lowered to it', () => {
    const trajectory: Trajectory = { ...trajectoryIn('nagesprek 1'), cycles: 1 };
    expect(appointmentToPlan(trajectory)).toEqual({ kind: 'nagesprek', cycle: 1, isFinalTalk: true });
    expect(appointmentToPlan({ ...trajectoryIn('opname 1'), phase: { kind: 'opname', cycle: 2 } })).toEqual({ kind: 'opname', cycle: 2, isFinalTalk: false });
  });
});

describe('commandsOnDone', () => {
  it.each([
    [{ kind: 'intake', cycle: 0 } as const, 4, [{ type: 'startIntake' }, { type: 'completeIntake', cycles: 4 }]],
    [{ kind: 'intake', cycle: 0 } as const, undefined, [{ type: 'startIntake' }, { type: 'completeIntake' }]],
    [{ kind: 'opname', cycle: 2 } as const, undefined, [{ type: 'completeRecording', cycle: 2 }]],
    [{ kind: 'nagesprek', cycle: 3 } as const, undefined, [{ type: 'completeAfterTalk', cycle: 3 }]],
  ])('%p done (cycles %p) gives %p', (appointment, cycles, expected) => {
    expect(commandsOnDone(appointment, cycles)).toEqual(expected);
  });

  /** Runs the commands as the begeleider would, each on the outcome of the one before. */
  function markDone(trajectory: Trajectory, cycles?: number): Trajectory {
    const step = appointmentToPlan(trajectory);
    if (!step) throw new Error('nothing to plan');
    return commandsOnDone(step, cycles).reduce((current, command) => {
      const result = applyCommand(current, command, assignedSvibber, now);
      if (!result.ok) throw new Error(`${command.type} refused: ${result.reason}`);
      return result.trajectory;
    }, trajectory);
  }

  it('moves a trajectory through every step the transitions allow, up to afgesloten', () => {
    let trajectory = markDone(trajectoryIn('toegewezen'), 2);
    expect(trajectory.phase).toEqual({ kind: 'opname', cycle: 1 });
    expect(trajectory.cycles).toBe(2);
    const phases: string[] = [];
    while (appointmentToPlan(trajectory)) {
      trajectory = markDone(trajectory);
      phases.push(trajectory.phase.kind === 'opname' || trajectory.phase.kind === 'nagesprek' ? `${trajectory.phase.kind} ${trajectory.phase.cycle}` : trajectory.phase.kind);
    }
    expect(phases).toEqual(['nagesprek 1', 'opname 2', 'nagesprek 2', 'afgesloten']);
  });

  it('keeps the trajectory its own number of cycles when none was given', () => {
    expect(markDone(trajectoryIn('toegewezen')).cycles).toBe(3);
  });
});
