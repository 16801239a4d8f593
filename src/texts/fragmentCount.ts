import { fillIn } from './fillIn';
import type { Texts } from './nl';

/** "1 fragment" or "3 fragmenten". */
export function fragmentCount(count: number, texts: Texts): string {
  return count === 1 ? texts.recordings.oneFragment : fillIn(texts.recordings.manyFragments, { count });
}
