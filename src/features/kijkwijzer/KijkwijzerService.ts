import type { RoundMarkCheck } from '../../domain/deliveries/heldDeliveries';
import type { AnnouncedChanges } from '../notifications/Deliveries';
import { applyPage, progressOf, readPageAnswers, type AnswerProblem, type AnswerSheet, type Progress } from '../../domain/kijkwijzer/answers';
import { roundFigures } from '../../domain/kijkwijzer/aggregation';
import { comparisonFor } from '../../domain/kijkwijzer/comparison';
import { pagesOf } from '../../domain/kijkwijzer/paging';
import { acceptsAnswers, closeDue, isParticipant, reminderDue, startRound, type Participant, type Round, type RoundStartProblem } from '../../domain/kijkwijzer/round';
import type { KijkwijzerFigures, RoundComparison, RoundFigures } from '../../domain/kijkwijzer/roundFigures';
import {
  addStatement,
  defaultStatementList,
  moveStatement,
  retireStatement,
  rewordStatement,
  type ListChange,
  type StatementList,
  type StatementProblem,
} from '../../domain/kijkwijzer/statementList';
import { hasRole } from '../../domain/schools/roles';
import type { KijkwijzerAnswerRepository } from '../../storage/kijkwijzer/KijkwijzerAnswerRepository';
import type { KijkwijzerListRepository } from '../../storage/kijkwijzer/KijkwijzerListRepository';
import type { KijkwijzerRoundRepository, StoredFigures, StoredRound } from '../../storage/kijkwijzer/KijkwijzerRoundRepository';
import type { Actor } from '../schools/SchoolDirectory';

/** Where a filled-in page leads: the page itself again, or the one before or after it. */
export type PageMove = 'stay' | 'previous' | 'next';

export interface PageView {
  round: Round;
  page: number;
  pages: number;
  statements: { id: string; text: string; number: number }[];
  /** The person's own answers, and only theirs. */
  sheet: AnswerSheet;
  progress: Progress;
  open: boolean;
}

export type PageOutcome =
  | { ok: true; view: PageView; saved?: number }
  | { ok: false; reason: 'not-found' | 'closed' }
  | { ok: false; reason: 'invalid'; view: PageView; problems: Record<string, AnswerProblem>; typed: Record<string, string> };

export type ListOutcome =
  | { ok: true; list: StatementList }
  | { ok: false; reason: 'not-beheerder' }
  | { ok: false; reason: 'problem'; problem: StatementProblem; list: StatementList; statementId?: string }
  | { ok: false; reason: 'conflict'; list: StatementList };

export type ListEdit =
  | { kind: 'add'; text: unknown }
  | { kind: 'reword'; statementId: string; text: unknown }
  | { kind: 'move'; statementId: string; direction: 'up' | 'down' }
  | { kind: 'retire'; statementId: string };

export interface RoundSummary {
  round: Round;
  invited: number;
  completed: number;
  unreachable: Participant[];
}

export type StartOutcome =
  | { ok: true; round: Round; sent: number; unreachable: Participant[] }
  | { ok: false; reason: 'not-beheerder' }
  | { ok: false; reason: 'invalid'; problems: RoundStartProblem[] };

export type ResultOutcome =
  | { ok: true; round: Round; comparison: RoundComparison; notes: Record<string, number> }
  | { ok: false; reason: 'not-beheerder' | 'not-found' | 'not-closed' };

/** What the service tells people; the Teams layer renders it (cards, texts). */
export interface KijkwijzerMessages {
  /** Sends the first page to a participant; false when the person cannot be reached yet. */
  invite(round: Round, participant: Participant, view: PageView): Promise<boolean>;
  /** Reminds an unfinished participant with the first page that still has open statements. */
  remind(round: Round, participant: Participant, view: PageView): Promise<boolean>;
  /** Tells the commissie (beheerders) that a round closed, with its processing. */
  closed(round: Round, beheerderIds: string[], result: Extract<ResultOutcome, { ok: true }>): Promise<void>;
}

export interface KijkwijzerServiceOptions {
  lists: KijkwijzerListRepository;
  rounds: KijkwijzerRoundRepository;
  answers: KijkwijzerAnswerRepository;
  defaultStatements: readonly string[];
  messages: KijkwijzerMessages;
  /** A round's start or reminder and the messages it sends are written as one (a crash loses neither). */
  changes: AnnouncedChanges;
  beheerdersOf(tenantId: string, schoolId: string): Promise<string[]>;
  now: () => Date;
}

const withoutNotes = ({ notes: _notes, ...figures }: StoredFigures): RoundFigures => figures;

/**
 * The school kijkwijzer in rounds: the commissie (beheerders) keeps the list and starts rounds,
 * each participant fills in their own answers, and closed rounds give figures. A person's
 * answers are only ever read for that person or to count.
 */
export class KijkwijzerService implements KijkwijzerFigures {
  constructor(private readonly options: KijkwijzerServiceOptions) {}

  isCommissie(actor: Actor): boolean {
    return hasRole(actor.roles, 'beheerder');
  }

  async list(tenantId: string, schoolId: string): Promise<{ list: StatementList; etag?: string }> {
    return (await this.options.lists.get(tenantId, schoolId)) ?? { list: defaultStatementList(this.options.defaultStatements) };
  }

  async editList(actor: Actor, edit: ListEdit, expectedVersion?: number): Promise<ListOutcome> {
    if (!this.isCommissie(actor)) return { ok: false, reason: 'not-beheerder' };
    const stored = await this.list(actor.tenantId, actor.schoolId);
    // A card shows one version; an edit made on an older card could undo someone else's change.
    if (expectedVersion !== undefined && expectedVersion !== stored.list.version) return { ok: false, reason: 'conflict', list: stored.list };
    const change = applyEdit(stored.list, edit);
    if (!change.ok) return { ok: false, reason: 'problem', problem: change.problem, list: stored.list, ...('statementId' in edit ? { statementId: edit.statementId } : {}) };
    if (!(await this.options.lists.save(actor.tenantId, actor.schoolId, change.list, stored.etag))) {
      return { ok: false, reason: 'conflict', list: (await this.list(actor.tenantId, actor.schoolId)).list };
    }
    return { ok: true, list: change.list };
  }

  /** The rounds of the actor's school with how far they are; only for the commissie. */
  async rounds(actor: Actor): Promise<RoundSummary[] | undefined> {
    if (!this.isCommissie(actor)) return undefined;
    const rounds = await this.options.rounds.listForSchool(actor.tenantId, actor.schoolId);
    return Promise.all(rounds.map((stored) => this.summaryOf(stored)));
  }

  async nextSequence(actor: Actor): Promise<number> {
    const rounds = await this.options.rounds.listForSchool(actor.tenantId, actor.schoolId);
    return Math.max(0, ...rounds.map((stored) => stored.round.sequence)) + 1;
  }

  /**
   * Starts a round with the people chosen from `candidates` (the school's team as the server knows
   * it); ids in the submit that are not candidates are dropped. The round id follows from its
   * sequence, so a repeated click cannot start a second round.
   */
  async start(actor: Actor, input: { closesOn: unknown; participantIds: readonly string[] }, candidates: readonly Participant[]): Promise<StartOutcome> {
    if (!this.isCommissie(actor)) return { ok: false, reason: 'not-beheerder' };
    const chosen = new Set(input.participantIds);
    const participants = candidates.filter((person) => chosen.has(person.userId));
    const earlier = (await this.options.rounds.listForSchool(actor.tenantId, actor.schoolId)).map((stored) => stored.round);
    const sequence = Math.max(0, ...earlier.map((round) => round.sequence)) + 1;
    const { list } = await this.list(actor.tenantId, actor.schoolId);
    const now = this.options.now();
    const started = startRound({ id: `meting-${sequence}`, tenantId: actor.tenantId, schoolId: actor.schoolId, startedBy: actor.userId, closesOn: input.closesOn, participants, list, earlier, now });
    if (!started.ok) return { ok: false, reason: 'invalid', problems: started.problems };
    const unreachable: Participant[] = [];
    const invite = async () => {
      for (const participant of started.round.participants) {
        const view = this.viewOf(started.round, 0, {});
        if (!(await this.options.messages.invite(started.round, participant, view))) unreachable.push(participant);
      }
    };
    const created = await this.options.changes.withChange(roundMark(started.round, 'startedAt', now), invite, () => this.options.rounds.create(started.round), (wasCreated) => wasCreated);
    if (!created) return { ok: false, reason: 'invalid', problems: ['round-open'] };
    if (unreachable.length > 0) {
      const stored = await this.options.rounds.get(actor.tenantId, actor.schoolId, started.round.id);
      if (stored) await this.options.rounds.update(stored, { ...stored.round, unreachableIds: unreachable.map((person) => person.userId) });
    }
    return { ok: true, round: started.round, sent: started.round.participants.length - unreachable.length, unreachable };
  }

  /** Open rounds the actor takes part in (and closed ones, to look back), newest first, with own progress. */
  async mine(actor: Actor): Promise<{ round: Round; progress: Progress; open: boolean }[]> {
    const rounds = (await this.options.rounds.listForSchool(actor.tenantId, actor.schoolId)).filter((stored) => isParticipant(stored.round, actor.userId));
    const now = this.options.now();
    const mine = await Promise.all(
      rounds.map(async ({ round }) => {
        const sheet = await this.options.answers.sheetOf(actor.tenantId, actor.schoolId, round.id, actor.userId);
        return { round, progress: progressOf(round.statements.map((statement) => statement.id), sheet), open: acceptsAnswers(round, now) };
      }),
    );
    return mine.reverse();
  }

  /** One page of a round for a participant; anyone else gets "not found", whatever id they send. */
  async page(actor: Actor, roundId: string, page: number): Promise<PageOutcome> {
    const round = await this.roundFor(actor, roundId);
    if (!round) return { ok: false, reason: 'not-found' };
    const sheet = await this.options.answers.sheetOf(actor.tenantId, actor.schoolId, round.id, actor.userId);
    return { ok: true, view: this.viewOf(round, page, sheet) };
  }

  /**
   * Saves one page as sent: the statements are the stored round's, never the submit's, and the
   * person is the actor. Nothing is saved when any answer on the page has a problem.
   */
  async savePage(actor: Actor, roundId: string, page: number, data: Record<string, unknown>, move: PageMove): Promise<PageOutcome> {
    const round = await this.roundFor(actor, roundId);
    if (!round) return { ok: false, reason: 'not-found' };
    if (!acceptsAnswers(round, this.options.now())) return { ok: false, reason: 'closed' };
    const pages = pagesOf(round.statements);
    const index = clampPage(page, pages.length);
    const statementIds = pages[index]!.map((statement) => statement.id);
    const sheet = await this.options.answers.sheetOf(actor.tenantId, actor.schoolId, round.id, actor.userId);
    const read = readPageAnswers(statementIds, data);
    if (!read.ok) {
      const typed = Object.fromEntries(Object.entries(data).filter(([key, value]) => typeof value === 'string' && /^(rating|mark|note)_k\d+$/.test(key)).map(([key, value]) => [key, String(value).slice(0, 400)]));
      return { ok: false, reason: 'invalid', view: this.viewOf(round, index, sheet), problems: read.problems, typed };
    }
    await this.options.answers.savePage(actor.tenantId, actor.schoolId, round.id, actor.userId, index, read.answers);
    const next = applyPage(sheet, read);
    const target = move === 'next' ? index + 1 : move === 'previous' ? index - 1 : index;
    return { ok: true, view: this.viewOf(round, target, next), saved: index };
  }

  /** The processing of a closed round, for the commissie: counts, never answers or notes. */
  async result(actor: Pick<Actor, 'tenantId' | 'schoolId' | 'roles'>, roundId: string): Promise<ResultOutcome> {
    if (!hasRole(actor.roles, 'beheerder')) return { ok: false, reason: 'not-beheerder' };
    const rounds = await this.options.rounds.listForSchool(actor.tenantId, actor.schoolId);
    const stored = rounds.find((candidate) => candidate.round.id === roundId);
    if (!stored) return { ok: false, reason: 'not-found' };
    if (stored.round.status !== 'closed' || !stored.figures) return { ok: false, reason: 'not-closed' };
    const closed = rounds.flatMap((candidate) => (candidate.figures ? [withoutNotes(candidate.figures)] : []));
    return { ok: true, round: stored.round, comparison: comparisonFor(withoutNotes(stored.figures), closed), notes: stored.figures.notes };
  }

  async latestClosedComparison(tenantId: string, schoolId: string): Promise<RoundComparison | undefined> {
    const closed = (await this.options.rounds.listForSchool(tenantId, schoolId)).flatMap((stored) => (stored.figures ? [withoutNotes(stored.figures)] : []));
    const latest = closed.at(-1);
    return latest ? comparisonFor(latest, closed) : undefined;
  }

  /**
   * The job's reminder round: each due round is claimed by a conditional write before anyone is
   * reminded, so a second instance or a restart never reminds twice. Returns reminders sent.
   */
  async remindDue(now: Date, schoolDaysBefore: number): Promise<number> {
    let sent = 0;
    for (const stored of await this.options.rounds.listOpen()) {
      if (!reminderDue(stored.round, now, schoolDaysBefore)) continue;
      const sheets = await this.options.answers.sheetsOf(stored.round.tenantId, stored.round.schoolId, stored.round.id);
      const statementIds = stored.round.statements.map((statement) => statement.id);
      const pages = pagesOf(stored.round.statements);
      let reminded = 0;
      const remind = async () => {
        for (const participant of stored.round.participants) {
          const sheet = sheets.get(participant.userId) ?? {};
          if (progressOf(statementIds, sheet).complete) continue;
          const firstOpen = Math.max(0, pages.findIndex((page) => page.some((statement) => !sheet[statement.id])));
          if (await this.options.messages.remind(stored.round, participant, this.viewOf(stored.round, firstOpen, sheet))) reminded++;
        }
      };
      const reminder = { ...stored.round, remindedAt: now };
      const claimed = await this.options.changes.withChange(roundMark(reminder, 'remindedAt', now), remind, () => this.options.rounds.update(stored, reminder), (updated) => updated);
      if (claimed) sent += reminded;
    }
    return sent;
  }

  /** Closes rounds whose date has come, once: the close and its figures are one conditional write. */
  async closeDue(now: Date): Promise<number> {
    let closed = 0;
    for (const stored of await this.options.rounds.listOpen()) {
      if (!closeDue(stored.round, now)) continue;
      const round: Round = { ...stored.round, status: 'closed', closedAt: now };
      const figures = roundFigures(round, await this.options.answers.sheetsOf(round.tenantId, round.schoolId, round.id));
      // The processing as `result` will read it once the close is stored: this round next to the school's closed ones.
      const earlier = (await this.options.rounds.listForSchool(round.tenantId, round.schoolId)).flatMap((other) => (other.figures && other.round.id !== round.id ? [withoutNotes(other.figures)] : []));
      const result = { ok: true as const, round, comparison: comparisonFor(withoutNotes(figures), [...earlier, withoutNotes(figures)]), notes: figures.notes };
      const beheerders = await this.options.beheerdersOf(round.tenantId, round.schoolId);
      const written = await this.options.changes.withChange(
        roundMark(round, 'closedAt', now),
        () => this.options.messages.closed(round, beheerders, result),
        () => this.options.rounds.update(stored, round, figures),
        (updated) => updated,
      );
      if (written) closed++;
    }
    return closed;
  }

  private async summaryOf(stored: StoredRound): Promise<RoundSummary> {
    const { round } = stored;
    const unreachable = round.participants.filter((person) => round.unreachableIds?.includes(person.userId));
    if (stored.figures) return { round, invited: stored.figures.invited, completed: stored.figures.completed, unreachable };
    const figures = roundFigures(round, await this.options.answers.sheetsOf(round.tenantId, round.schoolId, round.id));
    return { round, invited: figures.invited, completed: figures.completed, unreachable };
  }

  private async roundFor(actor: Actor, roundId: string): Promise<Round | undefined> {
    const stored = await this.options.rounds.get(actor.tenantId, actor.schoolId, roundId);
    return stored && isParticipant(stored.round, actor.userId) ? stored.round : undefined;
  }

  private viewOf(round: Round, page: number, sheet: AnswerSheet): PageView {
    const pages = pagesOf(round.statements);
    const index = clampPage(page, pages.length);
    const numbers = new Map(round.statements.map((statement, position) => [statement.id, position + 1]));
    return {
      round,
      page: index,
      pages: pages.length,
      statements: (pages[index] ?? []).map((statement) => ({ ...statement, number: numbers.get(statement.id)! })),
      sheet,
      progress: progressOf(round.statements.map((statement) => statement.id), sheet),
      open: acceptsAnswers(round, this.options.now()),
    };
  }
}

function clampPage(page: number, pages: number): number {
  if (!Number.isInteger(page) || page < 0) return 0;
  return Math.min(page, Math.max(0, pages - 1));
}

function applyEdit(list: StatementList, edit: ListEdit): ListChange {
  switch (edit.kind) {
    case 'add':
      return addStatement(list, edit.text);
    case 'reword':
      return rewordStatement(list, edit.statementId, edit.text);
    case 'move':
      return moveStatement(list, edit.statementId, edit.direction);
    case 'retire':
      return retireStatement(list, edit.statementId);
  }
}

function roundMark(round: Round, mark: RoundMarkCheck['mark'], at: Date): RoundMarkCheck {
  return { kind: 'roundMark', tenantId: round.tenantId, schoolId: round.schoolId, roundId: round.id, mark, at: at.toISOString() };
}
