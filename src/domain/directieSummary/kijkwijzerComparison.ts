import type { RoundComparison, RoundFigures, StatementFigures } from '../kijkwijzer/roundFigures';
import { suppress, shownOf, type Cell, type Shown } from './suppression';

/**
 * The kijkwijzer part of the directie summary: per statement the distribution of +, ± and − in the
 * latest closed round against the nulmeting and the previous round, with small numbers hidden.
 */
export interface Distribution {
  plus: Shown;
  partly: Shown;
  minus: Shown;
  /** How many rated the statement. */
  total: Shown;
}

export type Arrow = 'up' | 'down' | 'same' | 'unknown';

export interface StatementRow {
  statementId: string;
  text: string;
  current: Distribution;
  previous?: Distribution;
  nulmeting?: Distribution;
  /** Change of the share of + since the previous round, and since the nulmeting. */
  sincePrevious: Arrow;
  sinceNulmeting: Arrow;
}

export interface RoundSummary {
  sequence: number;
  closedAt?: Date;
  /** Share of the invited who completed, in whole percents. */
  responseRate: { kind: 'percent'; value: number } | { kind: 'hidden' };
  completed: Shown;
}

export interface KijkwijzerSummary {
  current: RoundSummary;
  previous?: RoundSummary;
  nulmeting?: RoundSummary;
  statements: StatementRow[];
}

/** A change of the share of + smaller than this is shown as "the same". */
export const ARROW_THRESHOLD = 0.05;

export function distributionOf(figures: StatementFigures['counts'], threshold = 3): Distribution {
  const total = figures.plus + figures.partly + figures.minus;
  const cells: Record<string, Cell> = {
    plus: { value: figures.plus, published: true },
    partly: { value: figures.partly, published: true },
    minus: { value: figures.minus, published: true },
    total: { value: total, published: true },
  };
  const hidden = suppress(cells, [{ total: 'total', parts: ['plus', 'partly', 'minus'] }], threshold);
  return { plus: shownOf('plus', cells, hidden), partly: shownOf('partly', cells, hidden), minus: shownOf('minus', cells, hidden), total: shownOf('total', cells, hidden) };
}

/** Share of + among those who rated, from shown numbers only; undefined when a part is hidden. */
export function plusShare(distribution: Distribution): number | undefined {
  if (distribution.plus.kind !== 'count' || distribution.total.kind !== 'count' || distribution.total.value === 0) return undefined;
  return distribution.plus.value / distribution.total.value;
}

export function arrowBetween(before: Distribution | undefined, after: Distribution): Arrow {
  const from = before && plusShare(before);
  const to = plusShare(after);
  if (from === undefined || to === undefined) return 'unknown';
  if (to - from >= ARROW_THRESHOLD) return 'up';
  if (from - to >= ARROW_THRESHOLD) return 'down';
  return 'same';
}

function roundSummary(round: RoundFigures, threshold: number): RoundSummary {
  const completed: Shown = round.completed < threshold ? { kind: 'hidden' } : { kind: 'count', value: round.completed };
  const responseRate =
    completed.kind === 'hidden' || round.invited <= 0 ? ({ kind: 'hidden' } as const) : ({ kind: 'percent', value: Math.round((100 * round.completed) / round.invited) } as const);
  return { sequence: round.sequence, closedAt: round.closedAt, responseRate, completed };
}

export function compareRounds(comparison: RoundComparison, threshold = 3): KijkwijzerSummary {
  const { current } = comparison;
  // The nulmeting is its own baseline: a first round is not compared with itself.
  const nulmeting = comparison.nulmeting && comparison.nulmeting.roundId !== current.roundId ? comparison.nulmeting : undefined;
  const previous = comparison.previous && comparison.previous.roundId !== nulmeting?.roundId ? comparison.previous : undefined;
  const find = (round: RoundFigures | undefined, statementId: string) => round?.statements.find((statement) => statement.statementId === statementId);
  const statements = current.statements.map((statement): StatementRow => {
    const now = distributionOf(statement.counts, threshold);
    const before = find(previous, statement.statementId);
    const base = find(nulmeting, statement.statementId);
    const previousDistribution = before && distributionOf(before.counts, threshold);
    const nulmetingDistribution = base && distributionOf(base.counts, threshold);
    return {
      statementId: statement.statementId,
      text: statement.text,
      current: now,
      previous: previousDistribution,
      nulmeting: nulmetingDistribution,
      // Without a separate previous round, the change since the nulmeting is the change since the round before.
      sincePrevious: arrowBetween(previousDistribution ?? nulmetingDistribution, now),
      sinceNulmeting: arrowBetween(nulmetingDistribution, now),
    };
  });
  return {
    current: roundSummary(current, threshold),
    previous: previous && roundSummary(previous, threshold),
    nulmeting: nulmeting && roundSummary(nulmeting, threshold),
    statements,
  };
}
