/**
 * Small numbers are never shown to the directie: a count under three could point at one person.
 * Primary suppression hides every count below the threshold; complementary suppression then hides
 * more cells wherever a hidden one could be worked out by subtraction from a total.
 */
export const SUPPRESSION_THRESHOLD = 3;

/** A count that is shown, or hidden ("< 3"). */
export type Shown = { kind: 'count'; value: number } | { kind: 'hidden' };

/** A published cell, or one that is never shown but must still not be derivable (e.g. non-starters). */
export interface Cell {
  value: number;
  /** False for a figure that is never shown itself but would be revealed by subtraction. */
  published: boolean;
}

/** `total = sum(parts)`: the reader can subtract whatever is shown from whatever else is shown. */
export interface Relation {
  total: string;
  parts: readonly string[];
}

/**
 * Decides which cells are hidden. Rules, applied until nothing changes:
 * 1. a cell under the threshold is hidden (primary);
 * 2. in every relation whose total is known, the sum of its unknown parts can be worked out by
 *    subtraction; when that sum is under the threshold (one hidden cell, or two that together are
 *    small, or "all the rest are zero") the smallest known part is hidden too, or the total when
 *    no part is left.
 * Unpublished cells count as unknown: they are never shown, but must not be derivable either.
 * A hidden total needs no rule of its own: known parts are each at least the threshold, so a
 * total under it always has unknown parts.
 */
export function suppress(cells: Readonly<Record<string, Cell>>, relations: readonly Relation[], threshold = SUPPRESSION_THRESHOLD): Set<string> {
  const unknown = new Set<string>();
  const hidden = new Set<string>();
  const hide = (name: string) => {
    unknown.add(name);
    hidden.add(name);
  };
  for (const [name, cell] of Object.entries(cells)) {
    if (!cell.published) unknown.add(name);
    else if (cell.value < threshold) hide(name);
  }
  const smallestKnown = (names: readonly string[]) =>
    names.filter((name) => !unknown.has(name)).sort((a, b) => cells[a].value - cells[b].value || a.localeCompare(b))[0];

  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of relations) {
      if (unknown.has(relation.total)) continue;
      const unknownParts = relation.parts.filter((part) => unknown.has(part));
      if (unknownParts.length === 0) continue;
      const derivedSum = unknownParts.reduce((sum, part) => sum + cells[part].value, 0);
      if (derivedSum >= threshold) continue;
      hide(smallestKnown(relation.parts) ?? relation.total);
      changed = true;
    }
  }
  return hidden;
}

export function shownOf(name: string, cells: Readonly<Record<string, Cell>>, hidden: ReadonlySet<string>): Shown {
  return hidden.has(name) ? { kind: 'hidden' } : { kind: 'count', value: cells[name].value };
}
