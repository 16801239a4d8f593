/**
 * Splits a round's statements over card pages. A card must stay well under what Teams accepts
 * (about 80 KB advised): each statement's share is estimated from its wording plus a fixed part
 * for its inputs and the longest note the person may type, so even the longest statements fit.
 */
export const PAGE_BUDGET_BYTES = 60_000;
export const STATEMENTS_PER_PAGE = 8;
/** The card's inputs, choices and texts around one statement, JSON-escaped, with room for a full note. */
export const BYTES_PER_STATEMENT = 4_000;

export function statementBytes(text: string): number {
  // Non-ASCII letters take up to three bytes in UTF-8, and may be escaped in JSON.
  return BYTES_PER_STATEMENT + text.length * 6;
}

export function pagesOf<T extends { text: string }>(statements: readonly T[], budget = PAGE_BUDGET_BYTES, perPage = STATEMENTS_PER_PAGE): T[][] {
  const pages: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const statement of statements) {
    const size = statementBytes(statement.text);
    if (current.length > 0 && (used + size > budget || current.length >= perPage)) {
      pages.push(current);
      current = [];
      used = 0;
    }
    current.push(statement);
    used += size;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}
