import type { Trajectory } from './trajectory';

/**
 * What needs doing next, for "Mijn trajecten" (teacher) and "Mijn begeleidingen" (SVIB'er).
 * The code says what; the texts say it in words for each reader.
 */
export const nextStepCodes = [
  'teacher-decides-on-proposal',
  'await-take-up',
  'plan-intake',
  'complete-intake',
  'make-recording',
  'hold-after-talk',
  'hold-final-talk',
  'none',
] as const;
export type NextStepCode = (typeof nextStepCodes)[number];

export interface NextStep {
  code: NextStepCode;
  /** Who has to act: lets a list put "your turn" first. */
  waitingFor: 'teacher' | 'svibber' | 'nobody';
  /** The cycle of a recording or after-talk. */
  cycle?: number;
}

export function nextStep(trajectory: Trajectory): NextStep {
  const { phase } = trajectory;
  switch (phase.kind) {
    case 'voorgesteld':
      return { code: 'teacher-decides-on-proposal', waitingFor: 'teacher' };
    case 'aangevraagd':
      return { code: 'await-take-up', waitingFor: 'svibber' };
    case 'toegewezen':
      return { code: 'plan-intake', waitingFor: 'svibber' };
    case 'intake':
      return { code: 'complete-intake', waitingFor: 'svibber' };
    case 'opname':
      return { code: 'make-recording', waitingFor: 'svibber', cycle: phase.cycle };
    case 'nagesprek':
      return {
        code: phase.cycle >= trajectory.cycles ? 'hold-final-talk' : 'hold-after-talk',
        waitingFor: 'svibber',
        cycle: phase.cycle,
      };
    case 'afgesloten':
    case 'geannuleerd':
      return { code: 'none', waitingFor: 'nobody' };
  }
}

/** When the trajectory last moved: its latest timeline event, or its creation. */
export function lastMovedAt(trajectory: Trajectory): Date {
  return trajectory.timeline[trajectory.timeline.length - 1]?.at ?? trajectory.createdAt;
}

/**
 * Orders a list so what waits for something comes first, the longest waiting at the top;
 * closed trajectories go last, the most recent first.
 */
export function compareByNextStep(a: Trajectory, b: Trajectory): number {
  const aDone = nextStep(a).code === 'none';
  const bDone = nextStep(b).code === 'none';
  if (aDone !== bDone) return aDone ? 1 : -1;
  const difference = lastMovedAt(a).getTime() - lastMovedAt(b).getTime();
  return aDone ? -difference : difference;
}
