import { schoolDaysBetween } from '../../../src/domain/calendar/schoolDays';
import { requestReminderDue } from '../../../src/domain/trajectories/requestReminder';
import type { Trajectory } from '../../../src/domain/trajectories/trajectory';

// 2026-11-23 is a Monday.
const at = (iso: string) => new Date(iso);

describe('schoolDaysBetween', () => {
  it.each([
    ['2026-11-23T09:00:00Z', '2026-11-23T15:00:00Z', 0],
    ['2026-11-23T09:00:00Z', '2026-11-24T07:00:00Z', 1],
    ['2026-11-23T09:00:00Z', '2026-11-27T09:00:00Z', 4],
    ['2026-11-27T09:00:00Z', '2026-11-30T09:00:00Z', 1],
    ['2026-11-28T09:00:00Z', '2026-11-29T20:00:00Z', 0],
    ['2026-11-23T09:00:00Z', '2026-12-07T09:00:00Z', 10],
  ])('from %s to %s counts %i', (from, to, expected) => {
    expect(schoolDaysBetween(at(from), at(to))).toBe(expected);
  });

  it('counts by the date in Amsterdam, not in UTC', () => {
    // 23:30 UTC on Monday is already Tuesday in Amsterdam.
    expect(schoolDaysBetween(at('2026-11-23T23:30:00Z'), at('2026-11-24T12:00:00Z'))).toBe(0);
    expect(schoolDaysBetween(at('2026-11-23T22:30:00Z'), at('2026-11-23T23:30:00Z'))).toBe(1);
  });
});

describe('requestReminderDue', () => {
  const request = { phase: { kind: 'aangevraagd' }, createdAt: at('2026-11-23T09:00:00Z') } as Trajectory;

  it('is due once the set number of school days has passed', () => {
    expect(requestReminderDue(request, undefined, at('2026-11-24T09:00:00Z'), 2)).toBe(false);
    expect(requestReminderDue(request, undefined, at('2026-11-25T09:00:00Z'), 2)).toBe(true);
  });

  it('is never due twice', () => {
    expect(requestReminderDue(request, at('2026-11-25T09:00:00Z'), at('2026-11-30T09:00:00Z'), 2)).toBe(false);
  });

  it('is not due for a request that was taken up or withdrawn', () => {
    for (const kind of ['toegewezen', 'geannuleerd'] as const) {
      expect(requestReminderDue({ ...request, phase: kind === 'geannuleerd' ? { kind, by: 'teacher' } : { kind } }, undefined, at('2026-12-25T09:00:00Z'), 2)).toBe(false);
    }
  });

  it('skips the weekend', () => {
    const friday = { ...request, createdAt: at('2026-11-27T09:00:00Z') };
    expect(requestReminderDue(friday, undefined, at('2026-11-30T09:00:00Z'), 2)).toBe(false);
    expect(requestReminderDue(friday, undefined, at('2026-12-01T09:00:00Z'), 2)).toBe(true);
  });
});
