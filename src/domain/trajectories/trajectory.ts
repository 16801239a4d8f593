import type { Role } from '../schools/roles';
import type { FocusArea, HelpQuestionKind, IntakeAnswers } from './intake';

/**
 * One SVIB trajectory: the shapes only. The rules live in createTrajectory.ts (the first step)
 * and transitions.ts (every step after); both are pure and take the time as an argument.
 */
export interface Person {
  /** The Entra (AAD) object id. */
  userId: string;
  /** Kept with the trajectory so a timeline can be shown without looking people up. */
  name: string;
}

/** Who asks for a change, with their roles at the trajectory's school (see rolesOf). */
export interface PersonWithRoles extends Person {
  roles: readonly Role[];
}

export const defaultCycles = 3;
export const minCycles = 1;
export const maxCycles = 6;

export type TrajectoryPhase =
  /** A scholingsopdracht proposed by directie or an SVIB'er; starts only when the teacher accepts. */
  | { kind: 'voorgesteld' }
  | { kind: 'aangevraagd' }
  | { kind: 'toegewezen' }
  | { kind: 'intake' }
  | { kind: 'opname'; cycle: number }
  /** The nagesprek of the last cycle is the eindgesprek. */
  | { kind: 'nagesprek'; cycle: number }
  | { kind: 'afgesloten' }
  | { kind: 'geannuleerd'; by: 'teacher' | 'svibber'; reason?: string };

export type PhaseKind = TrajectoryPhase['kind'];

export const timelineEventKinds = [
  'proposed',
  'proposalAccepted',
  'proposalDeclined',
  'requested',
  'takenUp',
  'handedOver',
  'requestDeclined',
  'cancelled',
  'withdrawn',
  'intakeStarted',
  'intakeCompleted',
  'cyclesChanged',
  'recordingCompleted',
  'afterTalkCompleted',
  'finalTalkCompleted',
  /** Closed by the bot after a long time without any step (see inactivity.ts). */
  'closedInactive',
] as const;
export type TimelineEventKind = (typeof timelineEventKinds)[number];

export interface TimelineEvent {
  what: TimelineEventKind;
  by: Person;
  at: Date;
  reason?: string;
  /** The cycle a recording or after-talk belongs to. */
  cycle?: number;
  /** The number of cycles agreed, when it was set. */
  cycles?: number;
  /** The new begeleider, for a hand-over. */
  to?: Person;
}

export interface Proposal {
  by: Person;
  /** The training goal (scholingsopdracht) as the proposer wrote it. */
  goal: string;
}

export interface Trajectory {
  id: string;
  schoolId: string;
  teacher: Person;
  /** The begeleider, once an SVIB'er took it up. */
  svibber?: Person;
  /** Present when the trajectory started as a proposal. */
  proposal?: Proposal;
  helpQuestionKind: HelpQuestionKind;
  focus: readonly FocusArea[];
  /** The teacher's own answers; absent while a proposal waits for the teacher. Private: see visibility.ts. */
  intake?: IntakeAnswers;
  cycles: number;
  phase: TrajectoryPhase;
  createdAt: Date;
  /** Oldest first; every successful command appends exactly one event. */
  timeline: readonly TimelineEvent[];
}

export const refusalReasons = [
  'not-owning-teacher',
  'not-svibber',
  'not-assigned-svibber',
  'not-directie-or-svibber',
  'own-trajectory',
  'already-taken',
  'already-taken-by-you',
  'not-in-this-phase',
  'trajectory-closed',
  'trajectory-cancelled',
  'wrong-cycle',
  'cycles-out-of-range',
  'cycles-below-done',
  'reason-required',
  'reason-too-long',
  'goal-required',
  'goal-too-long',
  'proposal-to-self',
  'handover-to-self',
  'handover-to-teacher',
  'handover-target-not-svibber',
] as const;
export type RefusalReason = (typeof refusalReasons)[number];

export type TrajectoryCommand =
  | { type: 'acceptProposal'; intake: IntakeAnswers }
  | { type: 'declineProposal'; reason?: string }
  | { type: 'takeUp' }
  | { type: 'handOver'; to: PersonWithRoles }
  /** By the assigned SVIB'er, or by any SVIB'er of the school while nobody took the request up. */
  | { type: 'cancel'; reason: string }
  | { type: 'startIntake' }
  | { type: 'completeIntake'; cycles?: number }
  | { type: 'setCycles'; cycles: number }
  | { type: 'completeRecording'; cycle: number }
  | { type: 'completeAfterTalk'; cycle: number }
  | { type: 'withdraw'; reason?: string };

export type TrajectoryCommandType = TrajectoryCommand['type'];

/** A refusal hands back the very same trajectory object, untouched. */
export type CommandResult =
  | { ok: true; trajectory: Trajectory; event: TimelineEvent }
  | { ok: false; reason: RefusalReason; trajectory: Trajectory };

export function personOf(actor: PersonWithRoles): Person {
  return { userId: actor.userId, name: actor.name };
}

export function isClosed(phase: TrajectoryPhase): boolean {
  return phase.kind === 'afgesloten' || phase.kind === 'geannuleerd';
}
