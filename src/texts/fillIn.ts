import { escapeMarkdown } from './markdown';

/**
 * `{name}` placeholders of a text filled from `values`; an unknown name stays as it is. Neutral
 * of language: the words come from the texts of a language, this only fills them in. The
 * recording pages' scripts (src/web) use it too.
 */
export function fillIn(template: string, values: Record<string, string | number | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * `fillIn` for a text message (a proactive notice, a reply): the values are escaped for Teams'
 * markdown, so a colleague called `*Jan*` or a note with `[link](…)` reads as typed, while the
 * template's own markdown (*mijn trajecten*) stays. Numbers are ours and go in as they are.
 */
export function fillInMessage(template: string, values: Record<string, string | number | undefined>): string {
  return fillIn(template, Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'string' ? escapeMarkdown(value) : value])));
}
