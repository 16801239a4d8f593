import { textsFor } from '../../../src/texts';

/** Every string of the texts, with the path it sits at. */
function allTexts(value: unknown, path = 'texts'): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => allTexts(inner, `${path}.${key}`));
  return [];
}

// A teacher, a begeleider or a colleague can be anyone: no "haar begeleider", "zijn traject",
// "zij vult". ("hem" for a kijkwijzer or an opname is grammar, not a person.)
const possessive = /\b(haar|zijn)\s+(eigen\s+)?(begeleiders?|trajecten|traject|opnames?|kijkwijzers?|leervraag|hulpvraag|groep|klas|lessen|les|collega'?s?|fragmenten)\b/i;
const personalPronoun = /\b(zij|hij|ze)\s+(vult|ziet|kan|mag|heeft|bepaalt|kiest|wil|krijgt|deelt)\b/i;

describe('the Dutch texts', () => {
  const texts = allTexts(textsFor());

  it('are many: the scan below reads all of them', () => {
    expect(texts.length).toBeGreaterThan(300);
    expect(texts.map(([path]) => path)).toContain('texts.kijkwijzer.observation.refusal.not-shared');
  });

  it('assume no gender of the teacher, the begeleider or a colleague', () => {
    const gendered = texts.filter(([, text]) => possessive.test(text) || personalPronoun.test(text));
    expect(gendered).toEqual([]);
  });
});
