/**
 * The figures of kijkwijzer rounds that leave the kijkwijzer feature: counts per statement, never
 * a person's answers or notes. The commissie's processing and the directie summary both read
 * these; each applies its own suppression of small numbers before anything is shown.
 */
export type Rating = 'plus' | 'partly' | 'minus';

export interface RatingCounts {
  plus: number;
  partly: number;
  minus: number;
}

export interface StatementFigures {
  /** Stable identity of the statement across list versions (rewording keeps it, retiring ends it). */
  statementId: string;
  /** The wording in the version this round used. */
  text: string;
  counts: RatingCounts;
  winstpunt: number;
  werkpunt: number;
  actiepunt: number;
}

export interface RoundFigures {
  roundId: string;
  /** 1 is the nulmeting, 2 the first re-measurement ("meting 2"), and so on. */
  sequence: number;
  startedAt: Date;
  closesAt: Date;
  /** Set once the round has closed. */
  closedAt?: Date;
  /** People invited to take part, and those who finished every statement. */
  invited: number;
  completed: number;
  statements: StatementFigures[];
}

/** A round against the school's nulmeting and the round before it (absent where there is none). */
export interface RoundComparison {
  current: RoundFigures;
  nulmeting?: RoundFigures;
  previous?: RoundFigures;
}

/** The port through which other features read kijkwijzer figures of one school. */
export interface KijkwijzerFigures {
  /** The newest closed round of the school compared with its nulmeting and previous round. */
  latestClosedComparison(tenantId: string, schoolId: string): Promise<RoundComparison | undefined>;
}
