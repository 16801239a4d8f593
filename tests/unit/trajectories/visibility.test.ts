import { canSeeIntakeAnswers, viewFor, visibilityFor } from '../../../src/domain/trajectories/visibility';
import { actors, phaseNames, trajectoryIn, type ActorName, type PhaseName } from './trajectoryFixtures';

/** Who sees what: full for the teacher and their begeleider, a summary of open requests for SVIB'ers, nothing else. */
const expected: Record<ActorName, Partial<Record<PhaseName, 'full' | 'open-request'>>> = {
  owningTeacher: Object.fromEntries(phaseNames.map((phase) => [phase, 'full'])),
  otherTeacher: {},
  assignedSvibber: {
    aangevraagd: 'open-request',
    toegewezen: 'full',
    intake: 'full',
    'opname 1': 'full',
    'nagesprek 1': 'full',
    'nagesprek 3': 'full',
    afgesloten: 'full',
    geannuleerd: 'full',
  },
  otherSvibber: { aangevraagd: 'open-request' },
  directie: {},
  beheerder: {},
};

const cells = (Object.keys(expected) as ActorName[]).flatMap((actor) =>
  phaseNames.map((phase) => [actor, phase, expected[actor][phase] ?? 'none'] as const),
);

describe('visibilityFor', () => {
  it.each(cells)('%s sees a trajectory in %s as %s', (actor, phase, visibility) => {
    const trajectory = trajectoryIn(phase);
    expect(visibilityFor(trajectory, actors[actor])).toBe(visibility);
    expect(canSeeIntakeAnswers(trajectory, actors[actor])).toBe(visibility === 'full');
  });
});

describe('viewFor', () => {
  it('gives another SVIB\u2019er only who, kind and focus of an open request', () => {
    const trajectory = trajectoryIn('aangevraagd');
    expect(viewFor(trajectory, actors.otherSvibber)).toEqual({
      visibility: 'open-request',
      summary: {
        id: 'traject-1',
        schoolId: 'school-1',
        teacher: { userId: 'teacher-1', name: 'Tessa de Vries' },
        helpQuestionKind: 'group',
        focus: ['basiscommunicatie', 'organisatie'],
        createdAt: trajectory.createdAt,
      },
    });
  });

  it('gives the whole trajectory to its teacher and nothing to directie', () => {
    const trajectory = trajectoryIn('opname 1');
    expect(viewFor(trajectory, actors.owningTeacher)).toEqual({ visibility: 'full', trajectory });
    expect(viewFor(trajectory, actors.directie)).toEqual({ visibility: 'none' });
  });
});

describe('directie sees no trajectory detail, whatever else they hold', () => {
  // Someone who holds directie now, stored as the begeleider from before (or also an SVIB'er).
  const directieBegeleider = { ...actors.assignedSvibber, roles: ['leerkracht', 'svibber', 'directie'] as const };
  const directieSvibber = { ...actors.otherSvibber, roles: ['leerkracht', 'svibber', 'directie'] as const };

  it.each(phaseNames)('refuses the recorded begeleider who is directie now, in %s', (phase) => {
    expect(visibilityFor(trajectoryIn(phase), directieBegeleider)).toBe('none');
    expect(canSeeIntakeAnswers(trajectoryIn(phase), directieBegeleider)).toBe(false);
  });

  it('shows no open request to an SVIB\u2019er who is also directie', () => {
    expect(viewFor(trajectoryIn('aangevraagd'), directieSvibber)).toEqual({ visibility: 'none' });
  });

  it('still shows directie their own trajectory as its teacher', () => {
    const ownTeacher = { ...actors.owningTeacher, roles: ['leerkracht', 'directie'] as const };
    expect(visibilityFor(trajectoryIn('opname 1'), ownTeacher)).toBe('full');
  });
});
