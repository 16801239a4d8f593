import { resultsName } from '../../../src/bench/resultsFile';

describe('the file a bench run is written to', () => {
  const startedAt = '2026-11-30T03:39:05.123Z';
  const none = () => false;

  it('is named by date and kind, with the board size when one was chosen', () => {
    expect(resultsName({ startedAt, mode: 'quick', args: [] }, none)).toBe('2026-11-30.json');
    expect(resultsName({ startedAt, mode: 'full', args: ['--full'] }, none)).toBe('2026-11-30-full.json');
    expect(resultsName({ startedAt, mode: 'quick', args: ['--board=200'] }, none)).toBe('2026-11-30-board200.json');
  });

  it('never overwrites a run of the same day and kind: the start time is added', () => {
    const taken = (name: string) => name === '2026-11-30-board200.json';
    expect(resultsName({ startedAt, mode: 'quick', args: ['--board=200'] }, taken)).toBe('2026-11-30-board200-033905.json');
  });
});
