/** An action of an Adaptive Card as tests read it. */
export type CardAction = { type: string; title: string; verb?: string; url?: string; data?: Record<string, unknown> };

/** Every action of a card, also those inside ActionSets and ShowCards. */
export function actionsOf(card: unknown): CardAction[] {
  const found: CardAction[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.type === 'string' && record.type.startsWith('Action.')) found.push(record as never);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}
