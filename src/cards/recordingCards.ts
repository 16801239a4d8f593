import type { Fragment, Grant, Recording } from '../domain/recordings/recording';
import type { AuditEntry } from '../domain/recordings/auditEntry';
import { fillIn, formatDate, formatDateTime, fragmentCount, type Texts, textsFor } from '../texts';
import { cardVerbs } from './cardVerbs';
import { escapeMarkdown, trustedMarkdown, type TrustedMarkdown } from './cardText';
import { renderCard, type AdaptiveCardJson } from './renderCard';

/** "01:05–01:32 · Aansluiten · kijkt de klas rond": how a fragment is named on cards. */
export function fragmentTitle(fragment: Fragment, aspectTitle: (aspect: string) => string | undefined): string {
  const time = (seconds: number) => {
    const hours = Math.floor(seconds / 3600);
    const rest = `${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    return hours > 0 ? `${hours}:${rest}` : rest;
  };
  return [`${time(fragment.startSecond)}–${time(fragment.endSecond)}`, aspectTitle(fragment.aspect) ?? fragment.aspect, fragment.note].filter(Boolean).join(' · ');
}

export interface AccessCardInput {
  recordingId: string;
  /** The way back to the trajectory card this one replaced. */
  trajectoryId?: string;
  cycle: number;
  grants: readonly Grant[];
  people: readonly { userId: string; name: string }[];
  /** The recording's fragments, to share only some of them. */
  fragments?: readonly Fragment[];
  /** False where clips cannot be cut (no ffmpeg): then only whole recordings are shared. */
  fragmentSharing?: boolean;
  aspectTitle?: (aspect: string) => string | undefined;
  /** Plain text (escaped like all card data), or our own words with markdown. */
  notice?: { text: string | TrustedMarkdown; tone: 'good' | 'attention' };
  /** False once the trajectory stopped or closed: grants can still be withdrawn and the recording deleted, not shared. */
  canGrant?: boolean;
}

/** The teacher decides who else may see one recording (or chosen fragments), and can withdraw it again. */
export function accessCard(input: AccessCardInput, texts: Texts = textsFor()): AdaptiveCardJson {
  const words = texts.recordings;
  const fragments = input.fragments ?? [];
  const sharing = input.fragmentSharing ?? false;
  const fragmentHint = fragments.length === 0 ? words.noFragmentsYet : sharing ? '' : words.fragmentSharingUnavailable;
  return renderCard(
    'access',
    {
      title: fillIn(words.accessTitle, { cycle: input.cycle }),
      notice: input.notice?.text ?? (input.canGrant === false ? words.trajectoryEnded : ''),
      noticeColor: input.notice?.tone === 'attention' ? 'Attention' : 'Good',
      grants: input.grants
        .filter((grant) => !grant.withdrawnAt)
        .map((grant) => ({
          name: grant.granteeName,
          scope: grant.scope.kind === 'recording' ? words.scopeWhole : fragmentCount(grant.scope.fragmentIds.length, texts),
          until: grant.until ? fillIn(words.untilDate, { date: formatDate(grant.until) }) : words.untilNone,
          observations: grant.includeObservations === true ? ` · ${words.withObservations}` : '',
          withdrawTitle: words.withdraw,
          verb: cardVerbs.recordingWithdraw,
          recordingId: input.recordingId,
          grantId: grant.id,
        })),
      people: input.people.map((person) => ({ title: person.name, value: person.userId })),
      fragments: fragments.map((fragment) => ({ title: fragmentTitle(fragment, input.aspectTitle ?? (() => undefined)), value: fragment.id })),
      fragmentSharing: sharing,
      fragmentHint,
      canGrant: input.canGrant ?? true,
      recordingId: input.recordingId,
      trajectoryId: input.trajectoryId ?? '',
    },
    texts,
  );
}

/**
 * The audit log. A grant or its withdrawal says to whom and for which recording, when the grant is
 * known (`cycleOfGrant`); the grantee is the entry's detail.
 */
export function auditLogCard(entries: readonly AuditEntry[], nameOf: (userId: string) => string, texts: Texts = textsFor(), cycleOfGrant: (grantId: string) => number | undefined = () => undefined): AdaptiveCardJson {
  const words = texts.recordings;
  const describe = (entry: AuditEntry) => {
    const cycle = entry.objectType === 'grant' && entry.result === 'allowed' && entry.detail ? cycleOfGrant(entry.objectId) : undefined;
    if (cycle !== undefined && entry.action === 'grant') return fillIn(words.auditGrantTo, { name: nameOf(entry.detail!), cycle });
    if (cycle !== undefined && entry.action === 'withdrawGrant') return fillIn(words.auditWithdrawFrom, { name: nameOf(entry.detail!), cycle });
    return words.auditActions[entry.action] ?? entry.action;
  };
  return renderCard(
    'auditLog',
    {
      entries: entries.map((entry) => ({
        when: formatDateTime(entry.at),
        who: nameOf(entry.actorId),
        what: `${describe(entry)}${entry.result === 'refused' ? ` (${words.auditRefused})` : ''}`,
        color: entry.result === 'refused' ? 'Attention' : 'Default',
      })),
    },
    texts,
  );
}

/** The uitgangspunten and basiscommunicatie aspects a fragment can show, with their Dutch titles. */
export function recordingAspects(texts: Texts = textsFor()): { value: string; title: string }[] {
  const { focus, basiscommunicatieAspect } = texts.trajectories.intakeForm.choices;
  return [...Object.entries(focus), ...Object.entries(basiscommunicatieAspect)].map(([value, title]) => ({ value, title }));
}

/** The card a colleague gets when the teacher lets them watch a recording or some of its fragments. */
export function grantNoticeCard(
  input: { teacher: string; cycle: number; fragments?: number } & ({ url: string } | { dialogRecordingId: string }),
  texts: Texts = textsFor(),
): AdaptiveCardJson {
  const words = texts.recordings;
  const title = fillIn(words.watch, { cycle: input.cycle });
  // Our words carry markdown here (*gedeeld met mij*); the teacher's name is escaped by hand.
  const teacher = escapeMarkdown(input.teacher);
  const granted =
    input.fragments === undefined
      ? fillIn(words.grantedNotice, { teacher, cycle: input.cycle })
      : fillIn(words.grantedFragmentsNotice, { teacher, cycle: input.cycle, count: fragmentCount(input.fragments, texts) });
  const text = trustedMarkdown(`${granted} ${'url' in input ? words.linkOnceAnHour : words.findItAgain}`);
  const opens = 'url' in input ? { url: input.url } : { url: '', dialogRecordingId: input.dialogRecordingId };
  return renderCard('notice', { title, text, urlTitle: title, ...opens }, texts);
}

/**
 * "Gedeeld met mij": what colleagues show this person now. Each item opens as a Teams dialog, or
 * with a button that mints a fresh single-use link (`url`, on the item just clicked).
 */
export function sharedWithMeCard(
  items: readonly { recording: Recording; grant: Grant; teacherName: string; url?: string }[],
  texts: Texts = textsFor(),
  options: { dialogs?: boolean; notice?: string } = {},
): AdaptiveCardJson {
  const words = texts.recordings;
  return renderCard(
    'sharedWithMe',
    {
      notice: options.notice ?? '',
      items: items.map(({ recording, grant, teacherName, url }) => ({
        title: fillIn(words.sharedItem, { cycle: recording.cycle, teacher: teacherName }),
        scope: grant.scope.kind === 'recording' ? words.scopeWhole : fragmentCount(grant.scope.fragmentIds.length, texts),
        until: grant.until ? fillIn(words.untilDate, { date: formatDate(grant.until) }) : words.untilNone,
        url: url ?? '',
        openTitle: fillIn(words.openWatch, { cycle: recording.cycle }),
        dialog: options.dialogs === true,
        recordingId: recording.id,
        // Only a way there: the overview decides again, and shows nothing before the nagesprek.
        observations: grant.includeObservations === true,
        trajectoryId: recording.trajectoryId,
      })),
    },
    texts,
  );
}
