import { createTrajectory, type CreateCommand } from '../../../src/domain/trajectories/createTrajectory';
import type { PersonWithRoles } from '../../../src/domain/trajectories/trajectory';
import { actors, assignedSvibber, beheerder, directie, now, otherTeacher, owningTeacher, person, schoolId, validIntake, type ActorName } from './trajectoryFixtures';

const proposal = (overrides: Partial<Extract<CreateCommand, { type: 'propose' }>> = {}): CreateCommand => ({
  type: 'propose',
  trajectoryId: 't-9',
  schoolId,
  teacher: person(owningTeacher),
  goal: '  Klassenmanagement in de eerste weken.  ',
  helpQuestionKind: 'starter',
  focus: ['organisatie'],
  ...overrides,
});

describe('createTrajectory: a request', () => {
  it('opens an aangevraagd trajectory of the asking teacher with their intake and three cycles', () => {
    const result = createTrajectory({ type: 'request', trajectoryId: 't-1', schoolId, intake: validIntake }, owningTeacher, now);
    expect(result).toEqual({
      ok: true,
      event: { what: 'requested', by: { userId: 'teacher-1', name: 'Tessa de Vries' }, at: now },
      trajectory: {
        id: 't-1',
        schoolId: 'school-1',
        teacher: { userId: 'teacher-1', name: 'Tessa de Vries' },
        helpQuestionKind: 'group',
        focus: ['basiscommunicatie', 'organisatie'],
        intake: validIntake,
        cycles: 3,
        phase: { kind: 'aangevraagd' },
        createdAt: now,
        timeline: [{ what: 'requested', by: { userId: 'teacher-1', name: 'Tessa de Vries' }, at: now }],
      },
    });
  });

  it.each(Object.keys(actors) as ActorName[])('is open to everyone, as everyone is a leerkracht: %s', (name) => {
    const actor: PersonWithRoles = actors[name];
    const result = createTrajectory({ type: 'request', trajectoryId: 't-1', schoolId, intake: validIntake }, actor, now);
    expect(result.ok && result.trajectory.teacher).toEqual(person(actor));
  });
});

describe('createTrajectory: a proposal (scholingsopdracht)', () => {
  it.each([
    ['directie', directie, 'ok'],
    ['an SVIB\u2019er', assignedSvibber, 'ok'],
    ['a teacher', otherTeacher, 'not-directie-or-svibber'],
    ['a beheerder', beheerder, 'not-directie-or-svibber'],
  ])('by %s: %s', (_, actor, expected) => {
    const result = createTrajectory(proposal(), actor, now);
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
  });

  it('waits for the teacher, with the goal trimmed and no intake yet', () => {
    const result = createTrajectory(proposal(), directie, now);
    expect(result).toEqual({
      ok: true,
      event: { what: 'proposed', by: person(directie), at: now },
      trajectory: {
        id: 't-9',
        schoolId: 'school-1',
        teacher: person(owningTeacher),
        proposal: { by: person(directie), goal: 'Klassenmanagement in de eerste weken.' },
        helpQuestionKind: 'starter',
        focus: ['organisatie'],
        cycles: 3,
        phase: { kind: 'voorgesteld' },
        createdAt: now,
        timeline: [{ what: 'proposed', by: person(directie), at: now }],
      },
    });
  });

  it.each([
    ['to yourself', proposal({ teacher: person(directie) }), 'proposal-to-self'],
    ['without a goal', proposal({ goal: '' }), 'goal-required'],
    ['with a whitespace goal', proposal({ goal: ' \t ' }), 'goal-required'],
    ['with a goal over 1000 characters', proposal({ goal: 'x'.repeat(1001) }), 'goal-too-long'],
  ])('is refused %s', (_, command, reason) => {
    expect(createTrajectory(command, directie, now)).toEqual({ ok: false, reason });
  });
});
