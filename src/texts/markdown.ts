/**
 * Teams shows markdown in a card's TextBlocks and in a text message alike, so a name like `*Jan*`
 * or a note with `[klik](https://…)` typed by one person would be emphasis or a live link for
 * another. Escaping lives here, beside the texts, so cards (src/cards/cardText.ts) and text
 * messages (`fillInMessage`) escape the same way.
 */

/**
 * The characters that make markup: links and images need `[`, HTML and autolinks `<`, emphasis
 * `*` `_` `~`, code a backtick; a heading a `#` at the start of a line; a bare link `://`.
 * Parentheses and `!` are harmless once `[` is escaped, so our own words keep them plain.
 */
const SPECIAL = /[\\`*_[\]<>~]/g;
const ESCAPED = /\\([\\`*_[\]<>~#/])/g;

/** Backslash escapes (CommonMark): the text reads the same, nothing of it is markup or a link. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(SPECIAL, '\\$&')
    .replace(/^(\s*)#/gm, '$1\\#')
    .replace(/:\/\//g, ':\\/\\/');
}

/** The exact text again, for the places in a card that show no markdown (inputs, choices, data). */
export function unescapeMarkdown(text: string): string {
  return text.replace(ESCAPED, '$1');
}
