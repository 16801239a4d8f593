import type { RoundComparison } from '../kijkwijzer/roundFigures';
import { compareRounds, type KijkwijzerSummary } from './kijkwijzerComparison';
import { isLate, type SummaryPeriod } from './schedule';
import { trajectoryFigures, type TrajectoryFigures, type TrajectoryFiguresInput } from './trajectoryFigures';

/**
 * One directie summary: figures for a period, never content. Built from the school's data by a
 * pure function, so what may be shown is decided (and tested) here, not in a card template.
 */
export interface DirectieSummary {
  period: { kind: SummaryPeriod['kind']; start: Date; end: Date };
  /** Posted more than an hour after it was due (the bot was down). */
  late: boolean;
  trajectories: TrajectoryFigures;
  /** The latest closed kijkwijzer round, when the school has one. */
  kijkwijzer?: KijkwijzerSummary;
  /** Nothing happened and no round closed: the card is one short line. */
  empty: boolean;
}

export interface SummaryInput extends TrajectoryFiguresInput {
  kijkwijzer?: RoundComparison;
}

export function buildDirectieSummary(input: SummaryInput, period: SummaryPeriod, postedAt: Date): DirectieSummary {
  const trajectories = trajectoryFigures(input, period);
  const kijkwijzer = input.kijkwijzer && compareRounds(input.kijkwijzer);
  return {
    period: { kind: period.kind, start: period.start, end: period.end },
    late: period.kind !== 'onDemand' && isLate(period, postedAt),
    trajectories,
    kijkwijzer,
    empty: trajectories.empty && kijkwijzer === undefined,
  };
}
