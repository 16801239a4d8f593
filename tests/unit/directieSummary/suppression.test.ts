import { suppress, type Cell } from '../../../src/domain/directieSummary/suppression';
import { distributionOf } from '../../../src/domain/directieSummary/kijkwijzerComparison';

const published = (value: number): Cell => ({ value, published: true });
const row = [{ total: 'total', parts: ['a', 'b', 'c'] }];

/** Whether any hidden cell can be worked out exactly, or shown to be small, from what is shown. */
function leaks(values: number[], hidden: Set<string>): boolean {
  const names = ['a', 'b', 'c'];
  const total = values.reduce((sum, value) => sum + value, 0);
  if (hidden.has('total')) return names.some((name, index) => !hidden.has(name) && values[index] < 3);
  const unknown = names.filter((name) => hidden.has(name));
  const derived = unknown.reduce((sum, name) => sum + values[names.indexOf(name)], 0);
  return (unknown.length > 0 && derived < 3) || names.some((name, index) => !hidden.has(name) && values[index] < 3) || (unknown.length === 0 && total < 0);
}

describe('small numbers are hidden, and so is what would reveal them by subtraction', () => {
  it('hides every count under three', () => {
    expect([...suppress({ total: published(12), a: published(10), b: published(2), c: published(0) }, row)].sort()).toEqual(['a', 'b', 'c']);
  });

  it('hides a second cell when one hidden cell could be subtracted from the total', () => {
    const hidden = suppress({ total: published(15), a: published(9), b: published(4), c: published(2) }, row);
    expect([...hidden].sort()).toEqual(['b', 'c']);
  });

  it('shows everything when every count is three or more', () => {
    expect(suppress({ total: published(12), a: published(3), b: published(4), c: published(5) }, row).size).toBe(0);
  });

  it('hides the total too when every part is small', () => {
    expect([...suppress({ total: published(2), a: published(1), b: published(1), c: published(0) }, row)].sort()).toEqual(['a', 'b', 'c', 'total']);
  });

  it('protects a cell that is never shown itself (teachers minus starters)', () => {
    const cells = { teachers: published(6), starters: published(5), others: { value: 1, published: false } };
    expect([...suppress(cells, [{ total: 'teachers', parts: ['starters', 'others'] }])]).toEqual(['starters']);
  });

  it('leaves no hidden count derivable, for every distribution of up to 12 answers (exhaustive)', () => {
    for (let a = 0; a <= 12; a++)
      for (let b = 0; a + b <= 12; b++)
        for (let c = 0; a + b + c <= 12; c++) {
          const values = [a, b, c];
          const hidden = suppress({ total: published(a + b + c), a: published(a), b: published(b), c: published(c) }, row);
          expect({ values, leaks: leaks(values, hidden) }).toEqual({ values, leaks: false });
          // Nothing of three or more is hidden without need: at most the one smallest extra cell per row.
          const extra = ['a', 'b', 'c'].filter((name, index) => hidden.has(name) && values[index] >= 3);
          expect(extra.length).toBeLessThanOrEqual(values.filter((value) => value >= 3).length);
        }
  });

  it('shows a kijkwijzer distribution as counts and "< 3"', () => {
    expect(distributionOf({ plus: 8, partly: 5, minus: 1 })).toEqual({
      plus: { kind: 'count', value: 8 },
      partly: { kind: 'hidden' },
      minus: { kind: 'hidden' },
      total: { kind: 'count', value: 14 },
    });
  });
});
