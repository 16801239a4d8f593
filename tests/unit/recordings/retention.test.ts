import { isDueForDeletion, isDueForWarning, retentionDeadline } from '../../../src/domain/recordings/retention';

const closedAt = new Date('2025-06-20T15:30:00Z');
/** 30 days of 24 hours after closing. */
const deadline = new Date('2025-07-20T15:30:00Z');
const ms = (date: Date, delta: number): Date => new Date(date.getTime() + delta);
const day = 24 * 60 * 60 * 1000;

describe('retentionDeadline', () => {
  it('lies the given number of whole days after closing', () => {
    expect(retentionDeadline(closedAt, 30)).toEqual(deadline);
    expect(retentionDeadline(closedAt, 0)).toEqual(closedAt);
    expect(retentionDeadline(closedAt, 1)).toEqual(new Date('2025-06-21T15:30:00Z'));
  });

  it('counts 24-hour days across the daylight-saving change', () => {
    expect(retentionDeadline(new Date('2025-10-20T10:00:00Z'), 30)).toEqual(new Date('2025-11-19T10:00:00Z'));
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p days rather than deleting early', (days) => {
    expect(() => retentionDeadline(closedAt, days)).toThrow(RangeError);
  });
});

describe('isDueForDeletion', () => {
  it.each([
    ['one millisecond before the deadline', ms(deadline, -1), false],
    ['at the deadline', deadline, true],
    ['long after the deadline', ms(deadline, 90 * day), true],
    ['right after closing', ms(closedAt, 1), false],
  ])('is %s: %p', (_when, now, due) => {
    expect(isDueForDeletion(closedAt, 30, now)).toBe(due);
  });

  it('never deletes for an open trajectory', () => {
    expect(isDueForDeletion(undefined, 30, ms(deadline, 365 * day))).toBe(false);
    expect(isDueForDeletion(undefined, 0, closedAt)).toBe(false);
  });

  it('is due at once with zero days', () => {
    expect(isDueForDeletion(closedAt, 0, closedAt)).toBe(true);
    expect(isDueForDeletion(closedAt, 0, ms(closedAt, -1))).toBe(false);
  });
});

describe('isDueForWarning (5 days before a 30-day deadline)', () => {
  const warnFrom = new Date('2025-07-15T15:30:00Z');

  it.each([
    ['one millisecond before the warning window', ms(warnFrom, -1), false],
    ['at the start of the window', warnFrom, true],
    ['inside the window', ms(warnFrom, 2 * day), true],
    ['one millisecond before the deadline', ms(deadline, -1), true],
    ['at the deadline, when deletion takes over', deadline, false],
    ['after the deadline', ms(deadline, day), false],
  ])('is %s: %p', (_when, now, due) => {
    expect(isDueForWarning(closedAt, 30, 5, now)).toBe(due);
  });

  it('warns only once per closing', () => {
    const now = ms(warnFrom, day);
    expect(isDueForWarning(closedAt, 30, 5, now, warnFrom)).toBe(false);
    // A warning from before this closing does not count.
    expect(isDueForWarning(closedAt, 30, 5, now, ms(closedAt, -1))).toBe(true);
    expect(isDueForWarning(closedAt, 30, 5, now, closedAt)).toBe(false);
  });

  it('never warns for an open trajectory', () => {
    expect(isDueForWarning(undefined, 30, 5, ms(warnFrom, day))).toBe(false);
  });

  it('warns from the closing itself when the retention is shorter than the warning period', () => {
    expect(isDueForWarning(closedAt, 2, 5, closedAt)).toBe(true);
    expect(isDueForWarning(closedAt, 2, 5, ms(closedAt, 2 * day))).toBe(false);
  });

  it('refuses a negative warning period', () => {
    expect(() => isDueForWarning(closedAt, 30, -1, warnFrom)).toThrow(RangeError);
  });
});
