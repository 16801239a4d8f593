import { answersOf, MIN_ANSWERS_SHOWN, percentage } from './aggregation';
import type { RoundComparison, RoundFigures, StatementFigures } from './roundFigures';

/**
 * Change of one statement against an earlier round, in percentage points of "+" answers.
 * Matched by statement id, so a reworded or moved statement is still the same one.
 */
export type StatementChange =
  | { kind: 'change'; points: number }
  /** Not asked in the earlier round (added later). */
  | { kind: 'new' }
  /** One of the two rounds has too few answers on it to compare. */
  | { kind: 'too-few' };

export function plusShare(figures: StatementFigures): number {
  return percentage(figures.counts.plus, answersOf(figures.counts));
}

export function changeAgainst(current: StatementFigures, earlier: RoundFigures | undefined, minimum = MIN_ANSWERS_SHOWN): StatementChange | undefined {
  if (!earlier) return undefined;
  const before = earlier.statements.find((statement) => statement.statementId === current.statementId);
  if (!before) return { kind: 'new' };
  if (answersOf(current.counts) < minimum || answersOf(before.counts) < minimum) return { kind: 'too-few' };
  return { kind: 'change', points: plusShare(current) - plusShare(before) };
}

export interface ComparedStatement {
  figures: StatementFigures;
  sinceNulmeting?: StatementChange;
  sincePrevious?: StatementChange;
}

/**
 * The current round's statements with their change against the nulmeting and the previous round
 * (the nulmeting itself has neither). Statements retired since are listed apart, by their last wording.
 */
export function compareRounds(comparison: RoundComparison, minimum = MIN_ANSWERS_SHOWN): { statements: ComparedStatement[]; retiredSinceNulmeting: string[] } {
  const { current } = comparison;
  const nulmeting = comparison.nulmeting && comparison.nulmeting.roundId !== current.roundId ? comparison.nulmeting : undefined;
  const previous = comparison.previous && comparison.previous.roundId !== current.roundId ? comparison.previous : undefined;
  const statements = current.statements.map((figures) => ({
    figures,
    ...(nulmeting ? { sinceNulmeting: changeAgainst(figures, nulmeting, minimum) } : {}),
    ...(previous ? { sincePrevious: changeAgainst(figures, previous, minimum) } : {}),
  }));
  const currentIds = new Set(current.statements.map((statement) => statement.statementId));
  const retiredSinceNulmeting = (nulmeting?.statements ?? []).filter((statement) => !currentIds.has(statement.statementId)).map((statement) => statement.text);
  return { statements, retiredSinceNulmeting };
}

/** Picks the nulmeting and the round before `current` from a school's closed rounds. */
export function comparisonFor(current: RoundFigures, closedRounds: readonly RoundFigures[]): RoundComparison {
  const earlier = closedRounds.filter((round) => round.sequence < current.sequence).sort((a, b) => a.sequence - b.sequence);
  return {
    current,
    ...(earlier.length > 0 ? { nulmeting: earlier[0] } : {}),
    ...(earlier.length > 0 ? { previous: earlier.at(-1) } : {}),
  };
}
