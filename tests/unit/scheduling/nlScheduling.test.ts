import type { Slot } from '../../../src/domain/scheduling/appointment';
import { slotInputErrors } from '../../../src/domain/scheduling/slotInput';
import { slotProblems, slotWarnings } from '../../../src/domain/scheduling/slotValidation';
import { appointmentName, formatSlot, nlScheduling } from '../../../src/texts/nlScheduling';

const slot = (start: string, durationMinutes = 30): Slot => ({ start: new Date(start), durationMinutes });

describe('nlScheduling texts', () => {
  it.each([
    ['problem', slotProblems, nlScheduling.problem],
    ['warning', slotWarnings, nlScheduling.warning],
    ['input', slotInputErrors, nlScheduling.input],
  ] as const)('has a %s text for every code, and no others', (_label, codes, texts) => {
    expect(Object.keys(texts).sort()).toEqual([...codes].sort());
    for (const text of Object.values(texts)) expect(text.length).toBeGreaterThan(10);
  });

  it('fills in the limits', () => {
    expect(nlScheduling.problem['slot-count']).toBe('Stel 1 tot 3 momenten voor.');
    expect(nlScheduling.problem['too-short']).toBe('Een afspraak duurt minstens 10 minuten.');
    expect(nlScheduling.problem['too-long']).toBe('Een afspraak duurt hooguit 4 uur.');
    expect(nlScheduling.input['location-too-long']).toBe('Houd het kort: hooguit 100 tekens.');
    expect(nlScheduling.warning['long-after-recording']).toContain('14 dagen');
  });
});

describe('appointmentName', () => {
  it.each([
    [{ kind: 'intake', cycle: 0, isFinalTalk: false }, 'Intakegesprek'],
    [{ kind: 'opname', cycle: 2, isFinalTalk: false }, 'Opname 2'],
    [{ kind: 'nagesprek', cycle: 2, isFinalTalk: false }, 'Nagesprek 2'],
    [{ kind: 'nagesprek', cycle: 3, isFinalTalk: true }, 'Eindgesprek'],
  ] as const)('%p is %p', (step, name) => {
    expect(appointmentName(step)).toBe(name);
  });
});

describe('formatSlot', () => {
  it('prints the example of the issue', () => {
    // Tuesday 3 December 2024, 10:15 in Amsterdam.
    expect(formatSlot(slot('2024-12-03T09:15:00Z'))).toBe('di 3 dec, 10:15–10:45');
  });

  it('uses an en dash and no dots', () => {
    const text = formatSlot(slot('2026-11-26T09:15:00Z'));
    expect(text).toBe('do 26 nov, 10:15–10:45');
    expect(text).toContain('\u2013');
    expect(text).not.toContain('.');
  });

  it.each([
    ['2026-11-30T08:00:00Z', 'ma 30 nov, 09:00–09:30'],
    ['2026-12-01T08:00:00Z', 'di 1 dec, 09:00–09:30'],
    ['2026-12-02T08:00:00Z', 'wo 2 dec, 09:00–09:30'],
    ['2026-12-03T08:00:00Z', 'do 3 dec, 09:00–09:30'],
    ['2026-12-04T08:00:00Z', 'vr 4 dec, 09:00–09:30'],
    ['2026-12-05T08:00:00Z', 'za 5 dec, 09:00–09:30'],
    ['2026-12-06T08:00:00Z', 'zo 6 dec, 09:00–09:30'],
  ])('names the weekday of %s: %s', (start, expected) => {
    expect(formatSlot(slot(start))).toBe(expected);
  });

  it.each([
    ['2027-01-15T11:00:00Z', 'vr 15 jan, 12:00–12:30'],
    ['2027-02-15T11:00:00Z', 'ma 15 feb, 12:00–12:30'],
    ['2027-03-15T11:00:00Z', 'ma 15 mrt, 12:00–12:30'],
    ['2027-04-15T10:00:00Z', 'do 15 apr, 12:00–12:30'],
    ['2027-05-14T10:00:00Z', 'vr 14 mei, 12:00–12:30'],
    ['2027-06-15T10:00:00Z', 'di 15 jun, 12:00–12:30'],
    ['2027-07-15T10:00:00Z', 'do 15 jul, 12:00–12:30'],
    ['2027-08-16T10:00:00Z', 'ma 16 aug, 12:00–12:30'],
    ['2027-09-15T10:00:00Z', 'wo 15 sep, 12:00–12:30'],
    ['2027-10-15T10:00:00Z', 'vr 15 okt, 12:00–12:30'],
    ['2027-11-15T11:00:00Z', 'ma 15 nov, 12:00–12:30'],
    ['2027-12-15T11:00:00Z', 'wo 15 dec, 12:00–12:30'],
  ])('names the month of %s: %s', (start, expected) => {
    expect(formatSlot(slot(start))).toBe(expected);
  });

  it('prints the Amsterdam time on both sides of summer time', () => {
    expect(formatSlot(slot('2026-03-27T08:00:00Z', 60))).toBe('vr 27 mrt, 09:00–10:00');
    expect(formatSlot(slot('2026-03-30T07:00:00Z', 60))).toBe('ma 30 mrt, 09:00–10:00');
    expect(formatSlot(slot('2026-10-23T07:00:00Z', 60))).toBe('vr 23 okt, 09:00–10:00');
    expect(formatSlot(slot('2026-10-26T08:00:00Z', 60))).toBe('ma 26 okt, 09:00–10:00');
  });

  it('prints the wall clock across the change itself', () => {
    // An hour from 01:30 winter time is 03:30 summer time; an hour from 02:30 summer time is 02:30 winter time.
    expect(formatSlot(slot('2026-03-29T00:30:00Z', 60))).toBe('zo 29 mrt, 01:30–03:30');
    expect(formatSlot(slot('2026-10-25T00:30:00Z', 60))).toBe('zo 25 okt, 02:30–02:30');
  });

  it('takes the date from Amsterdam, not from UTC', () => {
    expect(formatSlot(slot('2026-11-26T23:30:00Z', 15))).toBe('vr 27 nov, 00:30–00:45');
  });
});
