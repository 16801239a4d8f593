import { schoolDaysBetween } from '../calendar/schoolDays';
import { amsterdamLocalToUtc, addDays, schoolLocal } from '../scheduling/schoolClock';
import { activeStatements, type StatementList } from './statementList';

export interface Participant {
  userId: string;
  name: string;
}

/** One measurement: the nulmeting (sequence 1) or a later meting, with the statements it began with. */
export interface Round {
  id: string;
  tenantId: string;
  schoolId: string;
  sequence: number;
  listVersion: number;
  statements: { id: string; text: string }[];
  participants: Participant[];
  startedBy: string;
  startedAt: Date;
  /** The round closes at this instant (the end of the chosen closing day at school). */
  closesAt: Date;
  status: 'open' | 'closed';
  closedAt?: Date;
  remindedAt?: Date;
  /** Participants the bot could not reach when the round started (no personal chat with it yet). */
  unreachableIds?: string[];
}

export type RoundStartProblem = 'closing-date-invalid' | 'closing-date-past' | 'no-participants' | 'round-open' | 'no-statements';

export type RoundStart = { ok: true; round: Round } | { ok: false; problems: RoundStartProblem[] };

export interface RoundStartInput {
  id: string;
  tenantId: string;
  schoolId: string;
  startedBy: string;
  /** "YYYY-MM-DD" as the date input sends it. */
  closesOn: unknown;
  participants: Participant[];
  list: StatementList;
  /** Every earlier round of the school. */
  earlier: readonly Round[];
  now: Date;
}

/** The instant a round closing on `date` closes: midnight after that day at school. */
export function closingInstant(date: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const local = amsterdamLocalToUtc(date, '00:00');
  if (!local || schoolLocal(local).date !== date) return undefined;
  return amsterdamLocalToUtc(addDays(date, 1), '00:00');
}

/** Checks everything at once so the card can name every problem. */
export function startRound(input: RoundStartInput): RoundStart {
  const problems: RoundStartProblem[] = [];
  const closesAt = typeof input.closesOn === 'string' ? closingInstant(input.closesOn) : undefined;
  if (!closesAt) problems.push('closing-date-invalid');
  else if (closesAt.getTime() <= input.now.getTime() + 86_400_000) problems.push('closing-date-past');
  const participants = [...new Map(input.participants.map((person) => [person.userId, person])).values()];
  if (participants.length === 0) problems.push('no-participants');
  if (input.earlier.some((round) => round.status === 'open')) problems.push('round-open');
  const statements = activeStatements(input.list).map(({ id, text }) => ({ id, text }));
  if (statements.length === 0) problems.push('no-statements');
  if (problems.length > 0 || !closesAt) return { ok: false, problems };
  return {
    ok: true,
    round: {
      id: input.id,
      tenantId: input.tenantId,
      schoolId: input.schoolId,
      sequence: Math.max(0, ...input.earlier.map((round) => round.sequence)) + 1,
      listVersion: input.list.version,
      statements,
      participants,
      startedBy: input.startedBy,
      startedAt: input.now,
      closesAt,
      status: 'open',
    },
  };
}

export function isParticipant(round: Round, userId: string): boolean {
  return round.participants.some((person) => person.userId === userId);
}

/** Answers can be changed while the round is open and its closing moment has not come. */
export function acceptsAnswers(round: Round, now: Date): boolean {
  return round.status === 'open' && now.getTime() < round.closesAt.getTime();
}

export function closeDue(round: Round, now: Date): boolean {
  return round.status === 'open' && now.getTime() >= round.closesAt.getTime();
}

/** The one reminder goes out once we are within `schoolDaysBefore` school days of closing. */
export function reminderDue(round: Round, now: Date, schoolDaysBefore: number): boolean {
  if (round.status !== 'open' || round.remindedAt || now.getTime() >= round.closesAt.getTime()) return false;
  const lastDay = new Date(round.closesAt.getTime() - 1);
  return schoolDaysBetween(now, lastDay) <= schoolDaysBefore;
}
