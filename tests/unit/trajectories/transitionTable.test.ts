import { applyCommand } from '../../../src/domain/trajectories/transitions';
import type { RefusalReason, Trajectory, TrajectoryCommand, TrajectoryCommandType } from '../../../src/domain/trajectories/trajectory';
import {
  actors,
  deepFreeze,
  now,
  person,
  phaseName,
  phaseNames,
  thirdSvibber,
  trajectoryIn,
  validIntake,
  type ActorName,
  type PhaseName,
} from './trajectoryFixtures';

/**
 * Every command, in every phase, by every kind of actor: one test per cell. A cell is either
 * "→phase event" (allowed: the phase it moves to and the timeline event) or a refusal reason.
 * The table is written out by hand so it checks the rules rather than repeating them.
 */
type Cell = `→${string}` | RefusalReason;
type Row = readonly [Cell, Cell, Cell, Cell, Cell, Cell];
const columns: readonly ActorName[] = ['owningTeacher', 'otherTeacher', 'assignedSvibber', 'otherSvibber', 'directie', 'beheerder'];

const NOT_TEACHER: RefusalReason = 'not-owning-teacher';
const NOT_ASSIGNED: RefusalReason = 'not-assigned-svibber';
const NOT_SVIBBER: RefusalReason = 'not-svibber';
const PHASE: RefusalReason = 'not-in-this-phase';
const CLOSED: RefusalReason = 'trajectory-closed';
const CANCELLED: RefusalReason = 'trajectory-cancelled';

const teacherOnly = (cell: Cell): Row => [cell, NOT_TEACHER, NOT_TEACHER, NOT_TEACHER, NOT_TEACHER, NOT_TEACHER];
const assignedOnly = (cell: Cell): Row => [NOT_ASSIGNED, NOT_ASSIGNED, cell, NOT_ASSIGNED, NOT_ASSIGNED, NOT_ASSIGNED];
const svibbersOnly = (assigned: Cell, other: Cell): Row => [NOT_SVIBBER, NOT_SVIBBER, assigned, other, NOT_SVIBBER, NOT_SVIBBER];
const nobody = (cell: Cell): Row => [cell, cell, cell, cell, cell, cell];

const table: Record<TrajectoryCommandType, Record<PhaseName, Row>> = {
  acceptProposal: {
    voorgesteld: teacherOnly('→aangevraagd proposalAccepted'),
    aangevraagd: teacherOnly(PHASE),
    toegewezen: teacherOnly(PHASE),
    intake: teacherOnly(PHASE),
    'opname 1': teacherOnly(PHASE),
    'nagesprek 1': teacherOnly(PHASE),
    'nagesprek 3': teacherOnly(PHASE),
    afgesloten: teacherOnly(CLOSED),
    geannuleerd: teacherOnly(CANCELLED),
  },
  declineProposal: {
    voorgesteld: teacherOnly('→geannuleerd proposalDeclined'),
    aangevraagd: teacherOnly(PHASE),
    toegewezen: teacherOnly(PHASE),
    intake: teacherOnly(PHASE),
    'opname 1': teacherOnly(PHASE),
    'nagesprek 1': teacherOnly(PHASE),
    'nagesprek 3': teacherOnly(PHASE),
    afgesloten: teacherOnly(CLOSED),
    geannuleerd: teacherOnly(CANCELLED),
  },
  withdraw: {
    voorgesteld: teacherOnly(PHASE),
    aangevraagd: teacherOnly('→geannuleerd withdrawn'),
    toegewezen: teacherOnly('→geannuleerd withdrawn'),
    intake: teacherOnly('→geannuleerd withdrawn'),
    'opname 1': teacherOnly('→geannuleerd withdrawn'),
    'nagesprek 1': teacherOnly('→geannuleerd withdrawn'),
    'nagesprek 3': teacherOnly('→geannuleerd withdrawn'),
    afgesloten: teacherOnly(CLOSED),
    geannuleerd: teacherOnly(CANCELLED),
  },
  takeUp: {
    voorgesteld: svibbersOnly(PHASE, PHASE),
    aangevraagd: svibbersOnly('→toegewezen takenUp', '→toegewezen takenUp'),
    toegewezen: svibbersOnly('already-taken-by-you', 'already-taken'),
    intake: svibbersOnly('already-taken-by-you', 'already-taken'),
    'opname 1': svibbersOnly('already-taken-by-you', 'already-taken'),
    'nagesprek 1': svibbersOnly('already-taken-by-you', 'already-taken'),
    'nagesprek 3': svibbersOnly('already-taken-by-you', 'already-taken'),
    afgesloten: svibbersOnly(CLOSED, CLOSED),
    geannuleerd: svibbersOnly(CANCELLED, CANCELLED),
  },
  handOver: {
    voorgesteld: nobody(NOT_ASSIGNED),
    aangevraagd: nobody(NOT_ASSIGNED),
    toegewezen: assignedOnly('→toegewezen handedOver'),
    intake: assignedOnly('→intake handedOver'),
    'opname 1': assignedOnly('→opname 1 handedOver'),
    'nagesprek 1': assignedOnly('→nagesprek 1 handedOver'),
    'nagesprek 3': assignedOnly('→nagesprek 3 handedOver'),
    afgesloten: assignedOnly(CLOSED),
    geannuleerd: assignedOnly(CANCELLED),
  },
  cancel: {
    voorgesteld: svibbersOnly(PHASE, PHASE),
    aangevraagd: svibbersOnly('→geannuleerd requestDeclined', '→geannuleerd requestDeclined'),
    toegewezen: assignedOnly('→geannuleerd cancelled'),
    intake: assignedOnly('→geannuleerd cancelled'),
    'opname 1': assignedOnly('→geannuleerd cancelled'),
    'nagesprek 1': assignedOnly('→geannuleerd cancelled'),
    'nagesprek 3': assignedOnly('→geannuleerd cancelled'),
    afgesloten: assignedOnly(CLOSED),
    geannuleerd: assignedOnly(CANCELLED),
  },
  startIntake: {
    voorgesteld: nobody(NOT_ASSIGNED),
    aangevraagd: nobody(NOT_ASSIGNED),
    toegewezen: assignedOnly('→intake intakeStarted'),
    intake: assignedOnly(PHASE),
    'opname 1': assignedOnly(PHASE),
    'nagesprek 1': assignedOnly(PHASE),
    'nagesprek 3': assignedOnly(PHASE),
    afgesloten: assignedOnly(CLOSED),
    geannuleerd: assignedOnly(CANCELLED),
  },
  completeIntake: {
    voorgesteld: nobody(NOT_ASSIGNED),
    aangevraagd: nobody(NOT_ASSIGNED),
    toegewezen: assignedOnly(PHASE),
    intake: assignedOnly('→opname 1 intakeCompleted'),
    'opname 1': assignedOnly(PHASE),
    'nagesprek 1': assignedOnly(PHASE),
    'nagesprek 3': assignedOnly(PHASE),
    afgesloten: assignedOnly(CLOSED),
    geannuleerd: assignedOnly(CANCELLED),
  },
  setCycles: {
    voorgesteld: nobody(NOT_ASSIGNED),
    aangevraagd: nobody(NOT_ASSIGNED),
    toegewezen: assignedOnly(PHASE),
    intake: assignedOnly('→intake cyclesChanged'),
    'opname 1': assignedOnly('→opname 1 cyclesChanged'),
    'nagesprek 1': assignedOnly('→nagesprek 1 cyclesChanged'),
    'nagesprek 3': assignedOnly('→nagesprek 3 cyclesChanged'),
    afgesloten: assignedOnly(CLOSED),
    geannuleerd: assignedOnly(CANCELLED),
  },
  completeRecording: {
    voorgesteld: nobody(NOT_ASSIGNED),
    aangevraagd: nobody(NOT_ASSIGNED),
    toegewezen: assignedOnly(PHASE),
    intake: assignedOnly(PHASE),
    'opname 1': assignedOnly('→nagesprek 1 recordingCompleted'),
    'nagesprek 1': assignedOnly(PHASE),
    'nagesprek 3': assignedOnly(PHASE),
    afgesloten: assignedOnly(CLOSED),
    geannuleerd: assignedOnly(CANCELLED),
  },
  completeAfterTalk: {
    voorgesteld: nobody(NOT_ASSIGNED),
    aangevraagd: nobody(NOT_ASSIGNED),
    toegewezen: assignedOnly(PHASE),
    intake: assignedOnly(PHASE),
    'opname 1': assignedOnly(PHASE),
    'nagesprek 1': assignedOnly('→opname 2 afterTalkCompleted'),
    'nagesprek 3': assignedOnly('→afgesloten finalTalkCompleted'),
    afgesloten: assignedOnly(CLOSED),
    geannuleerd: assignedOnly(CANCELLED),
  },
};

/** A valid payload for each command; the cycle follows the phase so only the rules decide. */
function commandFor(type: TrajectoryCommandType, trajectory: Trajectory): TrajectoryCommand {
  const phase = trajectory.phase;
  const cycle = phase.kind === 'opname' || phase.kind === 'nagesprek' ? phase.cycle : 1;
  switch (type) {
    case 'acceptProposal':
      return { type, intake: validIntake };
    case 'declineProposal':
    case 'withdraw':
    case 'takeUp':
    case 'startIntake':
      return { type };
    case 'handOver':
      return { type, to: thirdSvibber };
    case 'cancel':
      return { type, reason: 'Geen ruimte meer dit schooljaar.' };
    case 'completeIntake':
      return { type, cycles: 3 };
    case 'setCycles':
      return { type, cycles: 4 };
    case 'completeRecording':
    case 'completeAfterTalk':
      return { type, cycle };
  }
}

const cells = (Object.keys(table) as TrajectoryCommandType[]).flatMap((command) =>
  phaseNames.flatMap((phase) => columns.map((actor, column) => [command, phase, actor, table[command][phase][column]] as const)),
);

describe('applyCommand: every command × phase × actor', () => {
  it('covers 11 commands × 9 phases × 6 actors', () => {
    expect(cells).toHaveLength(11 * 9 * 6);
  });

  it.each(cells)('%s in %s by %s gives %s', (command, phase, actorName, expected) => {
    const actor = actors[actorName];
    const before = deepFreeze(trajectoryIn(phase));
    const copy = structuredClone(before);

    const result = applyCommand(before, commandFor(command, before), actor, now);

    if (expected.startsWith('→')) {
      const [expectedPhase, expectedEvent] = expected.slice(1).split(/ (?=[a-zA-Z]+$)/);
      if (!result.ok) throw new Error(`refused with ${result.reason}`);
      expect(phaseName(result.trajectory.phase)).toBe(expectedPhase);
      expect(result.event).toMatchObject({ what: expectedEvent, by: person(actor), at: now });
      expect(result.trajectory.timeline).toEqual([...before.timeline, result.event]);
      expect(result.trajectory).not.toBe(before);
    } else {
      expect(result).toEqual({ ok: false, reason: expected, trajectory: before });
      expect(result.trajectory).toBe(before);
    }
    expect(before).toEqual(copy);
  });
});
