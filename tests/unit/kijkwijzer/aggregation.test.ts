import { MIN_ANSWERS_SHOWN, percentage, responseRate, roundFigures, shownStatement, wholePercentages } from '../../../src/domain/kijkwijzer/aggregation';
import { comparisonFor, compareRounds } from '../../../src/domain/kijkwijzer/comparison';
import type { RoundFigures } from '../../../src/domain/kijkwijzer/roundFigures';
import { roundWith, sheets } from './fixtures';

const statements = [
  { id: 'k1', text: 'Een' },
  { id: 'k2', text: 'Twee' },
];

describe('figures of a round', () => {
  it('an empty round (nobody answered) has zero counts, nothing shown and a response of 0%', () => {
    const figures = roundFigures(roundWith(statements, ['a', 'b', 'c']), new Map());
    expect(figures).toMatchObject({ invited: 3, completed: 0 });
    expect(figures.statements.map((s) => s.counts)).toEqual([{ plus: 0, partly: 0, minus: 0 }, { plus: 0, partly: 0, minus: 0 }]);
    expect(figures.statements.map((s) => shownStatement(s).shown)).toEqual([false, false]);
    expect(responseRate(figures)).toBe(0);
  });

  it('a round without participants gives 0% rather than dividing by zero', () => {
    expect(responseRate(roundFigures(roundWith(statements, []), new Map()))).toBe(0);
  });

  it('one participant: counted, complete, but never shown', () => {
    const figures = roundFigures(roundWith(statements, ['a']), sheets({ a: { k1: '+w', k2: '−kn' } }));
    expect(figures.statements[1]).toEqual({ statementId: 'k2', text: 'Twee', counts: { plus: 0, partly: 0, minus: 1 }, winstpunt: 0, werkpunt: 1, actiepunt: 0 });
    expect(figures.completed).toBe(1);
    expect(figures.notes).toEqual({ k1: 0, k2: 1 });
    expect(shownStatement(figures.statements[1]!)).toEqual({ statementId: 'k2', text: 'Twee', shown: false });
  });

  it('counts ratings and marks per statement and who finished every statement', () => {
    const figures = roundFigures(
      roundWith(statements, ['a', 'b', 'c', 'd']),
      sheets({ a: { k1: '+w', k2: '±' }, b: { k1: '+', k2: '−k' }, c: { k1: '−a' }, d: {} }),
    );
    expect(figures.statements[0]).toMatchObject({ counts: { plus: 2, partly: 0, minus: 1 }, winstpunt: 1, werkpunt: 0, actiepunt: 1 });
    expect(figures.statements[1]).toMatchObject({ counts: { plus: 0, partly: 1, minus: 1 }, werkpunt: 1 });
    expect(figures).toMatchObject({ invited: 4, completed: 2 });
    expect(responseRate(figures)).toBe(50);
  });

  it('ignores sheets of people who were not invited, and answers to statements not in the round (retired)', () => {
    const figures = roundFigures(roundWith(statements, ['a']), sheets({ a: { k1: '+', k2: '+', k0: '−' }, stranger: { k1: '−' } }));
    expect(figures.statements.map((s) => s.counts.minus)).toEqual([0, 0]);
    expect(figures.statements.map((s) => s.statementId)).toEqual(['k1', 'k2']);
  });

  it('uses the wording the round started with', () => {
    const figures = roundFigures(roundWith([{ id: 'k1', text: 'Oude tekst' }], ['a']), new Map());
    expect(figures.statements[0]!.text).toBe('Oude tekst');
  });
});

describe('suppression under three answers', () => {
  const base = { statementId: 'k1', text: 'Een', winstpunt: 0, werkpunt: 2, actiepunt: 0 };

  it('two answers are "too few", three are shown', () => {
    expect(MIN_ANSWERS_SHOWN).toBe(3);
    expect(shownStatement({ ...base, counts: { plus: 1, partly: 1, minus: 0 } }).shown).toBe(false);
    const three = shownStatement({ ...base, counts: { plus: 1, partly: 1, minus: 1 } });
    expect(three).toMatchObject({ shown: true, answers: 3, percentages: { plus: 34, partly: 33, minus: 33 }, werkpunt: 2 });
  });

  it('a suppressed statement carries no count, mark or percentage at all', () => {
    expect(Object.keys(shownStatement({ ...base, counts: { plus: 2, partly: 0, minus: 0 } })).sort()).toEqual(['shown', 'statementId', 'text']);
  });
});

describe('rounding', () => {
  it('whole percentages always add up to 100', () => {
    expect(wholePercentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(wholePercentages([2, 2, 2])).toEqual([34, 33, 33]);
    expect(wholePercentages([1, 2, 4])).toEqual([14, 29, 57]);
    expect(wholePercentages([1, 0, 0])).toEqual([100, 0, 0]);
    expect(wholePercentages([0, 0, 0])).toEqual([0, 0, 0]);
    for (const values of [[7, 3, 1], [5, 5, 1], [1, 1, 5], [13, 17, 19]]) expect(wholePercentages(values).reduce((a, b) => a + b)).toBe(100);
  });

  it('a single share rounds half up', () => {
    expect(percentage(1, 8)).toBe(13);
    expect(percentage(1, 3)).toBe(33);
    expect(percentage(2, 3)).toBe(67);
    expect(percentage(0, 0)).toBe(0);
  });
});

describe('comparing rounds by statement identity', () => {
  const figuresOf = (sequence: number, rows: [string, string, number, number, number][]): RoundFigures => ({
    roundId: `r${sequence}`,
    sequence,
    startedAt: new Date(),
    closesAt: new Date(),
    invited: 10,
    completed: 10,
    statements: rows.map(([statementId, text, plus, partly, minus]) => ({ statementId, text, counts: { plus, partly, minus }, winstpunt: 0, werkpunt: 0, actiepunt: 0 })),
  });
  const nulmeting = figuresOf(1, [['k1', 'Een', 2, 4, 4], ['k2', 'Twee', 5, 5, 0], ['k3', 'Drie', 1, 1, 1], ['k4', 'Vier', 1, 1, 0]]);
  const meting2 = figuresOf(2, [['k2', 'Twee', 4, 4, 2], ['k1', 'Een', 5, 5, 0]]);
  // Round 3: k2 reworded and moved, k1 retired, k5 new, k3 with too few answers now.
  const meting3 = figuresOf(3, [['k5', 'Vijf', 3, 0, 0], ['k3', 'Drie', 1, 0, 0], ['k2', 'Twee, anders gezegd', 8, 2, 0]]);

  it('matches a reworded and moved statement by id, against both the nulmeting and the previous round', () => {
    const compared = compareRounds({ current: meting3, nulmeting, previous: meting2 });
    const k2 = compared.statements.find((s) => s.figures.statementId === 'k2')!;
    expect(k2.sinceNulmeting).toEqual({ kind: 'change', points: 30 });
    expect(k2.sincePrevious).toEqual({ kind: 'change', points: 40 });
  });

  it('marks a statement added later as new and a statement with too few answers as not comparable', () => {
    const compared = compareRounds({ current: meting3, nulmeting, previous: meting2 });
    expect(compared.statements[0]!.sinceNulmeting).toEqual({ kind: 'new' });
    expect(compared.statements[1]!.sinceNulmeting).toEqual({ kind: 'too-few' });
    expect(compared.statements[1]!.sincePrevious).toEqual({ kind: 'new' });
  });

  it('lists statements retired since the nulmeting by their old wording', () => {
    expect(compareRounds({ current: meting3, nulmeting, previous: meting2 }).retiredSinceNulmeting).toEqual(['Een', 'Vier']);
  });

  it('the nulmeting itself is compared with nothing', () => {
    const compared = compareRounds({ current: nulmeting });
    expect(compared.statements.every((s) => s.sinceNulmeting === undefined && s.sincePrevious === undefined)).toBe(true);
    expect(compareRounds({ current: nulmeting, nulmeting, previous: nulmeting }).statements[0]!.sinceNulmeting).toBeUndefined();
  });

  it('picks the nulmeting and the previous round from the school’s closed rounds', () => {
    expect(comparisonFor(meting3, [meting2, meting3, nulmeting])).toEqual({ current: meting3, nulmeting, previous: meting2 });
    expect(comparisonFor(meting2, [meting2, meting3, nulmeting])).toEqual({ current: meting2, nulmeting, previous: nulmeting });
    expect(comparisonFor(nulmeting, [nulmeting])).toEqual({ current: nulmeting });
  });
});
