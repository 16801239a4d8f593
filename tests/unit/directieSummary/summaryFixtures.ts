import type { RoundComparison, RoundFigures } from '../../../src/domain/kijkwijzer/roundFigures';
import type { TimelineEvent, Trajectory } from '../../../src/domain/trajectories/trajectory';
import type { Appointment } from '../../../src/domain/scheduling/appointment';

/** Names, hulpvragen, notes and ids that must never reach a directie card, its CSV or its image. */
export const secrets = {
  names: ['Tessa de Vries', 'Otto Bakker', 'Sanne Jansen', 'Hanna Starter', 'Pieter Nieuw'],
  hulpvragen: ['Jesse in groep 6 luistert niet meer naar mij', 'Mijn groep is onrustig na de gymles'],
  notes: ['Vertrouwelijk: spanningen met ouders', 'Afspraak: eerst de regels herhalen'],
  ids: ['trajectory-secret-1', 'teacher-secret-1', 'svibber-secret-1', 'appointment-secret-1', 'statement-secret-1', 'round-secret-3'],
};

const svibber = { userId: 'svibber-secret-1', name: 'Sanne Jansen' };
const at = (iso: string) => new Date(iso);

export function trajectory(index: number, options: { requested: string; events?: [TimelineEvent['what'], string][]; kind?: Trajectory['helpQuestionKind'] }): Trajectory {
  const teacher = { userId: index === 1 ? 'teacher-secret-1' : `teacher-${index}`, name: secrets.names[index % secrets.names.length] };
  return {
    id: index === 1 ? 'trajectory-secret-1' : `trajectory-${index}`,
    schoolId: 'school-1',
    teacher,
    svibber,
    helpQuestionKind: options.kind ?? 'group',
    focus: ['basiscommunicatie'],
    intake: {
      helpQuestionKind: options.kind ?? 'group',
      whatHappens: secrets.hulpvragen[index % 2],
      whatDifferent: secrets.notes[0],
      whatToReach: secrets.notes[1],
      focus: ['basiscommunicatie'],
      basiscommunicatieAspects: [],
      group: 'groep 6',
      preferredDays: [],
      preferredDayParts: [],
      acknowledgedVoluntary: true,
      acknowledgedParentsInformed: true,
    },
    cycles: 3,
    phase: { kind: 'opname', cycle: 1 },
    createdAt: at(options.requested),
    timeline: [
      { what: 'requested', by: teacher, at: at(options.requested) },
      ...(options.events ?? []).map(([what, iso]) => ({ what, by: svibber, at: at(iso), reason: secrets.notes[0] })),
    ],
  };
}

export const intakeAppointment: Appointment = {
  id: 'appointment-secret-1',
  trajectoryId: 'trajectory-secret-1',
  schoolId: 'school-1',
  kind: 'intake',
  cycle: 0,
  isFinalTalk: false,
  svibberId: svibber.userId,
  teacherId: 'teacher-secret-1',
  svibberName: svibber.name,
  teacherName: 'Tessa de Vries',
  status: 'done',
  proposedSlots: [],
  chosen: { start: at('2026-11-10T09:00:00Z'), durationMinutes: 45, location: secrets.notes[1] },
  privateNote: secrets.notes[0],
  agreements: secrets.notes[1],
  sequence: 1,
  createdAt: at('2026-11-04T09:00:00Z'),
  updatedAt: at('2026-11-10T10:00:00Z'),
};

function round(roundId: string, sequence: number, counts: [number, number, number][], closedAt: string): RoundFigures {
  return {
    roundId,
    sequence,
    startedAt: new Date(new Date(closedAt).getTime() - 14 * 86_400_000),
    closesAt: at(closedAt),
    closedAt: at(closedAt),
    invited: 20,
    completed: counts[0].reduce((sum, count) => sum + count, 0),
    statements: counts.map(([plus, partly, minus], index) => ({
      statementId: index === 0 ? 'statement-secret-1' : `statement-${index}`,
      text: ['De school heeft minstens één opgeleide SVIB’er', 'Startende leerkrachten krijgen SVIB', 'Eens per jaar kijkt het team samen een opname'][index],
      counts: { plus, partly, minus },
      winstpunt: 1,
      werkpunt: 1,
      actiepunt: 1,
    })),
  };
}

export const comparison: RoundComparison = {
  nulmeting: round('round-1', 1, [[4, 8, 6], [2, 6, 10], [9, 9, 0]], '2026-03-01T12:00:00Z'),
  previous: round('round-2', 2, [[8, 6, 4], [6, 6, 6], [10, 7, 1]], '2026-06-01T12:00:00Z'),
  current: round('round-secret-3', 3, [[12, 5, 1], [9, 6, 3], [8, 8, 2]], '2026-11-20T12:00:00Z'),
};
