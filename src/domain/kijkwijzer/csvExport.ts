import { stringify } from 'csv-stringify/sync';
import { shownStatement } from './aggregation';
import { compareRounds, type StatementChange } from './comparison';
import type { RoundComparison } from './roundFigures';

export interface CsvWords {
  headers: readonly string[];
  tooFew: string;
  isNew: string;
}

/** Dutch Excel opens this directly: UTF-8 with a byte order mark, semicolons, CRLF lines. */
const BOM = '\uFEFF';

function changeCell(change: StatementChange | undefined, words: CsvWords): string {
  if (!change) return '';
  if (change.kind === 'new') return words.isNew;
  if (change.kind === 'too-few') return words.tooFew;
  return change.points > 0 ? `+${change.points}` : String(change.points);
}

/**
 * One row per statement of the round: counts, percentages (whole, adding up to 100), marks, how
 * many wrote a note, and the change in "+" share since the nulmeting and the previous round.
 * A statement with fewer than three answers shows only "te weinig antwoorden".
 */
export function buildRoundCsv(comparison: RoundComparison, notes: Record<string, number>, words: CsvWords): string {
  const rows = compareRounds(comparison).statements.map(({ figures, sinceNulmeting, sincePrevious }, index) => {
    const shown = shownStatement(figures);
    if (!shown.shown) return [index + 1, figures.text, words.tooFew, '', '', '', '', '', '', '', '', '', '', changeCell(sinceNulmeting, words), changeCell(sincePrevious, words)];
    return [
      index + 1,
      shown.text,
      shown.answers,
      shown.counts.plus,
      shown.counts.partly,
      shown.counts.minus,
      shown.percentages.plus,
      shown.percentages.partly,
      shown.percentages.minus,
      shown.winstpunt,
      shown.werkpunt,
      shown.actiepunt,
      notes[figures.statementId] ?? 0,
      changeCell(sinceNulmeting, words),
      changeCell(sincePrevious, words),
    ];
  });
  return BOM + stringify([[...words.headers], ...rows], { delimiter: ';', record_delimiter: 'windows' });
}
