/**
 * User text in cards. Names, intake answers, notes and reasons are typed by people and shown to
 * other people: Teams renders markdown in TextBlocks and facts, so `[klik](https://…)` would be a
 * live link on a colleague's card. renderCard escapes every string of a card's data here, in one
 * place, so no template can forget; only our own words may carry markdown, marked as such.
 */
import { escapeMarkdown, unescapeMarkdown } from '../texts';

export { escapeMarkdown, unescapeMarkdown };

/** Our own text with intended markdown (e.g. *gedeeld met mij*); any user part in it escaped already. */
export class TrustedMarkdown {
  constructor(readonly text: string) {}
}

export function trustedMarkdown(text: string): TrustedMarkdown {
  return new TrustedMarkdown(text);
}

/** Every string in the data escaped, trusted markdown passed on as it is; ids and urls survive the round trip. */
export function escapeData(value: unknown): unknown {
  if (typeof value === 'string') return escapeMarkdown(value);
  if (value instanceof TrustedMarkdown) return value.text;
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(escapeData);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, escapeData(inner)]));
  return value;
}

/**
 * After expansion: only a TextBlock's text and a fact's title and value are shown as markdown;
 * every other string (input values, choice titles and values, action data, urls) gets back the
 * exact text, so a prefilled answer or an id comes back unchanged when submitted.
 */
export function restorePlainFields(node: unknown, markdownKeys: ReadonlySet<string> = new Set()): unknown {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map((item) => restorePlainFields(item, markdownKeys));
  if (!node || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  const ownMarkdown = record.type === 'TextBlock' ? new Set(['text']) : markdownKeys;
  return Object.fromEntries(
    Object.entries(record).map(([key, inner]) => {
      if (typeof inner === 'string') return [key, ownMarkdown.has(key) ? inner : unescapeMarkdown(inner)];
      // The facts of a FactSet show markdown in their title and value.
      if (record.type === 'FactSet' && key === 'facts') return [key, restorePlainFields(inner, new Set(['title', 'value']))];
      return [key, restorePlainFields(inner)];
    }),
  );
}
