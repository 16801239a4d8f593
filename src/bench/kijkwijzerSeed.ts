import { inputIds } from '../domain/kijkwijzer/answers';
import { pagesOf } from '../domain/kijkwijzer/paging';
import type { Round } from '../domain/kijkwijzer/round';
import type { Rating } from '../domain/kijkwijzer/roundFigures';
import type { Actor } from '../features/schools/SchoolDirectory';
import type { BenchApp } from './benchApp';
import { forEachLimited } from './parallel';

export const KIJKWIJZER_ROUNDS = 4;

/** One school of the board as the kijkwijzer sees it: its beheerder and its team. */
export interface BoardSchool {
  schoolId: string;
  beheerder: Actor;
  teachers: Actor[];
}

const DAY_MS = 86_400_000;

/** A closing date `days` ahead, as the start card's date input sends it. */
export function closingDate(days: number, now = new Date()): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * What teacher `teacher` answers to statement `statement` in round `sequence`: a school that
 * improves a little each round, with werkpunten where something is not yet in place. Four in
 * five teachers answer (a different fifth each round), so every round has non-respondents.
 */
export function benchAnswers(statementIds: readonly string[], teacher: number, sequence: number): Record<string, string> | undefined {
  if ((teacher + sequence) % 5 === 0) return undefined;
  const ratings: Rating[] = ['minus', 'partly', 'plus'];
  const data: Record<string, string> = {};
  statementIds.forEach((statementId, statement) => {
    const score = (teacher * 7 + statement * 3) % 5;
    const rating = ratings[Math.min(2, Math.floor((score + sequence) / 2.5))];
    data[inputIds.rating(statementId)] = rating;
    if (rating === 'minus') data[inputIds.mark(statementId)] = 'werkpunt';
    else if (rating === 'plus' && score === 4) data[inputIds.mark(statementId)] = 'winstpunt';
  });
  return data;
}

/**
 * Starts a round at one school through `KijkwijzerService.start` (as the beheerder's start card
 * does), with every teacher invited; returns the round and how many invitations it queued.
 */
export async function startBoardRound(app: BenchApp, school: BoardSchool, closesOn: string): Promise<{ round: Round; sent: number }> {
  const candidates = school.teachers.map((teacher) => ({ userId: teacher.userId, name: teacher.name }));
  const outcome = await app.composed.kijkwijzer.start(school.beheerder, { closesOn, participantIds: candidates.map((candidate) => candidate.userId) }, candidates);
  if (!outcome.ok) throw new Error(`kijkwijzer round at ${school.schoolId} not started: ${outcome.reason}${'problems' in outcome ? ` (${outcome.problems.join(', ')})` : ''}`);
  return { round: outcome.round, sent: outcome.sent };
}

/**
 * Four kijkwijzer rounds per school, through the service as people use it: the beheerder starts a
 * round, each answering teacher saves their page(s), and the service's own close (as its job
 * runs it) closes every school's round and stores its figures. Run before anyone has installed
 * the bot, so the invitations of these old rounds reach nobody and queue nothing.
 */
export async function seedKijkwijzerRounds(app: BenchApp, schools: readonly BoardSchool[]): Promise<{ rounds: number; pages: number }> {
  const { kijkwijzer } = app.composed;
  let rounds = 0;
  let pages = 0;
  for (let sequence = 1; sequence <= KIJKWIJZER_ROUNDS; sequence++) {
    let closesAt = 0;
    await forEachLimited(schools, 2, async (school) => {
      const { round } = await startBoardRound(app, school, closingDate(7 * sequence));
      rounds++;
      closesAt = Math.max(closesAt, round.closesAt.getTime());
      const roundPages = pagesOf(round.statements);
      await forEachLimited(school.teachers, 8, async (teacher, index) => {
        const data = benchAnswers(
          round.statements.map((statement) => statement.id),
          index,
          sequence,
        );
        if (!data) return;
        for (let page = 0; page < roundPages.length; page++) {
          const saved = await kijkwijzer.savePage(teacher, round.id, page, data, 'next');
          if (!saved.ok) throw new Error(`kijkwijzer page not saved: ${saved.reason}`);
          pages++;
        }
      });
    });
    // The close as the kijkwijzer job runs it, at the closing moment.
    const closed = await kijkwijzer.closeDue(new Date(closesAt + 1000));
    if (closed !== schools.length) throw new Error(`closed ${closed} of ${schools.length} kijkwijzer rounds ${sequence}`);
  }
  return { rounds, pages };
}
