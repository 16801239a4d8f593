import { nl, type Texts } from './nl';

export type { Texts };

const byLanguage: Record<string, Texts> = { nl };

/** The texts for a language; Dutch is the only language so far and the fallback. */
export function textsFor(language = 'nl'): Texts {
  return byLanguage[language] ?? nl;
}
