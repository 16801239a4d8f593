import { allowedDurations, readSlotInput } from '../../../src/domain/scheduling/slotInput';

// Row 1 as the card sends it: Thursday 26 November 2026, 10:15 in Amsterdam (09:15 UTC).
const row1 = { date1: '2026-11-26', time1: '10:15', duration1: '30', location1: 'lokaal 12' };

describe('readSlotInput: good input', () => {
  it('reads a full row into a slot at the right UTC instant', () => {
    expect(readSlotInput(row1)).toEqual({
      ok: true,
      slots: [{ start: new Date('2026-11-26T09:15:00Z'), durationMinutes: 30, location: 'lokaal 12' }],
    });
  });

  it('reads three rows, converting each with its own offset', () => {
    const result = readSlotInput({
      date1: '2026-03-27', time1: '09:00', duration1: '15', // Friday, winter time
      date2: '2026-03-30', time2: '09:00', duration2: '120', // Monday, summer time
      date3: '2026-10-26', time3: '09:00', duration3: '45', // Monday, winter time again
    });
    expect(result).toEqual({
      ok: true,
      slots: [
        { start: new Date('2026-03-27T08:00:00Z'), durationMinutes: 15 },
        { start: new Date('2026-03-30T07:00:00Z'), durationMinutes: 120 },
        { start: new Date('2026-10-26T08:00:00Z'), durationMinutes: 45 },
      ],
    });
  });

  it('skips empty rows, also one with only the preselected duration', () => {
    const result = readSlotInput({ date1: '', time1: '', duration1: '30', location1: '  ', date3: '2026-11-27', time3: '13:00', duration3: '60' });
    expect(result).toEqual({ ok: true, slots: [{ start: new Date('2026-11-27T12:00:00Z'), durationMinutes: 60 }] });
  });

  it('gives no slots (for slotValidation to refuse) when every row is empty', () => {
    expect(readSlotInput({ duration1: '30' })).toEqual({ ok: true, slots: [] });
    expect(readSlotInput({})).toEqual({ ok: true, slots: [] });
  });

  it('trims the location and leaves an empty one out', () => {
    const result = readSlotInput({ ...row1, location1: '  gym  ' });
    expect(result.ok && result.slots[0]?.location).toBe('gym');
    const without = readSlotInput({ ...row1, location1: '   ' });
    expect(without.ok && without.slots[0]).toEqual({ start: new Date('2026-11-26T09:15:00Z'), durationMinutes: 30 });
  });

  it('accepts a duration sent as a number and a time with ":00" seconds', () => {
    const result = readSlotInput({ date1: '2026-11-26', time1: '10:15:00', duration1: 45 });
    expect(result).toEqual({ ok: true, slots: [{ start: new Date('2026-11-26T09:15:00Z'), durationMinutes: 45 }] });
  });

  it.each(allowedDurations.map((minutes) => [minutes]))('accepts %i minutes', (minutes) => {
    const result = readSlotInput({ ...row1, duration1: String(minutes) });
    expect(result.ok && result.slots[0]?.durationMinutes).toBe(minutes);
  });

  it.each([[null], [undefined], ['text'], [42], [[row1]]])('reads %p as an empty submit', (raw) => {
    expect(readSlotInput(raw)).toEqual({ ok: true, slots: [] });
  });
});

describe('readSlotInput: errors, keyed by field', () => {
  it.each([
    ['only a date', { date2: '2026-11-26', duration2: '30' }, { time2: 'incomplete' }],
    ['only a time', { time2: '10:00', duration2: '30' }, { date2: 'incomplete' }],
    ['no duration', { date2: '2026-11-26', time2: '10:00' }, { duration2: 'incomplete' }],
    ['only a location', { location3: 'aula', duration3: '' }, { date3: 'incomplete', time3: 'incomplete', duration3: 'incomplete' }],
  ])('a half-filled row (%s) is incomplete', (_label, raw, errors) => {
    expect(readSlotInput({ ...row1, ...raw })).toEqual({ ok: false, errors });
  });

  it.each([
    ['26-11-2026'],
    ['2026-11-26T10:15'],
    ['2026-02-30'],
    ['2026-13-01'],
    ['morgen'],
  ])('refuses the date %p', (date) => {
    expect(readSlotInput({ ...row1, date1: date })).toEqual({ ok: false, errors: { date1: 'invalid-date' } });
  });

  it.each([['9:15'], ['25:00'], ['10:60'], ['10.15'], ['10:15:30'], ['kwart over tien']])('refuses the time %p', (time) => {
    expect(readSlotInput({ ...row1, time1: time })).toEqual({ ok: false, errors: { time1: 'invalid-time' } });
  });

  it('refuses a time the clocks skip in spring', () => {
    expect(readSlotInput({ date1: '2026-03-29', time1: '02:30', duration1: '30' })).toEqual({ ok: false, errors: { time1: 'invalid-time' } });
  });

  it.each([['25'], ['0'], ['240'], ['30.0'], ['-30'], ['dertig']])('refuses the duration %p', (duration) => {
    expect(readSlotInput({ ...row1, duration1: duration })).toEqual({ ok: false, errors: { duration1: 'invalid-duration' } });
  });

  it('allows a location of 100 characters, not of 101', () => {
    expect(readSlotInput({ ...row1, location1: 'x'.repeat(100) }).ok).toBe(true);
    expect(readSlotInput({ ...row1, location1: 'x'.repeat(101) })).toEqual({ ok: false, errors: { location1: 'location-too-long' } });
  });

  it('refuses fields that are no text', () => {
    expect(readSlotInput({ ...row1, date1: { year: 2026 } })).toEqual({ ok: false, errors: { date1: 'invalid-date' } });
    expect(readSlotInput({ ...row1, time1: ['10:15'] })).toEqual({ ok: false, errors: { time1: 'invalid-time' } });
  });

  it('reports every field of every row, and no slots while any row is wrong', () => {
    const result = readSlotInput({ ...row1, date2: '2026-02-30', time2: '25:00', duration2: '7', date3: '2026-11-27', duration3: '30', location3: 'y'.repeat(101) });
    expect(result).toEqual({
      ok: false,
      errors: { date2: 'invalid-date', time2: 'invalid-time', duration2: 'invalid-duration', time3: 'incomplete', location3: 'location-too-long' },
    });
  });
});
