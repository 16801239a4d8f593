/**
 * The school's list of kijkwijzer statements. Every change makes a new version; a round keeps a
 * copy of the statements it started with, so a change never alters a round already running.
 * A statement keeps its id when reworded or moved, so rounds are compared by identity.
 */
export interface Statement {
  /** Stable across versions: rewording and moving keep it, retiring ends it. */
  id: string;
  text: string;
  retired?: boolean;
}

export interface StatementList {
  version: number;
  /** In display order; retired statements stay, marked, so their id is never handed out again. */
  statements: Statement[];
  /** The number the next added statement gets in its id. */
  nextNumber: number;
}

export const STATEMENT_MAX_LENGTH = 300;
/** The commissie's card lists every active statement; this keeps it within what Teams shows. */
export const MAX_ACTIVE_STATEMENTS = 30;

export type StatementProblem = 'empty' | 'too-long' | 'unknown-statement' | 'retired' | 'unchanged' | 'cannot-move' | 'last-statement' | 'too-many';

export type ListChange = { ok: true; list: StatementList } | { ok: false; problem: StatementProblem };

/** The school's first list: the given wordings (the bot's default Kijkwijzer SVIB) as version 1. */
export function defaultStatementList(texts: readonly string[]): StatementList {
  return { version: 1, statements: texts.map((text, index) => ({ id: `k${index + 1}`, text })), nextNumber: texts.length + 1 };
}

export function activeStatements(list: StatementList): Statement[] {
  return list.statements.filter((statement) => !statement.retired);
}

/** Trims and collapses white space; problems for an empty or overlong text. */
export function cleanStatementText(raw: unknown): { ok: true; text: string } | { ok: false; problem: 'empty' | 'too-long' } {
  const text = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : '';
  if (text === '') return { ok: false, problem: 'empty' };
  if (text.length > STATEMENT_MAX_LENGTH) return { ok: false, problem: 'too-long' };
  return { ok: true, text };
}

function next(list: StatementList, statements: Statement[], nextNumber = list.nextNumber): ListChange {
  return { ok: true, list: { version: list.version + 1, statements, nextNumber } };
}

export function addStatement(list: StatementList, rawText: unknown): ListChange {
  const cleaned = cleanStatementText(rawText);
  if (!cleaned.ok) return cleaned;
  if (activeStatements(list).length >= MAX_ACTIVE_STATEMENTS) return { ok: false, problem: 'too-many' };
  return next(list, [...list.statements, { id: `k${list.nextNumber}`, text: cleaned.text }], list.nextNumber + 1);
}

function findActive(list: StatementList, id: string): { ok: true; index: number } | { ok: false; problem: StatementProblem } {
  const index = list.statements.findIndex((statement) => statement.id === id);
  if (index < 0) return { ok: false, problem: 'unknown-statement' };
  if (list.statements[index]!.retired) return { ok: false, problem: 'retired' };
  return { ok: true, index };
}

export function rewordStatement(list: StatementList, id: string, rawText: unknown): ListChange {
  const found = findActive(list, id);
  if (!found.ok) return found;
  const cleaned = cleanStatementText(rawText);
  if (!cleaned.ok) return cleaned;
  if (list.statements[found.index]!.text === cleaned.text) return { ok: false, problem: 'unchanged' };
  return next(list, list.statements.map((statement, index) => (index === found.index ? { ...statement, text: cleaned.text } : statement)));
}

/** Moves a statement one place up or down among the active ones. */
export function moveStatement(list: StatementList, id: string, direction: 'up' | 'down'): ListChange {
  const found = findActive(list, id);
  if (!found.ok) return found;
  const active = activeStatements(list);
  const position = active.findIndex((statement) => statement.id === id);
  const target = direction === 'up' ? position - 1 : position + 1;
  if (target < 0 || target >= active.length) return { ok: false, problem: 'cannot-move' };
  const reordered = [...active];
  [reordered[position], reordered[target]] = [reordered[target]!, reordered[position]!];
  return next(list, [...reordered, ...list.statements.filter((statement) => statement.retired)]);
}

/** A retired statement is no longer asked; earlier rounds keep it. The list keeps at least one. */
export function retireStatement(list: StatementList, id: string): ListChange {
  const found = findActive(list, id);
  if (!found.ok) return found;
  if (activeStatements(list).length <= 1) return { ok: false, problem: 'last-statement' };
  return next(list, list.statements.map((statement, index) => (index === found.index ? { ...statement, retired: true } : statement)));
}
