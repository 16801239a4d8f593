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
