import { closeForInactivity, inactivityStep } from '../../../src/domain/trajectories/inactivity';
import { trajectoryIn, phaseNames } from './trajectoryFixtures';

const DAY = 24 * 60 * 60 * 1000;
const rule = { inactiveDays: 365, graceDays: 14 };

describe('inactivityStep', () => {
  const trajectory = trajectoryIn('opname 1');
  const lastStep = trajectory.timeline.at(-1)!.at.getTime();
  const at = (days: number) => new Date(lastStep + days * DAY);

  it('waits the inactive days, then gives notice with the closing date', () => {
    expect(inactivityStep(trajectory, rule, new Date(at(365).getTime() - 1))).toEqual({ kind: 'none' });
    expect(inactivityStep(trajectory, rule, at(365))).toEqual({ kind: 'notice', closesAt: at(379) });
  });

  it('closes only once the grace days after the notice passed', () => {
    expect(inactivityStep(trajectory, rule, at(378), at(365))).toEqual({ kind: 'none' });
    expect(inactivityStep(trajectory, rule, at(379), at(365))).toEqual({ kind: 'close' });
    // A late job round: the notice went out late, so the grace counts from then.
    expect(inactivityStep(trajectory, rule, at(400), at(390))).toEqual({ kind: 'none' });
  });

  it('gives a new notice when a step came after the old one', () => {
    expect(inactivityStep(trajectory, rule, at(400), at(-1))).toEqual({ kind: 'notice', closesAt: at(414) });
  });

  it.each(phaseNames.filter((name) => name === 'afgesloten' || name === 'geannuleerd'))('leaves a %s trajectory alone', (name) => {
    expect(inactivityStep(trajectoryIn(name), rule, at(1000))).toEqual({ kind: 'none' });
  });

  it('closes with an event by the bot', () => {
    const { trajectory: closed, event } = closeForInactivity(trajectory, at(380));
    expect(closed.phase).toEqual({ kind: 'afgesloten' });
    expect(event).toEqual({ what: 'closedInactive', by: { userId: 'svib-bot', name: 'SVIB-bot' }, at: at(380) });
    expect(closed.timeline.at(-1)).toBe(event);
  });
});
