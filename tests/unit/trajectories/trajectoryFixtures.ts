import type { IntakeAnswers } from '../../../src/domain/trajectories/intake';
import type { PersonWithRoles, Person, Trajectory, TrajectoryPhase } from '../../../src/domain/trajectories/trajectory';

/** People and trajectories the trajectory tests share; plain data, no domain logic. */
export const schoolId = 'school-1';
export const createdAt = new Date('2025-01-06T08:00:00Z');
export const now = new Date('2025-02-03T14:30:00Z');

export const owningTeacher: PersonWithRoles = { userId: 'teacher-1', name: 'Tessa de Vries', roles: ['leerkracht'] };
export const otherTeacher: PersonWithRoles = { userId: 'teacher-2', name: 'Otto Bakker', roles: ['leerkracht'] };
export const assignedSvibber: PersonWithRoles = { userId: 'svibber-1', name: 'Sanne Jansen', roles: ['leerkracht', 'svibber'] };
export const otherSvibber: PersonWithRoles = { userId: 'svibber-2', name: 'Sven Visser', roles: ['leerkracht', 'svibber', 'ib'] };
export const thirdSvibber: PersonWithRoles = { userId: 'svibber-3', name: 'Sara Smit', roles: ['leerkracht', 'svibber'] };
export const directie: PersonWithRoles = { userId: 'directie-1', name: 'Dirk Mulder', roles: ['leerkracht', 'directie'] };
export const beheerder: PersonWithRoles = { userId: 'beheerder-1', name: 'Bea de Boer', roles: ['leerkracht', 'beheerder'] };

export const actors = { owningTeacher, otherTeacher, assignedSvibber, otherSvibber, directie, beheerder } as const;
export type ActorName = keyof typeof actors;

export function person(actor: PersonWithRoles): Person {
  return { userId: actor.userId, name: actor.name };
}

export const validIntake: IntakeAnswers = {
  helpQuestionKind: 'group',
  whatHappens: 'De groep luistert slecht na de pauze.',
  whatDifferent: 'Ik wil rustiger beginnen na de pauze.',
  whatToReach: 'Dat iedereen binnen vijf minuten aan het werk is.',
  focus: ['basiscommunicatie', 'organisatie'],
  basiscommunicatieAspects: ['beurtverdeling'],
  group: 'groep 5',
  preferredDays: ['ma', 'wo'],
  preferredDayParts: ['ochtend'],
  acknowledgedVoluntary: true,
  acknowledgedParentsInformed: true,
};

export const phaseNames = [
  'voorgesteld',
  'aangevraagd',
  'toegewezen',
  'intake',
  'opname 1',
  'nagesprek 1',
  'nagesprek 3',
  'afgesloten',
  'geannuleerd',
] as const;
export type PhaseName = (typeof phaseNames)[number];

/** "opname 2", "afgesloten": a phase as one readable word for test tables. */
export function phaseName(phase: TrajectoryPhase): string {
  return phase.kind === 'opname' || phase.kind === 'nagesprek' ? `${phase.kind} ${phase.cycle}` : phase.kind;
}

function phaseOf(name: PhaseName): TrajectoryPhase {
  const [kind, cycle] = name.split(' ');
  if (kind === 'opname' || kind === 'nagesprek') return { kind, cycle: Number(cycle) };
  if (kind === 'geannuleerd') return { kind, by: 'teacher' };
  return { kind } as TrajectoryPhase;
}

/** A trajectory of three cycles in the named phase; from toegewezen on, assignedSvibber is its begeleider. */
export function trajectoryIn(name: PhaseName): Trajectory {
  const phase = phaseOf(name);
  const proposed = phase.kind === 'voorgesteld';
  const assigned = !proposed && phase.kind !== 'aangevraagd';
  return {
    id: 'traject-1',
    schoolId,
    teacher: person(owningTeacher),
    ...(assigned ? { svibber: person(assignedSvibber) } : {}),
    ...(proposed ? { proposal: { by: person(directie), goal: 'Werken aan een rustige start van de dag.' } } : {}),
    helpQuestionKind: 'group',
    focus: ['basiscommunicatie', 'organisatie'],
    ...(proposed ? {} : { intake: validIntake }),
    cycles: 3,
    phase,
    createdAt,
    timeline: [{ what: proposed ? 'proposed' : 'requested', by: person(proposed ? directie : owningTeacher), at: createdAt }],
  };
}

/** Freezes all the way down, so a function that mutates its input throws in the test. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
