import { progressOf, type AnswerSheet } from './answers';
import type { Round } from './round';
import type { RatingCounts, RoundFigures, StatementFigures } from './roundFigures';

/** Fewer answers than this on one statement are not shown to anyone ("te weinig antwoorden"). */
export const MIN_ANSWERS_SHOWN = 3;

/**
 * Raw counts of a round: only the answers of its participants, only on its own statements. Notes
 * never leave the sheets; only how many there are.
 */
export function roundFigures(round: Round, sheets: ReadonlyMap<string, AnswerSheet>): RoundFigures & { notes: Record<string, number> } {
  const statementIds = round.statements.map((statement) => statement.id);
  const counted = round.participants.map((person) => sheets.get(person.userId) ?? {});
  const notes: Record<string, number> = {};
  const statements: StatementFigures[] = round.statements.map(({ id, text }) => {
    const figures: StatementFigures = { statementId: id, text, counts: { plus: 0, partly: 0, minus: 0 }, winstpunt: 0, werkpunt: 0, actiepunt: 0 };
    notes[id] = 0;
    for (const sheet of counted) {
      const answer = sheet[id];
      if (!answer) continue;
      figures.counts[answer.rating]++;
      if (answer.mark) figures[answer.mark]++;
      if (answer.note) notes[id]++;
    }
    return figures;
  });
  return {
    roundId: round.id,
    sequence: round.sequence,
    startedAt: round.startedAt,
    closesAt: round.closesAt,
    ...(round.closedAt ? { closedAt: round.closedAt } : {}),
    invited: round.participants.length,
    completed: counted.filter((sheet) => progressOf(statementIds, sheet).complete).length,
    statements,
    notes,
  };
}

export function answersOf(counts: RatingCounts): number {
  return counts.plus + counts.partly + counts.minus;
}

/**
 * Whole percentages that add up to exactly 100 (largest remainder), so a row never reads 101%.
 * Ties go to the earlier share (+ before ± before −).
 */
export function wholePercentages(values: readonly number[]): number[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total === 0) return values.map(() => 0);
  const exact = values.map((value) => (value * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((sum, value) => sum + value, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index]!++;
    left--;
  }
  return floors;
}

/** Share of part in whole as a whole percentage (half up); 0 for an empty whole. */
export function percentage(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 100) / whole);
}

/** What may be shown of one statement: nothing but "too few" under the threshold. */
export type ShownStatement =
  | { statementId: string; text: string; shown: false }
  | {
      statementId: string;
      text: string;
      shown: true;
      answers: number;
      counts: RatingCounts;
      percentages: RatingCounts;
      winstpunt: number;
      werkpunt: number;
      actiepunt: number;
    };

export function shownStatement(figures: StatementFigures, minimum = MIN_ANSWERS_SHOWN): ShownStatement {
  const answers = answersOf(figures.counts);
  if (answers < minimum) return { statementId: figures.statementId, text: figures.text, shown: false };
  const [plus, partly, minus] = wholePercentages([figures.counts.plus, figures.counts.partly, figures.counts.minus]) as [number, number, number];
  return {
    statementId: figures.statementId,
    text: figures.text,
    shown: true,
    answers,
    counts: { ...figures.counts },
    percentages: { plus, partly, minus },
    winstpunt: figures.winstpunt,
    werkpunt: figures.werkpunt,
    actiepunt: figures.actiepunt,
  };
}

/** Response rate: who finished every statement, of those invited. */
export function responseRate(figures: Pick<RoundFigures, 'invited' | 'completed'>): number {
  return percentage(figures.completed, figures.invited);
}
