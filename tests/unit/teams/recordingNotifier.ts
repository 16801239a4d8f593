import type { CardJson } from '../../../src/domain/deliveries/delivery';
import type { CardTracking, Notifier } from '../../../src/features/notifications/Notifier';

export type Sent =
  | { kind: 'card'; userId: string; card: CardJson; tracking?: CardTracking }
  | { kind: 'text'; userId: string; text: string }
  | { kind: 'update'; tracking: CardTracking; cardFor: (userId: string) => CardJson };

/** A Notifier that keeps what it was asked to send, in order, so a notice's messages can be read back. */
export function recordingNotifier(): { notifier: Notifier; sent: Sent[] } {
  const sent: Sent[] = [];
  const notifier: Notifier = {
    async sendCard(_tenantId, userId, card, tracking) {
      sent.push({ kind: 'card', userId, card, ...(tracking ? { tracking } : {}) });
      return true;
    },
    async sendText(_tenantId, userId, text) {
      sent.push({ kind: 'text', userId, text });
      return true;
    },
    async updateTracked(tracking, cardFor) {
      sent.push({ kind: 'update', tracking, cardFor });
    },
  };
  return { notifier, sent };
}

/** Every text a card shows, joined, so a test can look for words without knowing the layout. */
export function wordsOf(card: CardJson): string {
  const words: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'text' || key === 'title' || key === 'value' || key === 'url') && typeof inner === 'string') words.push(inner);
        else walk(inner);
      }
    }
  };
  walk(card);
  return words.join('\n');
}
