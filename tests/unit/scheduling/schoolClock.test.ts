import { addDays, amsterdamLocalToUtc, amsterdamLocalToUtcOrLater, schoolLocal } from '../../../src/domain/scheduling/schoolClock';
import { amsterdamLocalToUtc as reexported } from '../../../src/domain/scheduling/slotInput';

// Summer time 2026: from Sunday 29 March 02:00 (CET, +1) to Sunday 25 October 03:00 (CEST, +2).
describe('amsterdamLocalToUtc', () => {
  it.each([
    ['2026-11-26', '09:00', '2026-11-26T08:00:00.000Z'], // winter: +1
    ['2026-07-01', '09:00', '2026-07-01T07:00:00.000Z'], // summer: +2
    ['2026-01-01', '00:00', '2025-12-31T23:00:00.000Z'], // the UTC date is the day before
    ['2026-12-31', '23:59', '2026-12-31T22:59:00.000Z'],
    ['2028-02-29', '09:00', '2028-02-29T08:00:00.000Z'], // leap day
    // Spring forward, last Sunday of March.
    ['2026-03-27', '09:00', '2026-03-27T08:00:00.000Z'], // Friday before: still winter
    ['2026-03-29', '01:59', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29', '03:00', '2026-03-29T01:00:00.000Z'],
    ['2026-03-30', '09:00', '2026-03-30T07:00:00.000Z'], // Monday after: summer
    // Fall back, last Sunday of October.
    ['2026-10-23', '09:00', '2026-10-23T07:00:00.000Z'], // Friday before: still summer
    ['2026-10-25', '01:59', '2026-10-24T23:59:00.000Z'],
    ['2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'], // occurs twice: the first (summer) one
    ['2026-10-25', '03:00', '2026-10-25T02:00:00.000Z'],
    ['2026-10-26', '09:00', '2026-10-26T08:00:00.000Z'], // Monday after: winter
  ])('%s %s in Amsterdam is %s', (date, time, utc) => {
    expect(amsterdamLocalToUtc(date, time)?.toISOString()).toBe(utc);
  });

  it.each([
    ['2026-03-29', '02:00'],
    ['2026-03-29', '02:30'],
    ['2026-03-29', '02:59'],
  ])('refuses %s %s: the clocks skip it', (date, time) => {
    expect(amsterdamLocalToUtc(date, time)).toBeUndefined();
  });

  it.each([
    ['2026-02-30', '09:00'],
    ['2027-02-29', '09:00'],
    ['2026-13-01', '09:00'],
    ['2026-00-10', '09:00'],
    ['2026-11-00', '09:00'],
    ['26-11-2026', '09:00'],
    ['2026-11-26T09:00', '09:00'],
    ['', '09:00'],
    ['2026-11-26', '24:00'],
    ['2026-11-26', '09:60'],
    ['2026-11-26', '9:00'],
    ['2026-11-26', '09:00:00'],
    ['2026-11-26', ''],
  ])('refuses the malformed or non-existent %s %s', (date, time) => {
    expect(amsterdamLocalToUtc(date, time)).toBeUndefined();
  });

  it('is the same function slotInput exports', () => {
    expect(reexported).toBe(amsterdamLocalToUtc);
  });
});

describe('amsterdamLocalToUtcOrLater', () => {
  it('moves a time in the spring gap on by the hour skipped', () => {
    expect(amsterdamLocalToUtcOrLater('2026-03-29', '02:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(amsterdamLocalToUtcOrLater('2026-03-29', '02:00')?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('gives the same as amsterdamLocalToUtc outside the gap, and nothing for malformed input', () => {
    expect(amsterdamLocalToUtcOrLater('2026-11-25', '16:00')?.toISOString()).toBe('2026-11-25T15:00:00.000Z');
    expect(amsterdamLocalToUtcOrLater('2026-10-25', '02:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(amsterdamLocalToUtcOrLater('2026-11-25', '4 uur')).toBeUndefined();
  });
});

describe('schoolLocal', () => {
  it('reads the wall clock in Amsterdam, not UTC', () => {
    // Friday 23:30 UTC is Saturday 00:30 in Amsterdam.
    expect(schoolLocal(new Date('2026-11-27T23:30:00Z'))).toEqual({
      date: '2026-11-28',
      time: '00:30',
      year: 2026,
      month: 11,
      day: 28,
      weekday: 6,
      minuteOfDay: 30,
    });
    expect(schoolLocal(new Date('2026-07-01T22:00:00Z')).time).toBe('00:00');
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-26', -1, '2026-11-25'],
    ['2026-12-01', -1, '2026-11-30'],
    ['2026-03-30', -1, '2026-03-29'],
    ['2026-10-20', 14, '2026-11-03'],
    ['2028-02-28', 1, '2028-02-29'],
  ])('%s %i day(s) is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});
