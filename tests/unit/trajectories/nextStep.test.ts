import { compareByNextStep, nextStep } from '../../../src/domain/trajectories/nextStep';
import type { Trajectory } from '../../../src/domain/trajectories/trajectory';
import { owningTeacher, person, trajectoryIn, type PhaseName } from './trajectoryFixtures';

describe('nextStep', () => {
  it.each<[PhaseName, ReturnType<typeof nextStep>]>([
    ['voorgesteld', { code: 'teacher-decides-on-proposal', waitingFor: 'teacher' }],
    ['aangevraagd', { code: 'await-take-up', waitingFor: 'svibber' }],
    ['toegewezen', { code: 'plan-intake', waitingFor: 'svibber' }],
    ['intake', { code: 'complete-intake', waitingFor: 'svibber' }],
    ['opname 1', { code: 'make-recording', waitingFor: 'svibber', cycle: 1 }],
    ['nagesprek 1', { code: 'hold-after-talk', waitingFor: 'svibber', cycle: 1 }],
    ['nagesprek 3', { code: 'hold-final-talk', waitingFor: 'svibber', cycle: 3 }],
    ['afgesloten', { code: 'none', waitingFor: 'nobody' }],
    ['geannuleerd', { code: 'none', waitingFor: 'nobody' }],
  ])('in %s is %o', (phase, expected) => {
    expect(nextStep(trajectoryIn(phase))).toEqual(expected);
  });
});

describe('compareByNextStep', () => {
  function movedAt(id: string, phase: PhaseName, iso: string): Trajectory {
    const trajectory = trajectoryIn(phase);
    return { ...trajectory, id, timeline: [...trajectory.timeline, { what: 'takenUp', by: person(owningTeacher), at: new Date(iso) }] };
  }

  it('puts what waits longest first and closed trajectories last, the most recent of those first', () => {
    const list = [
      movedAt('closed-old', 'afgesloten', '2025-01-10T00:00:00Z'),
      movedAt('waiting-short', 'opname 1', '2025-03-01T00:00:00Z'),
      movedAt('closed-new', 'geannuleerd', '2025-02-10T00:00:00Z'),
      movedAt('waiting-long', 'aangevraagd', '2025-01-15T00:00:00Z'),
    ];
    expect([...list].sort(compareByNextStep).map((trajectory) => trajectory.id)).toEqual([
      'waiting-long',
      'waiting-short',
      'closed-new',
      'closed-old',
    ]);
  });
});
