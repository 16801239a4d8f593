import type { Grant } from '../domain/recordings/recording';
import type { AuditEntry } from '../storage/audit/AuditLog';
import { fillIn } from '../texts/nlTrajectories';
import { textsFor, type Texts } from '../texts';
import { cardVerbs } from './cardVerbs';
import { formatDate, formatDateTime } from './formatDate';
import { renderCard, type AdaptiveCardJson } from './renderCard';

/** The teacher decides who else may see one recording, and can withdraw it again. */
export function accessCard(
  input: { recordingId: string; cycle: number; grants: readonly Grant[]; people: readonly { userId: string; name: string }[]; notice?: { text: string; tone: 'good' | 'attention' } },
  texts: Texts = textsFor(),
): AdaptiveCardJson {
  const words = texts.recordings;
  return renderCard(
    'access',
    {
      title: fillIn(words.accessTitle, { cycle: input.cycle }),
      notice: input.notice?.text ?? '',
      noticeColor: input.notice?.tone === 'attention' ? 'Attention' : 'Good',
      grants: input.grants
        .filter((grant) => !grant.withdrawnAt)
        .map((grant) => ({
          name: grant.granteeName,
          until: grant.until ? fillIn(words.untilDate, { date: formatDate(grant.until) }) : words.untilNone,
          withdrawTitle: words.withdraw,
          verb: cardVerbs.recordingWithdraw,
          recordingId: input.recordingId,
          grantId: grant.id,
        })),
      people: input.people.map((person) => ({ title: person.name, value: person.userId })),
      recordingId: input.recordingId,
    },
    texts,
  );
}

export function auditLogCard(entries: readonly AuditEntry[], nameOf: (userId: string) => string, texts: Texts = textsFor()): AdaptiveCardJson {
  const words = texts.recordings;
  return renderCard(
    'auditLog',
    {
      entries: entries.map((entry) => ({
        when: formatDateTime(entry.at),
        who: nameOf(entry.actorId),
        what: `${words.auditActions[entry.action] ?? entry.action}${entry.result === 'refused' ? ` (${words.auditRefused})` : ''}`,
        color: entry.result === 'refused' ? 'Attention' : 'Default',
      })),
    },
    texts,
  );
}
