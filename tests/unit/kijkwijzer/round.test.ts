import { acceptsAnswers, closeDue, closingInstant, reminderDue, startRound, type RoundStartInput } from '../../../src/domain/kijkwijzer/round';
import { defaultStatementList, retireStatement } from '../../../src/domain/kijkwijzer/statementList';
import { roundWith } from './fixtures';

const list = defaultStatementList(['Een', 'Twee']);
const input: RoundStartInput = {
  id: 'r1',
  tenantId: 't',
  schoolId: 's',
  startedBy: 'fatima',
  closesOn: '2026-12-11',
  participants: [{ userId: 'a', name: 'A' }, { userId: 'b', name: 'B' }, { userId: 'a', name: 'A' }],
  list,
  earlier: [],
  now: new Date('2026-11-30T09:00:00Z'),
};

describe('starting a round', () => {
  it('the first round is the nulmeting with the list’s statements, participants once each, closing at midnight after the date (school time)', () => {
    const started = startRound(input);
    if (!started.ok) throw new Error(started.problems.join());
    expect(started.round).toMatchObject({ sequence: 1, listVersion: 1, status: 'open', statements: [{ id: 'k1', text: 'Een' }, { id: 'k2', text: 'Twee' }] });
    expect(started.round.participants.map((p) => p.userId)).toEqual(['a', 'b']);
    expect(started.round.closesAt.toISOString()).toBe('2026-12-11T23:00:00.000Z');
  });

  it('a later round gets the next sequence and keeps only active statements of the current version', () => {
    const changed = retireStatement(list, 'k1');
    if (!changed.ok) throw new Error();
    const earlier = [roundWith([], ['a'], { sequence: 1 }), roundWith([], ['a'], { sequence: 2, id: 'r2' })];
    const started = startRound({ ...input, list: changed.list, earlier });
    expect(started.ok && started.round.sequence).toBe(3);
    expect(started.ok && started.round.statements).toEqual([{ id: 'k2', text: 'Twee' }]);
    expect(started.ok && started.round.listVersion).toBe(2);
  });

  it('names every problem at once', () => {
    const open = roundWith([], ['a'], { status: 'open' });
    const started = startRound({ ...input, closesOn: 'morgen', participants: [], earlier: [open] });
    expect(started).toEqual({ ok: false, problems: ['closing-date-invalid', 'no-participants', 'round-open'] });
    expect(startRound({ ...input, closesOn: '2026-11-30' })).toEqual({ ok: false, problems: ['closing-date-past'] });
    expect(startRound({ ...input, closesOn: '2026-02-30' })).toEqual({ ok: false, problems: ['closing-date-invalid'] });
    expect(startRound({ ...input, closesOn: undefined })).toEqual({ ok: false, problems: ['closing-date-invalid'] });
  });

  it('closes at the end of the chosen day in summer time too', () => {
    expect(closingInstant('2027-06-04')!.toISOString()).toBe('2027-06-04T22:00:00.000Z');
  });
});

describe('an open round over time', () => {
  const round = roundWith([], ['a'], { status: 'open', closedAt: undefined, closesAt: new Date('2026-12-11T23:00:00Z') }); // end of Friday 11 Dec

  it('accepts answers until its closing moment, and is due to close from then on', () => {
    expect(acceptsAnswers(round, new Date('2026-12-11T22:59:59Z'))).toBe(true);
    expect(acceptsAnswers(round, new Date('2026-12-11T23:00:00Z'))).toBe(false);
    expect(closeDue(round, new Date('2026-12-11T22:59:59Z'))).toBe(false);
    expect(closeDue(round, new Date('2026-12-11T23:00:00Z'))).toBe(true);
    expect(closeDue({ ...round, status: 'closed' }, new Date('2026-12-20T00:00:00Z'))).toBe(false);
    expect(acceptsAnswers({ ...round, status: 'closed' }, new Date('2026-12-01T00:00:00Z'))).toBe(false);
  });

  it('reminds within the set number of school days before closing, once, and not after closing', () => {
    expect(reminderDue(round, new Date('2026-12-08T10:00:00Z'), 2)).toBe(false); // Tuesday: Wed, Thu, Fri left
    expect(reminderDue(round, new Date('2026-12-09T10:00:00Z'), 2)).toBe(true); // Wednesday: Thu, Fri left
    expect(reminderDue({ ...round, remindedAt: new Date() }, new Date('2026-12-09T10:00:00Z'), 2)).toBe(false);
    expect(reminderDue(round, new Date('2026-12-11T23:30:00Z'), 2)).toBe(false);
    expect(reminderDue(round, new Date('2026-12-04T10:00:00Z'), 5)).toBe(true); // Friday before: 5 school days left
  });
});
