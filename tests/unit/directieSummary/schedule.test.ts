import { isLate, latestDuePeriod, readSchedule } from '../../../src/domain/directieSummary/schedule';

describe('summary periods on the school clock (Europe/Amsterdam)', () => {
  it('a weekly schedule on Friday 16:00 covers the seven days before it', () => {
    const period = latestDuePeriod({ kind: 'weekly', weekday: 5, time: '16:00' }, new Date('2026-12-07T09:00:00Z'))!;
    expect(period.key).toBe('week-2026-12-04');
    expect(period.end.toISOString()).toBe('2026-12-04T15:00:00.000Z');
    expect(period.start.toISOString()).toBe('2026-11-27T15:00:00.000Z');
  });

  it('is not due a minute early, and due on the minute', () => {
    const schedule = { kind: 'weekly' as const, weekday: 5, time: '16:00' };
    expect(latestDuePeriod(schedule, new Date('2026-12-04T14:59:00Z'))!.key).toBe('week-2026-11-27');
    expect(latestDuePeriod(schedule, new Date('2026-12-04T15:00:00Z'))!.key).toBe('week-2026-12-04');
  });

  it('follows summer time', () => {
    expect(latestDuePeriod({ kind: 'weekly', weekday: 1, time: '08:00' }, new Date('2026-06-08T07:00:00Z'))!.end.toISOString()).toBe('2026-06-08T06:00:00.000Z');
  });

  it('a monthly schedule runs from the same day of the previous month, across a year end', () => {
    const period = latestDuePeriod({ kind: 'monthly', day: 1, time: '08:00' }, new Date('2027-01-05T12:00:00Z'))!;
    expect(period.key).toBe('month-2027-01');
    expect(period.start.toISOString()).toBe('2026-12-01T07:00:00.000Z');
    expect(period.end.toISOString()).toBe('2027-01-01T07:00:00.000Z');
  });

  it('has no clock period for "when a round closes"', () => {
    expect(latestDuePeriod({ kind: 'roundClosed' }, new Date())).toBeUndefined();
  });

  it('marks a summary late more than an hour after it was due', () => {
    const period = latestDuePeriod({ kind: 'weekly', weekday: 5, time: '16:00' }, new Date('2026-12-04T15:00:00Z'))!;
    expect(isLate(period, new Date('2026-12-04T15:05:00Z'))).toBe(false);
    expect(isLate(period, new Date('2026-12-04T17:00:00Z'))).toBe(true);
  });

  it('reads the schedule card and names every problem', () => {
    expect(readSchedule({ kind: 'weekly', weekday: '5', time: '16:00' })).toEqual({ ok: true, schedule: { kind: 'weekly', weekday: 5, time: '16:00' } });
    expect(readSchedule({ kind: 'monthly', day: '31', time: '25:00' })).toEqual({ ok: false, problems: { day: 'out-of-range', time: 'invalid-time' } });
    expect(readSchedule({ kind: 'daily' })).toEqual({ ok: false, problems: { kind: 'unknown-choice' } });
    expect(readSchedule({ kind: 'roundClosed' })).toEqual({ ok: true, schedule: { kind: 'roundClosed' } });
  });
});
