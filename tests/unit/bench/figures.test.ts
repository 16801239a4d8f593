import { figure, markdownTable } from '../../../src/bench/figures';
import { shorten } from '../../../src/bench/httpCounter';
import { describeGoal, meets, ratioOf, summarize } from '../../../src/bench/stats';

describe('benchmark statistics', () => {
  it('takes percentiles by nearest rank, so each is a latency that was really measured', () => {
    const samples = Array.from({ length: 100 }, (_, index) => index + 1).reverse();
    expect(summarize(samples)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(summarize([7])).toEqual({ count: 1, p50: 7, p95: 7, p99: 7, max: 7 });
  });

  it('compares a figure with its floor as a ratio, and refuses a floor of zero', () => {
    expect(ratioOf(30, 20)).toBe(1.5);
    expect(() => ratioOf(1, 0)).toThrow(RangeError);
  });

  it('judges goals at their bound: at most for times, at least for throughput', () => {
    expect(meets({ on: 'ratio', bound: 'atMost', limit: 1.5 }, 1.5)).toBe(true);
    expect(meets({ on: 'ratio', bound: 'atMost', limit: 1.5 }, 1.51)).toBe(false);
    expect(meets({ on: 'ratio', bound: 'atLeast', limit: 0.9 }, 0.89)).toBe(false);
    expect(describeGoal({ on: 'ratio', bound: 'atLeast', limit: 0.9 }, 'MiB/s')).toBe('≥ 0.9×');
    expect(describeGoal({ on: 'value', bound: 'atMost', limit: 200 }, 'MiB')).toBe('≤ 200 MiB');
  });
});

describe('benchmark figures', () => {
  it('judges a ratio goal on the ratio to the baseline', () => {
    const slow = figure({ item: 1, name: 'turn p99', value: 40, unit: 'ms', baseline: { name: 'echo', value: 20 }, goal: { on: 'ratio', bound: 'atMost', limit: 1.5 } });
    expect(slow).toMatchObject({ ratio: 2, goal: '≤ 1.5×', met: false });
  });

  it('judges a value goal on the figure itself, whatever the baseline', () => {
    const memory = figure({ item: 3, name: 'peak RSS', value: 180, unit: 'MiB', baseline: { name: 'echo', value: 150 }, goal: { on: 'value', bound: 'atMost', limit: 200 } });
    expect(memory).toMatchObject({ ratio: 1.2, met: true });
  });

  it('leaves met empty where the issue sets no goal', () => {
    expect(figure({ item: 5, name: 'cold start', value: 5, unit: 's', baseline: { name: 'echo', value: 4 } }).met).toBeUndefined();
  });

  it('keeps missed goals and missing figures in the table', () => {
    const table = markdownTable(
      [figure({ item: 1, name: 'turn p99', value: 40, unit: 'ms', baseline: { name: 'echo', value: 20 }, goal: { on: 'ratio', bound: 'atMost', limit: 1.5 } })],
      [{ item: 4, name: 'directie summary', reason: 'not on main yet' }],
    );
    expect(table.split('\n')).toEqual([
      '| # | figure | value | baseline | ratio | goal | met |',
      '|---|---|---|---|---|---|---|',
      '| 1 | turn p99 | 40.0 ms | echo: 20.0 ms | 2.00× | ≤ 1.5× | **missed** |',
      '| 4 | directie summary | – |  |  |  | missing: not on main yet |',
    ]);
  });

  it('shows a count without a unit as a whole number, and a goal of zero on it', () => {
    const table = markdownTable([figure({ item: 4, name: 'lost', value: 0, unit: '', goal: { on: 'value', bound: 'atMost', limit: 0 } })], []);
    expect(table.split('\n')[2]).toBe('| 4 | lost | 0 |  |  | ≤ 0 | met |');
  });
});

describe('storage request lines', () => {
  it('names a request by its table or blob scope, without keys or ids', () => {
    expect(shorten("/devstoreaccount1/bPeople(PartitionKey='t_1',RowKey='u-1')")).toBe('/bPeople(pk,rk)');
    expect(shorten('/devstoreaccount1/b-turnstate/msteams%252F28%253Abot%252Fconversations%252Fa%253A1')).toBe('/b-turnstate/conversations/…');
  });
});
