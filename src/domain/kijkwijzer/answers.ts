import type { Rating } from './roundFigures';

export const marks = ['winstpunt', 'werkpunt', 'actiepunt'] as const;
export type Mark = (typeof marks)[number];
export const ratings: readonly Rating[] = ['plus', 'partly', 'minus'];

export const NOTE_MAX_LENGTH = 280;

/** One person's answer to one statement; the note is theirs alone. */
export interface Answer {
  statementId: string;
  rating: Rating;
  mark?: Mark;
  note?: string;
}

/** A person's answers in one round, by statement id. Only that person ever sees it. */
export type AnswerSheet = Record<string, Answer>;

export type AnswerProblem = 'mark-without-rating' | 'note-without-rating' | 'note-too-long' | 'unknown-choice';

export type PageAnswers = { ok: true; answers: Answer[]; cleared: string[] } | { ok: false; problems: Record<string, AnswerProblem> };

/** Input ids on the page card: one set per statement. */
export const inputIds = {
  rating: (statementId: string) => `rating_${statementId}`,
  mark: (statementId: string) => `mark_${statementId}`,
  note: (statementId: string) => `note_${statementId}`,
};

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Reads one submitted page for the given statements (taken from the stored round, never from the
 * submit). Unanswered statements are cleared; nothing is kept when any statement has a problem.
 */
export function readPageAnswers(statementIds: readonly string[], data: Record<string, unknown>): PageAnswers {
  const answers: Answer[] = [];
  const cleared: string[] = [];
  const problems: Record<string, AnswerProblem> = {};
  for (const statementId of statementIds) {
    const rawRating = text(data[inputIds.rating(statementId)]);
    const rawMark = text(data[inputIds.mark(statementId)]);
    const note = text(data[inputIds.note(statementId)]).replace(/\s+/g, ' ');
    const rating = ratings.find((candidate) => candidate === rawRating);
    const mark = marks.find((candidate) => candidate === rawMark);
    if ((rawRating && !rating) || (rawMark && !mark)) problems[statementId] = 'unknown-choice';
    else if (note.length > NOTE_MAX_LENGTH) problems[statementId] = 'note-too-long';
    else if (!rating && mark) problems[statementId] = 'mark-without-rating';
    else if (!rating && note) problems[statementId] = 'note-without-rating';
    else if (!rating) cleared.push(statementId);
    else answers.push({ statementId, rating, ...(mark ? { mark } : {}), ...(note ? { note } : {}) });
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, answers, cleared };
}

/** A sheet with one page's answers applied. */
export function applyPage(sheet: AnswerSheet, page: { answers: Answer[]; cleared: string[] }): AnswerSheet {
  const next: AnswerSheet = { ...sheet };
  for (const statementId of page.cleared) delete next[statementId];
  for (const answer of page.answers) next[answer.statementId] = answer;
  return next;
}

export interface Progress {
  answered: number;
  total: number;
  complete: boolean;
}

/** How far a person is: statements of the round with a rating. */
export function progressOf(statementIds: readonly string[], sheet: AnswerSheet): Progress {
  const answered = statementIds.filter((id) => sheet[id] !== undefined).length;
  return { answered, total: statementIds.length, complete: statementIds.length > 0 && answered === statementIds.length };
}
