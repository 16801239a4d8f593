/**
 * A short free text typed by a person (a reason, a training goal): trimmed, and
 * whitespace-only counts as nothing typed.
 */
export type FreeText = { kind: 'empty' } | { kind: 'too-long' } | { kind: 'text'; text: string };

export const reasonMaxLength = 500;
export const goalMaxLength = 1000;

export function readFreeText(value: string | undefined, maxLength: number): FreeText {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return { kind: 'empty' };
  if (text.length > maxLength) return { kind: 'too-long' };
  return { kind: 'text', text };
}
