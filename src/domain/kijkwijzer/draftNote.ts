import { MIN_ANSWERS_SHOWN, responseRate, shownStatement } from './aggregation';
import { compareRounds } from './comparison';
import type { RoundComparison } from './roundFigures';

export interface DraftNoteWords {
  title: string;
  intro: string;
  response: string;
  werkpuntenHeading: string;
  werkpuntItem: string;
  noWerkpunten: string;
  changesHeading: string;
  changeUp: string;
  changeDown: string;
  isNulmeting: string;
  noChanges: string;
  recommendationsHeading: string;
  recommendationsPlaceholder: string;
  suppressed: string;
  roundName: (sequence: number) => string;
  fill: (template: string, values: Record<string, string | number>) => string;
  date: (date: Date) => string;
}

export interface DraftNote {
  title: string;
  paragraphs: string[];
  sections: { heading: string; items: string[] }[];
}

const TOP = 3;

/**
 * The commissie's draft note: neutral facts only (response, most werkpunten, largest changes
 * since the nulmeting), for the commissie to finish. Small numbers stay out, like everywhere.
 */
export function draftNoteContent(comparison: RoundComparison, words: DraftNoteWords): DraftNote {
  const { current } = comparison;
  const compared = compareRounds(comparison);
  const shown = current.statements.map((figures) => shownStatement(figures)).filter((statement) => statement.shown);
  const werkpunten = shown
    .filter((statement) => statement.werkpunt > 0)
    .sort((a, b) => b.werkpunt - a.werkpunt || b.actiepunt - a.actiepunt)
    .slice(0, TOP)
    .map((statement) => words.fill(words.werkpuntItem, { text: statement.text, count: statement.werkpunt, actiepunt: statement.actiepunt }));

  const changes = compared.statements
    .flatMap(({ figures, sinceNulmeting }) => (sinceNulmeting?.kind === 'change' && sinceNulmeting.points !== 0 ? [{ text: figures.text, points: sinceNulmeting.points }] : []))
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .slice(0, TOP)
    .map((change) => words.fill(change.points > 0 ? words.changeUp : words.changeDown, { text: change.text, points: Math.abs(change.points) }));
  const isNulmeting = !comparison.nulmeting || comparison.nulmeting.roundId === current.roundId;

  const round = words.roundName(current.sequence);
  const hidden = current.statements.length - shown.length;
  return {
    title: words.fill(words.title, { round }),
    paragraphs: [
      words.fill(words.intro, { round, date: words.date(current.closedAt ?? current.closesAt) }),
      words.fill(words.response, { completed: current.completed, invited: current.invited, rate: responseRate(current) }),
      ...(hidden > 0 ? [words.fill(words.suppressed, { count: hidden, minimum: MIN_ANSWERS_SHOWN })] : []),
    ],
    sections: [
      { heading: words.werkpuntenHeading, items: werkpunten.length > 0 ? werkpunten : [words.noWerkpunten] },
      { heading: words.changesHeading, items: isNulmeting ? [words.isNulmeting] : changes.length > 0 ? changes : [words.noChanges] },
      { heading: words.recommendationsHeading, items: [words.recommendationsPlaceholder] },
    ],
  };
}
