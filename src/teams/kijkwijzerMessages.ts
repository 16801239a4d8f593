import { kijkwijzerPageCard, kijkwijzerResultCard, lastDayOf } from '../cards/kijkwijzerCards';
import { renderCard } from '../cards/renderCard';
import { fillIn, roundName, type Texts } from '../texts';
import type { Notifier } from '../features/notifications/Notifier';
import type { KijkwijzerDownloads } from '../features/kijkwijzer/KijkwijzerDownloads';
import type { KijkwijzerMessages } from '../features/kijkwijzer/KijkwijzerService';

export interface KijkwijzerMessagesOptions {
  notifier: Notifier;
  downloads: KijkwijzerDownloads;
  texts: Texts;
}

/** Invitations, reminders and the closing notice, each in the person's own chat. */
export function createKijkwijzerMessages(options: KijkwijzerMessagesOptions): KijkwijzerMessages {
  const { notifier, texts } = options;
  const words = texts.kijkwijzer;
  return {
    invite: (round, participant, view) =>
      notifier.sendCard(round.tenantId, participant.userId, kijkwijzerPageCard(view, { notice: { text: fillIn(words.invitation, { round: roundName(texts, round.sequence), date: lastDayOf(round) }), tone: 'good' } }, texts)),
    remind: (round, participant, view) =>
      notifier.sendCard(
        round.tenantId,
        participant.userId,
        kijkwijzerPageCard(view, { notice: { text: fillIn(words.reminder, { round: roundName(texts, round.sequence), date: lastDayOf(round), answered: view.progress.answered, total: view.progress.total }), tone: 'attention' } }, texts),
      ),
    closed: async (round, beheerderIds, result) => {
      for (const userId of beheerderIds) {
        const actor = { tenantId: round.tenantId, schoolId: round.schoolId, userId };
        await notifier.sendCard(
          round.tenantId,
          userId,
          renderCard('notice', { title: fillIn(words.resultTitle, { round: roundName(texts, round.sequence) }), text: fillIn(words.closedNotice, { round: roundName(texts, round.sequence), completed: result.comparison.current.completed, invited: result.comparison.current.invited }), url: '' }, texts),
        );
        await notifier.sendCard(
          round.tenantId,
          userId,
          kijkwijzerResultCard({ ...result, csvUrl: options.downloads.urlFor(actor, round.id, 'csv'), noteUrl: options.downloads.urlFor(actor, round.id, 'notitie') }, texts),
        );
      }
    },
  };
}
