import { inputIds, marks, ratings, type AnswerProblem, type Progress } from '../domain/kijkwijzer/answers';
import { shownStatement } from '../domain/kijkwijzer/aggregation';
import { compareRounds, type StatementChange } from '../domain/kijkwijzer/comparison';
import { responseRate } from '../domain/kijkwijzer/aggregation';
import type { Round } from '../domain/kijkwijzer/round';
import type { RoundComparison } from '../domain/kijkwijzer/roundFigures';
import type { StatementList, StatementProblem } from '../domain/kijkwijzer/statementList';
import { activeStatements } from '../domain/kijkwijzer/statementList';
import type { RoundStartProblem, Participant } from '../domain/kijkwijzer/round';
import type { PageView, RoundSummary } from '../features/kijkwijzer/KijkwijzerService';
import { fillIn, formatDate, roundName, type Texts, textsFor } from '../texts';
import { renderCard, type AdaptiveCardJson } from './renderCard';

type Notice = { text: string; tone: 'good' | 'attention' };

/** The last day answers are taken: the round closes at midnight after it. */
export function lastDayOf(round: Round): string {
  return formatDate(new Date(round.closesAt.getTime() - 1));
}

function progressText(progress: Progress, texts: Texts): string {
  return fillIn(texts.kijkwijzer.progress, { answered: progress.answered, total: progress.total });
}

export interface PageCardExtras {
  notice?: Notice;
  problems?: Record<string, AnswerProblem>;
  /** What the person sent, shown again when it had problems. */
  typed?: Record<string, string>;
}

/** One page of the kijkwijzer in a participant's own chat, with their own answers filled in. */
export function kijkwijzerPageCard(view: PageView, extras: PageCardExtras = {}, texts: Texts = textsFor()): AdaptiveCardJson {
  const words = texts.kijkwijzer;
  const round = roundName(texts, view.round.sequence);
  const value = (id: string, stored: string | undefined) => (extras.typed && id in extras.typed ? extras.typed[id]! : (stored ?? ''));
  const status = !view.open ? words.roundClosedForAnswers : view.progress.complete ? fillIn(words.complete, { date: lastDayOf(view.round) }) : fillIn(words.closesOn, { date: lastDayOf(view.round) });
  return renderCard(
    'kijkwijzerPage',
    {
      title: fillIn(words.pageTitle, { round }),
      pageOf: fillIn(words.pageOf, { page: view.page + 1, pages: view.pages }),
      progress: progressText(view.progress, texts),
      status,
      notice: extras.notice?.text ?? '',
      noticeColor: extras.notice?.tone === 'attention' ? 'Attention' : 'Good',
      open: view.open,
      isFirst: view.page === 0,
      isLast: view.page >= view.pages - 1,
      roundId: view.round.id,
      page: view.page,
      ratingChoices: ratings.map((rating) => ({ title: words.rating[rating], value: rating })),
      markChoices: [{ title: words.noMark, value: '' }, ...marks.map((mark) => ({ title: words.mark[mark], value: mark }))],
      statements: view.statements.map((statement) => {
        const answer = view.sheet[statement.id];
        const problem = extras.problems?.[statement.id];
        return {
          label: fillIn(words.statementLabel, { number: statement.number }),
          text: statement.text,
          ratingId: inputIds.rating(statement.id),
          markId: inputIds.mark(statement.id),
          noteId: inputIds.note(statement.id),
          rating: value(inputIds.rating(statement.id), answer?.rating),
          mark: value(inputIds.mark(statement.id), answer?.mark),
          note: value(inputIds.note(statement.id), answer?.note),
          answerText: answer ? [words.rating[answer.rating], answer.mark ? words.mark[answer.mark] : ''].filter(Boolean).join(' · ') : '–',
          error: problem ? words.answerProblem[problem] : '',
        };
      }),
    },
    texts,
  );
}

export interface MyRound {
  round: Round;
  progress: Progress;
  open: boolean;
}

/** "Mijn kijkwijzers": the rounds a person takes part in, with their own progress. */
export function myKijkwijzersCard(rounds: MyRound[], isCommissie: boolean, texts: Texts = textsFor()): AdaptiveCardJson {
  const words = texts.kijkwijzer;
  return renderCard(
    'kijkwijzerMine',
    {
      isCommissie,
      rounds: rounds.map(({ round, progress, open }) => ({
        line: fillIn(words.mineLine, {
          round: roundName(texts, round.sequence),
          answered: progress.answered,
          total: progress.total,
          status: open ? fillIn(words.roundOpen, { date: lastDayOf(round) }) : fillIn(words.roundClosed, { date: formatDate(round.closedAt ?? round.closesAt) }),
        }),
        roundId: round.id,
        page: 0,
        buttonTitle: fillIn(open ? words.open : words.viewOwn, { round: roundName(texts, round.sequence) }),
      })),
    },
    texts,
  );
}

export interface ManageCardInput {
  schoolName: string;
  list: StatementList;
  rounds: RoundSummary[];
  notice?: Notice;
  problem?: { statementId?: string; problem: StatementProblem };
  newText?: string;
}

/** Kijkwijzer beheren: the statements to reword, move, retire or add, and the school's rounds. */
export function manageKijkwijzerCard(input: ManageCardInput, texts: Texts = textsFor()): AdaptiveCardJson {
  const words = texts.kijkwijzer;
  const active = activeStatements(input.list);
  const problemFor = (statementId?: string) => (input.problem && input.problem.statementId === statementId ? words.statementProblem[input.problem.problem] : '');
  return renderCard(
    'kijkwijzerManage',
    {
      subtitle: [input.schoolName, fillIn(words.version, { version: input.list.version })].filter(Boolean).join(' · '),
      notice: input.notice?.text ?? '',
      noticeColor: input.notice?.tone === 'attention' ? 'Attention' : 'Good',
      version: input.list.version,
      statements: active.map((statement, index) => ({
        id: statement.id,
        textId: `text_${statement.id}`,
        label: fillIn(words.statementLabel, { number: index + 1 }),
        text: statement.text,
        isFirst: index === 0,
        isLast: index === active.length - 1,
        error: problemFor(statement.id),
      })),
      newText: input.newText ?? '',
      newError: problemFor(undefined),
      canStart: !input.rounds.some((summary) => summary.round.status === 'open'),
      // The newest rounds only: a school measuring for years keeps a card Teams can show.
      rounds: input.rounds.slice(-8).map(({ round, invited, completed, unreachable }) => ({
        roundId: round.id,
        closed: round.status === 'closed',
        line: fillIn(words.roundLine, {
          round: roundName(texts, round.sequence),
          status: round.status === 'open' ? fillIn(words.roundOpen, { date: lastDayOf(round) }) : fillIn(words.roundClosed, { date: formatDate(round.closedAt ?? round.closesAt) }),
          completed,
          invited,
        }),
        unreachable: unreachable.length > 0 && round.status === 'open' ? fillIn(words.unreachable, { names: unreachable.map((person) => person.name).join(', ') }) : '',
        resultTitle: fillIn(words.showResult, { round: roundName(texts, round.sequence) }),
      })),
    },
    texts,
  );
}

export interface StartRoundCardInput {
  sequence: number;
  people: Participant[];
  chosen?: string[];
  closesOn?: string;
  problems?: RoundStartProblem[];
}

/** The form to start a round: a closing date, and who takes part (everyone by default). */
export function startRoundCard(input: StartRoundCardInput, texts: Texts = textsFor()): AdaptiveCardJson {
  const words = texts.kijkwijzer;
  return renderCard(
    'kijkwijzerStartRound',
    {
      title: fillIn(words.startTitle, { round: roundName(texts, input.sequence) }),
      problems: (input.problems ?? []).map((problem) => words.roundProblem[problem]).join(' '),
      closesOn: input.closesOn ?? '',
      people: input.people,
      chosen: (input.chosen ?? input.people.map((person) => person.userId)).join(','),
    },
    texts,
  );
}

function changeText(change: StatementChange | undefined, texts: Texts): string | undefined {
  const words = texts.kijkwijzer;
  if (!change) return undefined;
  if (change.kind === 'new') return words.isNew;
  if (change.kind === 'too-few') return words.tooFew;
  return fillIn(words.changePoints, { points: change.points > 0 ? `+${change.points}` : change.points });
}

export interface ResultCardInput {
  round: Round;
  comparison: RoundComparison;
  notes: Record<string, number>;
  csvUrl: string;
  noteUrl: string;
}

/** The commissie's processing of a closed round: aggregates only, small numbers hidden. */
export function kijkwijzerResultCard(input: ResultCardInput, texts: Texts = textsFor()): AdaptiveCardJson {
  const words = texts.kijkwijzer;
  const { current } = input.comparison;
  const compared = compareRounds(input.comparison);
  return renderCard(
    'kijkwijzerResult',
    {
      title: fillIn(words.resultTitle, { round: roundName(texts, current.sequence) }),
      response: fillIn(words.responseRate, { completed: current.completed, invited: current.invited, rate: responseRate(current) }),
      statements: compared.statements.map(({ figures, sinceNulmeting, sincePrevious }, index) => {
        const shown = shownStatement(figures);
        const changes = [
          changeText(sinceNulmeting, texts) && fillIn(words.sinceNulmeting, { change: changeText(sinceNulmeting, texts) }),
          changeText(sincePrevious, texts) && fillIn(words.sincePrevious, { change: changeText(sincePrevious, texts) }),
        ].filter(Boolean);
        return {
          label: fillIn(words.statementLabel, { number: index + 1 }),
          text: figures.text,
          counts: shown.shown
            ? fillIn(words.counts, {
                plus: shown.counts.plus,
                partly: shown.counts.partly,
                minus: shown.counts.minus,
                plusPct: shown.percentages.plus,
                partlyPct: shown.percentages.partly,
                minusPct: shown.percentages.minus,
              })
            : words.tooFew,
          marks: shown.shown ? fillIn(words.marksLine, { winstpunt: shown.winstpunt, werkpunt: shown.werkpunt, actiepunt: shown.actiepunt, notes: input.notes[figures.statementId] ?? 0 }) : '',
          changes: changes.join(' · '),
        };
      }),
      retired: compared.retiredSinceNulmeting.length > 0 ? fillIn(words.retiredSince, { texts: compared.retiredSinceNulmeting.join('; ') }) : '',
      csvUrl: input.csvUrl,
      noteUrl: input.noteUrl,
    },
    texts,
  );
}
