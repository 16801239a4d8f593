import { fillIn } from './fillIn';
import type { Texts } from './nl';

/** The name of a kijkwijzer round: the first is the nulmeting, the ones after it numbered metingen. */
export function roundName(texts: Texts, sequence: number): string {
  return sequence === 1 ? texts.kijkwijzer.nulmeting : fillIn(texts.kijkwijzer.meting, { sequence });
}
