import { hasRole } from '../schools/roles';
import { readFreeText, reasonMaxLength } from './freeText';
import { isAssignedSvibber, isOwningTeacher, isSvibber } from './parties';
import {
  maxCycles,
  minCycles,
  personOf,
  type PersonWithRoles,
  type CommandResult,
  type PhaseKind,
  type RefusalReason,
  type TimelineEvent,
  type Trajectory,
  type TrajectoryCommand,
  type TrajectoryCommandType,
} from './trajectory';

/**
 * Every step of a trajectory after the first. Each command names who may give it and in which
 * phases; anything else is refused with a reason and the trajectory is handed back untouched.
 */
type Party = 'owning-teacher' | 'assigned-svibber' | 'school-svibber';

interface Rule {
  party: (trajectory: Trajectory) => Party;
  from: readonly PhaseKind[];
}

const underway: readonly PhaseKind[] = ['toegewezen', 'intake', 'opname', 'nagesprek'];

const rules: Record<TrajectoryCommandType, Rule> = {
  acceptProposal: { party: () => 'owning-teacher', from: ['voorgesteld'] },
  declineProposal: { party: () => 'owning-teacher', from: ['voorgesteld'] },
  takeUp: { party: () => 'school-svibber', from: ['aangevraagd'] },
  handOver: { party: () => 'assigned-svibber', from: underway },
  // Declining an open request is the same step as cancelling: nobody owns it yet, so any SVIB'er may.
  cancel: { party: (trajectory) => (trajectory.svibber ? 'assigned-svibber' : 'school-svibber'), from: ['aangevraagd', ...underway] },
  startIntake: { party: () => 'assigned-svibber', from: ['toegewezen'] },
  completeIntake: { party: () => 'assigned-svibber', from: ['intake'] },
  setCycles: { party: () => 'assigned-svibber', from: ['intake', 'opname', 'nagesprek'] },
  completeRecording: { party: () => 'assigned-svibber', from: ['opname'] },
  completeAfterTalk: { party: () => 'assigned-svibber', from: ['nagesprek'] },
  // A proposal is declined rather than withdrawn, so the timeline says what happened.
  withdraw: { party: () => 'owning-teacher', from: ['aangevraagd', ...underway] },
};

function partyRefusal(party: Party, trajectory: Trajectory, actor: PersonWithRoles): RefusalReason | undefined {
  switch (party) {
    case 'owning-teacher':
      return isOwningTeacher(trajectory, actor) ? undefined : 'not-owning-teacher';
    case 'assigned-svibber':
      return isAssignedSvibber(trajectory, actor) ? undefined : 'not-assigned-svibber';
    case 'school-svibber':
      if (!isSvibber(actor)) return 'not-svibber';
      // Nobody coaches themselves.
      return isOwningTeacher(trajectory, actor) ? 'own-trajectory' : undefined;
  }
}

/** What a permitted command changes; the event's who and when are added by applyCommand. */
interface Change {
  changes: Partial<Omit<Trajectory, 'id' | 'schoolId' | 'teacher' | 'createdAt' | 'timeline'>>;
  event: Omit<TimelineEvent, 'by' | 'at'>;
}

function cyclesRefusal(cycles: number, atLeast: number): RefusalReason | undefined {
  if (!Number.isInteger(cycles) || cycles < minCycles || cycles > maxCycles) return 'cycles-out-of-range';
  return cycles < atLeast ? 'cycles-below-done' : undefined;
}

/** The cycle now being worked on; a cycle count may not drop below it. */
function currentCycle(trajectory: Trajectory): number {
  const { phase } = trajectory;
  return phase.kind === 'opname' || phase.kind === 'nagesprek' ? phase.cycle : minCycles;
}

function perform(trajectory: Trajectory, command: TrajectoryCommand, actor: PersonWithRoles): Change | RefusalReason {
  const { phase } = trajectory;
  switch (command.type) {
    case 'acceptProposal':
      // The teacher's own answers replace what the proposer suggested: the trajectory is theirs.
      return {
        changes: {
          phase: { kind: 'aangevraagd' },
          intake: command.intake,
          helpQuestionKind: command.intake.helpQuestionKind,
          focus: command.intake.focus,
        },
        event: { what: 'proposalAccepted' },
      };
    case 'declineProposal':
    case 'withdraw': {
      const reason = readFreeText(command.reason, reasonMaxLength);
      if (reason.kind === 'too-long') return 'reason-too-long';
      const text = reason.kind === 'text' ? { reason: reason.text } : {};
      return {
        changes: { phase: { kind: 'geannuleerd', by: 'teacher', ...text } },
        event: { what: command.type === 'declineProposal' ? 'proposalDeclined' : 'withdrawn', ...text },
      };
    }
    case 'takeUp':
      return { changes: { phase: { kind: 'toegewezen' }, svibber: personOf(actor) }, event: { what: 'takenUp' } };
    case 'handOver': {
      const to = command.to;
      if (to.userId === actor.userId) return 'handover-to-self';
      if (to.userId === trajectory.teacher.userId) return 'handover-to-teacher';
      if (!hasRole(to.roles, 'svibber')) return 'handover-target-not-svibber';
      return { changes: { svibber: personOf(to) }, event: { what: 'handedOver', to: personOf(to) } };
    }
    case 'cancel': {
      const reason = readFreeText(command.reason, reasonMaxLength);
      if (reason.kind === 'empty') return 'reason-required';
      if (reason.kind === 'too-long') return 'reason-too-long';
      return {
        changes: { phase: { kind: 'geannuleerd', by: 'svibber', reason: reason.text } },
        event: { what: trajectory.svibber ? 'cancelled' : 'requestDeclined', reason: reason.text },
      };
    }
    case 'startIntake':
      return { changes: { phase: { kind: 'intake' } }, event: { what: 'intakeStarted' } };
    case 'completeIntake': {
      const cycles = command.cycles ?? trajectory.cycles;
      const refusal = cyclesRefusal(cycles, minCycles);
      if (refusal) return refusal;
      return { changes: { cycles, phase: { kind: 'opname', cycle: 1 } }, event: { what: 'intakeCompleted', cycles } };
    }
    case 'setCycles': {
      const refusal = cyclesRefusal(command.cycles, currentCycle(trajectory));
      if (refusal) return refusal;
      return { changes: { cycles: command.cycles }, event: { what: 'cyclesChanged', cycles: command.cycles } };
    }
    case 'completeRecording':
      if (phase.kind !== 'opname') return 'not-in-this-phase';
      // A stale card for another cycle must not move this trajectory.
      if (command.cycle !== phase.cycle) return 'wrong-cycle';
      return {
        changes: { phase: { kind: 'nagesprek', cycle: phase.cycle } },
        event: { what: 'recordingCompleted', cycle: phase.cycle },
      };
    case 'completeAfterTalk':
      if (phase.kind !== 'nagesprek') return 'not-in-this-phase';
      if (command.cycle !== phase.cycle) return 'wrong-cycle';
      if (phase.cycle >= trajectory.cycles) {
        return { changes: { phase: { kind: 'afgesloten' } }, event: { what: 'finalTalkCompleted', cycle: phase.cycle } };
      }
      return {
        changes: { phase: { kind: 'opname', cycle: phase.cycle + 1 } },
        event: { what: 'afterTalkCompleted', cycle: phase.cycle },
      };
  }
}

export function applyCommand(trajectory: Trajectory, command: TrajectoryCommand, actor: PersonWithRoles, now: Date): CommandResult {
  const refuse = (reason: RefusalReason): CommandResult => ({ ok: false, reason, trajectory });
  const rule = rules[command.type];
  const notAllowed = partyRefusal(rule.party(trajectory), trajectory, actor);
  if (notAllowed) return refuse(notAllowed);
  if (trajectory.phase.kind === 'afgesloten') return refuse('trajectory-closed');
  if (trajectory.phase.kind === 'geannuleerd') return refuse('trajectory-cancelled');
  if (!rule.from.includes(trajectory.phase.kind)) {
    // The SVIB'er who clicks second learns that someone else was first, not that the phase is wrong.
    if (command.type === 'takeUp' && trajectory.svibber) {
      return refuse(trajectory.svibber.userId === actor.userId ? 'already-taken-by-you' : 'already-taken');
    }
    return refuse('not-in-this-phase');
  }
  const outcome = perform(trajectory, command, actor);
  if (typeof outcome === 'string') return refuse(outcome);
  const event: TimelineEvent = { ...outcome.event, by: personOf(actor), at: now };
  return { ok: true, event, trajectory: { ...trajectory, ...outcome.changes, timeline: [...trajectory.timeline, event] } };
}
