import { applyPage, inputIds, NOTE_MAX_LENGTH, progressOf, readPageAnswers } from '../../../src/domain/kijkwijzer/answers';
import { pagesOf, PAGE_BUDGET_BYTES, statementBytes } from '../../../src/domain/kijkwijzer/paging';
import { sheet } from './fixtures';

describe('reading one submitted page', () => {
  const ids = ['k1', 'k2', 'k3'];

  it('keeps ratings with optional mark and note, and clears what was left empty', () => {
    const read = readPageAnswers(ids, { rating_k1: 'plus', mark_k1: 'winstpunt', note_k1: '  fijn  ', rating_k2: 'minus', rating_k3: '' });
    expect(read).toEqual({
      ok: true,
      answers: [{ statementId: 'k1', rating: 'plus', mark: 'winstpunt', note: 'fijn' }, { statementId: 'k2', rating: 'minus' }],
      cleared: ['k3'],
    });
  });

  it('ignores fields of statements that are not on this page', () => {
    const read = readPageAnswers(['k1'], { rating_k1: 'partly', rating_k9: 'plus' });
    expect(read).toEqual({ ok: true, answers: [{ statementId: 'k1', rating: 'partly' }], cleared: [] });
  });

  it('names every problem and keeps nothing', () => {
    const read = readPageAnswers(ids, { mark_k1: 'werkpunt', note_k2: 'x', rating_k3: 'geweldig' });
    expect(read).toEqual({ ok: false, problems: { k1: 'mark-without-rating', k2: 'note-without-rating', k3: 'unknown-choice' } });
    expect(readPageAnswers(['k1'], { rating_k1: 'plus', note_k1: 'x'.repeat(NOTE_MAX_LENGTH + 1) })).toEqual({ ok: false, problems: { k1: 'note-too-long' } });
    expect(readPageAnswers(['k1'], { rating_k1: 'plus', mark_k1: 'toppunt' })).toEqual({ ok: false, problems: { k1: 'unknown-choice' } });
    expect(readPageAnswers(['k1'], { rating_k1: 7 })).toEqual({ ok: true, answers: [], cleared: ['k1'] });
  });

  it('input ids are per statement', () => {
    expect([inputIds.rating('k1'), inputIds.mark('k1'), inputIds.note('k1')]).toEqual(['rating_k1', 'mark_k1', 'note_k1']);
  });
});

describe('a person’s sheet and progress', () => {
  it('a changed answer replaces the old one and a cleared one is removed', () => {
    const before = sheet({ k1: '+', k2: '−k' });
    const after = applyPage(before, { answers: [{ statementId: 'k1', rating: 'minus', mark: 'actiepunt' }], cleared: ['k2'] });
    expect(after).toEqual({ k1: { statementId: 'k1', rating: 'minus', mark: 'actiepunt' } });
    expect(before.k2).toBeDefined();
  });

  it('counts only statements of the round, and is complete when all have a rating', () => {
    expect(progressOf(['k1', 'k2'], sheet({ k1: '+', k9: '+' }))).toEqual({ answered: 1, total: 2, complete: false });
    expect(progressOf(['k1', 'k2'], sheet({ k1: '+', k2: '±' }))).toEqual({ answered: 2, total: 2, complete: true });
    expect(progressOf([], {})).toEqual({ answered: 0, total: 0, complete: false });
  });
});

describe('pages of a long list', () => {
  const statement = (n: number, length = 40) => ({ id: `k${n}`, text: 'x'.repeat(length) });

  it('puts at most eight statements on a page, in order', () => {
    const pages = pagesOf(Array.from({ length: 20 }, (_, i) => statement(i + 1)));
    expect(pages.map((page) => page.length)).toEqual([8, 8, 4]);
    expect(pages.flat().map((s) => s.id)).toEqual(Array.from({ length: 20 }, (_, i) => `k${i + 1}`));
  });

  it('splits earlier when the wording is long, so every page stays within the budget', () => {
    const pages = pagesOf(Array.from({ length: 20 }, (_, i) => statement(i + 1, 3000)));
    for (const page of pages) expect(page.reduce((sum, s) => sum + statementBytes(s.text), 0)).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    expect(pages.length).toBeGreaterThan(3);
  });

  it('an empty list has no pages', () => {
    expect(pagesOf([])).toEqual([]);
  });
});
