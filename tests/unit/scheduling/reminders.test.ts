import type { Appointment, Slot } from '../../../src/domain/scheduling/appointment';
import { donePromptDue, remindersDue } from '../../../src/domain/scheduling/reminders';

const created = new Date('2026-11-20T12:00:00Z');

// Thursday 26 November 2026, 10:15–10:45 in Amsterdam (winter time, UTC+1).
const thursday: Slot = { start: new Date('2026-11-26T09:15:00Z'), durationMinutes: 30 };

function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: 'afspraak-1',
    trajectoryId: 'traject-1',
    schoolId: 'school-1',
    kind: 'opname',
    cycle: 1,
    isFinalTalk: false,
    svibberId: 'svibber-1',
    teacherId: 'teacher-1',
    svibberName: 'Sanne Jansen',
    teacherName: 'Tessa de Vries',
    status: 'confirmed',
    proposedSlots: [thursday],
    chosen: thursday,
    sequence: 1,
    createdAt: created,
    updatedAt: created,
    ...overrides,
  };
}

const due = (now: string, overrides: Partial<Appointment> = {}, sent = {}, dayBeforeAt = '16:00') =>
  remindersDue(appointment(overrides), sent, new Date(now), dayBeforeAt);

describe('remindersDue: the day before, at 16:00 school time', () => {
  it.each([
    ['the morning before', '2026-11-25T10:00:00Z', []],
    ['15:59 the day before', '2026-11-25T14:59:00Z', []],
    ['16:00 the day before', '2026-11-25T15:00:00Z', ['dayBefore']],
    ['23:59 the day before', '2026-11-25T22:59:00Z', ['dayBefore']],
    // 23:00 UTC is already Thursday in Amsterdam: "tomorrow" would be wrong now.
    ['00:00 on the day itself', '2026-11-25T23:00:00Z', []],
    ['07:00 on the day itself', '2026-11-26T06:00:00Z', []],
  ])('%s: %p', (_label, now, expected) => {
    expect(due(now)).toEqual(expected);
  });

  it('is not sent twice', () => {
    expect(due('2026-11-25T15:30:00Z', {}, { dayBefore: new Date('2026-11-25T15:00:00Z') })).toEqual([]);
  });

  it('goes on the Sunday before a Monday appointment: the calendar day before', () => {
    // Monday 30 November, 10:15 in Amsterdam.
    const monday = { start: new Date('2026-11-30T09:15:00Z'), durationMinutes: 30 };
    expect(due('2026-11-27T15:00:00Z', { chosen: monday })).toEqual([]);
    expect(due('2026-11-29T15:00:00Z', { chosen: monday })).toEqual(['dayBefore']);
  });

  it('follows the school clock into summer time', () => {
    // Monday 30 March 2026 09:00 summer time; Sunday 29 March (the clocks went forward) 16:00 is 14:00 UTC.
    const chosen = { start: new Date('2026-03-30T07:00:00Z'), durationMinutes: 60 };
    expect(due('2026-03-29T13:59:00Z', { chosen })).toEqual([]);
    expect(due('2026-03-29T14:00:00Z', { chosen })).toEqual(['dayBefore']);
  });

  it('follows the school clock back into winter time', () => {
    // Monday 26 October 2026 09:00 winter time; Sunday 25 October (the clocks went back) 16:00 is 15:00 UTC.
    const chosen = { start: new Date('2026-10-26T08:00:00Z'), durationMinutes: 60 };
    expect(due('2026-10-25T14:59:00Z', { chosen })).toEqual([]);
    expect(due('2026-10-25T15:00:00Z', { chosen })).toEqual(['dayBefore']);
  });

  it('sends a day-before time the clocks skip an hour later, rather than not at all', () => {
    const chosen = { start: new Date('2026-03-30T07:00:00Z'), durationMinutes: 60 };
    // 02:30 does not exist on 29 March 2026: 03:30 summer time is 01:30 UTC.
    expect(due('2026-03-29T01:29:00Z', { chosen }, {}, '02:30')).toEqual([]);
    expect(due('2026-03-29T01:30:00Z', { chosen }, {}, '02:30')).toEqual(['dayBefore']);
  });

  it('skips the day-before reminder when the setting is malformed, but not the hour-before one', () => {
    expect(due('2026-11-25T15:00:00Z', {}, {}, '4 uur')).toEqual([]);
    expect(due('2026-11-26T08:15:00Z', {}, {}, '4 uur')).toEqual(['hourBefore']);
  });

  it('stops an hour before the start, when the hour-before one takes over', () => {
    // An appointment at 00:30 on Thursday (23:30 UTC Wednesday): the hour before begins the day before.
    const chosen = { start: new Date('2026-11-25T23:30:00Z'), durationMinutes: 30 };
    expect(due('2026-11-25T22:29:00Z', { chosen })).toEqual(['dayBefore']);
    expect(due('2026-11-25T22:30:00Z', { chosen })).toEqual(['hourBefore']);
  });
});

describe('remindersDue: an hour before', () => {
  it.each([
    ['61 minutes before', '2026-11-26T08:14:00Z', []],
    ['exactly an hour before', '2026-11-26T08:15:00Z', ['hourBefore']],
    ['a second before the start', '2026-11-26T09:14:59Z', ['hourBefore']],
    ['at the start', '2026-11-26T09:15:00Z', []],
    ['during the appointment', '2026-11-26T09:30:00Z', []],
    ['after it', '2026-11-26T12:00:00Z', []],
  ])('%s: %p', (_label, now, expected) => {
    expect(due(now)).toEqual(expected);
  });

  it('is not sent twice', () => {
    expect(due('2026-11-26T08:30:00Z', {}, { hourBefore: new Date('2026-11-26T08:15:00Z') })).toEqual([]);
  });

  it('is the only one for an appointment confirmed within the last hour', () => {
    expect(due('2026-11-26T08:45:00Z', {}, {})).toEqual(['hourBefore']);
  });

  it('never goes after the start, even when nothing was sent', () => {
    expect(due('2026-11-26T09:15:00Z', {}, {})).toEqual([]);
  });
});

describe('remindersDue: only confirmed appointments with a chosen slot', () => {
  it.each([['proposed'], ['cancelled'], ['done']] as const)('none for a %s appointment', (status) => {
    expect(due('2026-11-25T15:00:00Z', { status })).toEqual([]);
    expect(due('2026-11-26T08:30:00Z', { status })).toEqual([]);
  });

  it('none for a confirmed appointment without a chosen slot', () => {
    expect(due('2026-11-26T08:30:00Z', { chosen: undefined })).toEqual([]);
  });

  it('none at the old time of a moved appointment', () => {
    // Moved to Friday 27 November 10:15; Thursday's reminders no longer apply.
    const friday = { start: new Date('2026-11-27T09:15:00Z'), durationMinutes: 30 };
    expect(due('2026-11-25T15:00:00Z', { chosen: friday })).toEqual([]);
    expect(due('2026-11-26T08:30:00Z', { chosen: friday })).toEqual([]);
    expect(due('2026-11-26T15:00:00Z', { chosen: friday })).toEqual(['dayBefore']);
  });
});

describe('donePromptDue', () => {
  const at = (iso: string) => new Date(iso);

  it.each([
    ['during the appointment', '2026-11-26T09:44:59Z', false],
    ['exactly at its end', '2026-11-26T09:45:00Z', true],
    ['the next day', '2026-11-27T09:00:00Z', true],
  ])('%s: %p', (_label, now, expected) => {
    expect(donePromptDue(appointment(), undefined, at(now))).toBe(expected);
  });

  it('asks once', () => {
    expect(donePromptDue(appointment(), at('2026-11-26T09:45:00Z'), at('2026-11-26T10:00:00Z'))).toBe(false);
  });

  it.each([['proposed'], ['cancelled'], ['done']] as const)('does not ask for a %s appointment', (status) => {
    expect(donePromptDue(appointment({ status }), undefined, at('2026-11-27T09:00:00Z'))).toBe(false);
  });

  it('does not ask without a chosen slot', () => {
    expect(donePromptDue(appointment({ chosen: undefined }), undefined, at('2026-11-27T09:00:00Z'))).toBe(false);
  });
});
