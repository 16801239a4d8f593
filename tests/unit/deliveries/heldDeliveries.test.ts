import { heldVerdict, isEventWritten, trajectoryEventCheck } from '../../../src/domain/deliveries/heldDeliveries';
import { applyCommand } from '../../../src/domain/trajectories/transitions';
import type { Trajectory } from '../../../src/domain/trajectories/trajectory';
import { assignedSvibber, now, otherSvibber, person, trajectoryIn } from '../trajectories/trajectoryFixtures';

const TENANT = 'tenant-1';

function takenUpBy(svibber: typeof assignedSvibber, at: Date = now): Trajectory {
  const result = applyCommand(trajectoryIn('aangevraagd'), { type: 'takeUp' }, svibber, at);
  if (!result.ok) throw new Error(`take up refused: ${result.reason}`);
  return result.trajectory;
}

describe('held deliveries: whether the change they announce was written', () => {
  const after = takenUpBy(assignedSvibber);
  const check = trajectoryEventCheck(TENANT, after);

  it('names the event the command appended, at its place in the timeline', () => {
    expect(check).toEqual({
      kind: 'trajectoryEvent',
      tenantId: TENANT,
      schoolId: 'school-1',
      trajectoryId: 'traject-1',
      index: 1,
      what: 'takenUp',
      by: assignedSvibber.userId,
      at: now.toISOString(),
    });
  });

  it('finds the change written when storage holds that very event', () => {
    expect(isEventWritten(check, after)).toBe(true);
  });

  it('finds it written as well when dates come back from storage as text', () => {
    const stored = { ...after, timeline: after.timeline.map((event) => ({ ...event, at: event.at.toISOString() as unknown as Date })) };
    expect(isEventWritten(check, stored)).toBe(true);
  });

  it('finds it written when later commands appended more events', () => {
    const later = { ...after, timeline: [...after.timeline, { what: 'intakeStarted' as const, by: person(assignedSvibber), at: new Date(now.getTime() + 1000) }] };
    expect(isEventWritten(check, later)).toBe(true);
  });

  it.each([
    ['storage does not hold the trajectory', undefined],
    ['the command never landed', trajectoryIn('aangevraagd')],
    ['a racing SVIB’er took it up instead', takenUpBy(otherSvibber)],
    ['the same kind of event landed at another moment', takenUpBy(assignedSvibber, new Date(now.getTime() + 1))],
  ])('finds it not written when %s', (_case, stored) => {
    expect(isEventWritten(check, stored)).toBe(false);
  });

  it.each([
    [true, 0, 'release'],
    [true, 10_000, 'release'],
    [false, 0, 'wait'],
    [false, 9_999, 'wait'],
    [false, 10_000, 'drop'],
    [false, 50_000, 'drop'],
  ] as const)('written %s, %i ms old (drop after 10 s): %s', (written, ageMs, verdict) => {
    expect(heldVerdict(written, ageMs, 10_000)).toBe(verdict);
  });
});
