import type { Slot } from '../../../src/domain/scheduling/appointment';
import { validateSlots, type SlotContext } from '../../../src/domain/scheduling/slotValidation';

// Wednesday 25 November 2026, 11:00 in Amsterdam (winter time, UTC+1).
const now = new Date('2026-11-25T10:00:00Z');
const schoolHours = { start: '08:30', end: '15:30' };

function slot(startUtc: string, durationMinutes = 30): Slot {
  return { start: new Date(startUtc), durationMinutes };
}

function context(overrides: Partial<SlotContext> = {}): SlotContext {
  return { now, schoolHours, busy: [], ...overrides };
}

/** The codes found for one slot, in the order they are reported. */
function codesOf(slots: Slot[], overrides: Partial<SlotContext> = {}, index = 0): string[] {
  return validateSlots(slots, context(overrides))
    .problems.filter((problem) => problem.slot === index)
    .map((problem) => problem.code);
}

// Thursday 26 November 2026, 10:00 in Amsterdam.
const thursday10 = '2026-11-26T09:00:00Z';

describe('validateSlots: a good proposal', () => {
  it('accepts one to three slots on school days within school hours', () => {
    const result = validateSlots([slot(thursday10), slot('2026-11-27T09:00:00Z', 45), slot('2026-11-30T13:00:00Z', 60)], context());
    expect(result).toEqual({ ok: true, problems: [], warnings: [] });
  });
});

describe('validateSlots: the number of slots', () => {
  it('wants at least one slot', () => {
    expect(validateSlots([], context())).toEqual({ ok: false, problems: [{ slot: -1, code: 'slot-count' }], warnings: [] });
  });

  it('wants at most three slots, and still checks each', () => {
    const four = [slot('2026-11-26T08:00:00Z'), slot('2026-11-26T09:00:00Z'), slot('2026-11-26T10:00:00Z'), slot('2026-11-28T10:00:00Z')];
    const result = validateSlots(four, context());
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { slot: -1, code: 'slot-count' },
      { slot: 3, code: 'weekend' },
    ]);
  });
});

describe('validateSlots: past', () => {
  it.each([
    ['exactly now', '2026-11-25T10:00:00Z', ['past']],
    ['a minute ago', '2026-11-25T09:59:00Z', ['past']],
    ['last week', '2026-11-18T10:00:00Z', ['past']],
    ['a minute from now', '2026-11-25T10:01:00Z', []],
  ])('%s', (_label, start, expected) => {
    expect(codesOf([slot(start)])).toEqual(expected);
  });
});

describe('validateSlots: weekend (in Amsterdam)', () => {
  it.each([
    ['Saturday', '2026-11-28T09:00:00Z', ['weekend']],
    ['Sunday', '2026-11-29T09:00:00Z', ['weekend']],
    ['Friday', '2026-11-27T09:00:00Z', []],
    ['Monday', '2026-11-30T09:00:00Z', []],
  ])('%s 10:00', (_label, start, expected) => {
    expect(codesOf([slot(start)])).toEqual(expected);
  });

  it('takes the day from the Amsterdam clock, not from UTC', () => {
    const allDay = { start: '00:00', end: '23:59' };
    // Friday 23:30 UTC is Saturday 00:30 in Amsterdam.
    expect(codesOf([slot('2026-11-27T23:30:00Z', 15)], { schoolHours: allDay })).toEqual(['weekend']);
    // Sunday 23:30 UTC is Monday 00:30 in Amsterdam.
    expect(codesOf([slot('2026-11-29T23:30:00Z', 15)], { schoolHours: allDay })).toEqual([]);
  });

  it('catches the Sundays the clocks change', () => {
    const early = new Date('2026-03-01T10:00:00Z');
    expect(codesOf([slot('2026-03-29T09:00:00Z')], { now: early })).toEqual(['weekend']);
    expect(codesOf([slot('2026-10-25T09:00:00Z')], { now: early })).toEqual(['weekend']);
  });
});

describe('validateSlots: outside school hours (08:30–15:30 in Amsterdam)', () => {
  it.each([
    ['starts exactly at the start of the day', '2026-11-26T07:30:00Z', 30, []],
    ['starts a minute before it', '2026-11-26T07:29:00Z', 30, ['outside-hours']],
    ['ends exactly at the end of the day', '2026-11-26T14:00:00Z', 30, []],
    ['ends a minute after it', '2026-11-26T14:01:00Z', 30, ['outside-hours']],
    // 14:30 UTC would fit in UTC; it is 15:30 in Amsterdam, so it ends at 16:00.
    ['starts at the end of the day', '2026-11-26T14:30:00Z', 30, ['outside-hours']],
    ['is in the evening', '2026-11-26T18:00:00Z', 30, ['outside-hours']],
  ])('a slot that %s', (_label, start, minutes, expected) => {
    expect(codesOf([slot(start, minutes)])).toEqual(expected);
  });

  it('refuses a slot that crosses midnight, even when its end time looks early', () => {
    const allDay = { start: '00:00', end: '23:59' };
    // Thursday 23:30 to Friday 00:30 in Amsterdam.
    expect(codesOf([slot('2026-11-26T22:30:00Z', 60)], { schoolHours: allDay })).toEqual(['outside-hours']);
    // Thursday 23:00 to 23:59 stays on the day.
    expect(codesOf([slot('2026-11-26T22:00:00Z', 59)], { schoolHours: allDay })).toEqual([]);
  });

  it('uses the usual school day (08:00–17:00) when the school setting is malformed', () => {
    const broken = { start: '8 uur', end: '17:00' };
    expect(codesOf([slot('2026-11-26T15:30:00Z', 30)], { schoolHours: broken })).toEqual([]);
    expect(codesOf([slot('2026-11-26T15:31:00Z', 30)], { schoolHours: broken })).toEqual(['outside-hours']);
    expect(codesOf([slot('2026-11-26T06:59:00Z', 30)], { schoolHours: { start: '16:00', end: '09:00' } })).toEqual(['outside-hours']);
  });
});

describe('validateSlots: school hours across summer time', () => {
  const early = new Date('2026-03-01T10:00:00Z');
  const nineToTen = { start: '09:00', end: '10:00' };

  it.each([
    // Monday 30 March 2026 (summer time, UTC+2): 09:00 in Amsterdam is 07:00 UTC.
    ['Monday 2026-03-30 07:00Z (09:00 summer time)', '2026-03-30T07:00:00Z', []],
    ['Monday 2026-03-30 06:59Z (08:59 summer time)', '2026-03-30T06:59:00Z', ['outside-hours']],
    ['Monday 2026-03-30 08:00Z (10:00 summer time)', '2026-03-30T08:00:00Z', ['outside-hours']],
    // Friday 27 March 2026 is still winter time: 07:00 UTC is 08:00.
    ['Friday 2026-03-27 07:00Z (08:00 winter time)', '2026-03-27T07:00:00Z', ['outside-hours']],
    ['Friday 2026-03-27 08:00Z (09:00 winter time)', '2026-03-27T08:00:00Z', []],
    // Friday 23 October is still summer time; Monday 26 October winter time again.
    ['Friday 2026-10-23 07:00Z (09:00 summer time)', '2026-10-23T07:00:00Z', []],
    ['Monday 2026-10-26 08:00Z (09:00 winter time)', '2026-10-26T08:00:00Z', []],
    ['Monday 2026-10-26 07:00Z (08:00 winter time)', '2026-10-26T07:00:00Z', ['outside-hours']],
  ])('%s', (_label, start, expected) => {
    expect(codesOf([slot(start, 60)], { now: early, schoolHours: nineToTen })).toEqual(expected);
  });
});

describe('validateSlots: overlap with other appointments', () => {
  // The SVIB'er is busy on Thursday from 10:00 to 11:00 in Amsterdam.
  const busy = [{ start: new Date('2026-11-26T09:00:00Z'), end: new Date('2026-11-26T10:00:00Z') }];

  it.each([
    ['ends when the busy time starts', '2026-11-26T08:30:00Z', 30, []],
    ['starts when the busy time ends', '2026-11-26T10:00:00Z', 30, []],
    ['ends a minute into it', '2026-11-26T08:30:00Z', 31, ['overlap']],
    ['starts a minute before its end', '2026-11-26T09:59:00Z', 30, ['overlap']],
    ['lies inside it', '2026-11-26T09:15:00Z', 15, ['overlap']],
    ['covers it', '2026-11-26T08:30:00Z', 120, ['overlap']],
    ['is at the same time', '2026-11-26T09:00:00Z', 60, ['overlap']],
  ])('a slot that %s', (_label, start, minutes, expected) => {
    expect(codesOf([slot(start, minutes)], { busy })).toEqual(expected);
  });

  it('checks against every busy interval', () => {
    const more = [...busy, { start: new Date('2026-11-27T12:00:00Z'), end: new Date('2026-11-27T13:00:00Z') }];
    expect(codesOf([slot('2026-11-27T12:30:00Z')], { busy: more })).toEqual(['overlap']);
  });
});

describe('validateSlots: the proposed slots among themselves', () => {
  it('reports an overlap on the later slot only', () => {
    const result = validateSlots([slot('2026-11-26T09:00:00Z', 30), slot('2026-11-26T09:15:00Z', 30)], context());
    expect(result.problems).toEqual([{ slot: 1, code: 'overlaps-other-slot' }]);
  });

  it('reports it on the later slot also when that one comes first in time', () => {
    const result = validateSlots([slot('2026-11-26T09:15:00Z', 30), slot('2026-11-26T09:00:00Z', 30)], context());
    expect(result.problems).toEqual([{ slot: 1, code: 'overlaps-other-slot' }]);
  });

  it('lets slots touch', () => {
    expect(validateSlots([slot('2026-11-26T09:00:00Z', 30), slot('2026-11-26T09:30:00Z', 30)], context()).ok).toBe(true);
  });

  it('calls the same start a duplicate rather than an overlap, whatever the durations', () => {
    const result = validateSlots([slot(thursday10, 30), slot('2026-11-27T09:00:00Z'), slot(thursday10, 60)], context());
    expect(result.problems).toEqual([{ slot: 2, code: 'duplicate' }]);
  });

  it('can report both on one slot', () => {
    const result = validateSlots([slot(thursday10, 30), slot('2026-11-26T08:45:00Z', 30), slot(thursday10, 30)], context());
    expect(result.problems).toEqual([
      { slot: 1, code: 'overlaps-other-slot' },
      { slot: 2, code: 'duplicate' },
      { slot: 2, code: 'overlaps-other-slot' },
    ]);
  });
});

describe('validateSlots: order of the steps', () => {
  const notBefore = new Date(thursday10);

  it.each([
    ['starts when the previous step ended', thursday10, []],
    ['starts a minute before it ended', '2026-11-26T08:59:00Z', ['before-previous-step']],
    ['starts a day later', '2026-11-27T09:00:00Z', []],
  ])('a slot that %s', (_label, start, expected) => {
    expect(codesOf([slot(start)], { notBefore })).toEqual(expected);
  });
});

describe('validateSlots: duration', () => {
  const allDay = { start: '08:00', end: '17:00' };

  it.each([
    [9, ['too-short']],
    [10, []],
    [240, []],
    [241, ['too-long']],
    [0, ['too-short']],
    [-30, ['too-short']],
    [Number.NaN, ['too-short']],
  ])('%i minutes', (minutes, expected) => {
    // Thursday 09:00 in Amsterdam: 240 minutes end at 13:00, well within the day.
    expect(codesOf([slot('2026-11-26T08:00:00Z', minutes)], { schoolHours: allDay })).toEqual(expected);
  });
});

describe('validateSlots: every problem of a slot, most basic first', () => {
  it('reports them in a fixed order', () => {
    const busy = [{ start: new Date('2026-11-21T00:00:00Z'), end: new Date('2026-11-23T00:00:00Z') }];
    // Sunday 22 November 2026, 19:00 in Amsterdam: past, weekend, evening, five hours, before the opname, busy.
    const result = validateSlots([slot('2026-11-22T18:00:00Z', 300)], context({ busy, notBefore: new Date('2026-11-24T10:00:00Z') }));
    expect(result.problems.map((problem) => problem.code)).toEqual(['past', 'weekend', 'outside-hours', 'too-long', 'before-previous-step', 'overlap']);
  });

  it('refuses a slot without a real time', () => {
    expect(codesOf([{ start: new Date('not a date'), durationMinutes: 30 }])).toEqual(['past']);
  });
});

describe('validateSlots: a nagesprek long after its opname', () => {
  // The opname ended on Thursday 26 November 2026, 10:00 in Amsterdam.
  const recordingEnd = new Date('2026-11-26T09:00:00Z');

  it.each([
    ['exactly 14 days later', '2026-12-10T09:00:00Z', false],
    ['14 days and a minute later', '2026-12-10T09:01:00Z', true],
    ['a week later', '2026-12-03T09:00:00Z', false],
    ['three weeks later', '2026-12-17T09:00:00Z', true],
  ])('warns, without blocking, %s: %s', (_label, start, warned) => {
    const result = validateSlots([slot(start)], context({ recordingEnd }));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual(warned ? [{ slot: 0, code: 'long-after-recording' }] : []);
  });

  it('counts 14 days on the school clock across the end of summer time', () => {
    const early = new Date('2026-10-01T10:00:00Z');
    // Tuesday 20 October 10:00 summer time (08:00Z); 14 days later is Tuesday 3 November 10:00 winter time (09:00Z).
    const octoberRecording = new Date('2026-10-20T08:00:00Z');
    const at = (start: string) => validateSlots([slot(start)], context({ now: early, recordingEnd: octoberRecording })).warnings;
    expect(at('2026-11-03T09:00:00Z')).toEqual([]);
    expect(at('2026-11-03T09:01:00Z')).toEqual([{ slot: 0, code: 'long-after-recording' }]);
  });

  it('warns per slot, alongside problems of other slots', () => {
    const result = validateSlots([slot('2026-12-03T09:00:00Z'), slot('2026-12-11T09:00:00Z'), slot('2026-12-12T09:00:00Z')], context({ recordingEnd }));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ slot: 2, code: 'weekend' }]);
    expect(result.warnings).toEqual([
      { slot: 1, code: 'long-after-recording' },
      { slot: 2, code: 'long-after-recording' },
    ]);
  });

  it('does not warn without a recording', () => {
    expect(validateSlots([slot('2027-01-14T09:00:00Z')], context()).warnings).toEqual([]);
  });
});
