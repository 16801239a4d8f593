import type { Trajectory } from './trajectory';

/** How a proposer's proposals went, as figures only: never which teacher took part. */
export interface ProposalFigures {
  proposed: number;
  accepted: number;
}

export function proposalFiguresOf(trajectories: readonly Trajectory[], proposerId: string): ProposalFigures {
  const mine = trajectories.filter((trajectory) => trajectory.proposal?.by.userId === proposerId);
  return {
    proposed: mine.length,
    accepted: mine.filter((trajectory) => trajectory.timeline.some((event) => event.what === 'proposalAccepted')).length,
  };
}
