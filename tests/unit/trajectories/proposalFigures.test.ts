import { proposalFiguresOf } from '../../../src/domain/trajectories/proposalFigures';
import type { Trajectory } from '../../../src/domain/trajectories/trajectory';
import { createdAt, directie, otherSvibber, person, trajectoryIn } from './trajectoryFixtures';

const proposedBy = (by: typeof directie, outcome: 'open' | 'accepted' | 'declined', id: string): Trajectory => {
  const base = trajectoryIn('voorgesteld');
  const decided = outcome === 'accepted' ? [{ what: 'proposalAccepted' as const, by: base.teacher, at: createdAt }] : outcome === 'declined' ? [{ what: 'proposalDeclined' as const, by: base.teacher, at: createdAt }] : [];
  return { ...base, id, proposal: { by: person(by), goal: 'doel' }, timeline: [...base.timeline, ...decided] };
};

describe('proposalFiguresOf', () => {
  it('counts only this proposer’s proposals, and how many were accepted', () => {
    const school = [
      proposedBy(directie, 'accepted', 'a'),
      proposedBy(directie, 'accepted', 'b'),
      proposedBy(directie, 'declined', 'c'),
      proposedBy(directie, 'open', 'd'),
      proposedBy(directie, 'open', 'e'),
      proposedBy(otherSvibber, 'accepted', 'f'),
      trajectoryIn('intake'),
    ];
    expect(proposalFiguresOf(school, directie.userId)).toEqual({ proposed: 5, accepted: 2 });
    expect(proposalFiguresOf(school, otherSvibber.userId)).toEqual({ proposed: 1, accepted: 1 });
    expect(proposalFiguresOf(school, 'nobody')).toEqual({ proposed: 0, accepted: 0 });
  });

  it('tells nothing but two numbers', () => {
    expect(Object.keys(proposalFiguresOf([proposedBy(directie, 'accepted', 'a')], directie.userId)).sort()).toEqual(['accepted', 'proposed']);
  });
});
