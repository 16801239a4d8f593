import { cardVerbs } from '../../../src/cards/cardVerbs';
import type { AdaptiveCardJson } from '../../../src/cards/renderCard';
import { rolesCard } from '../../../src/cards/roleCards';
import { appointmentCard, chooseSlotCard, planFormCard, type AppointmentView } from '../../../src/cards/schedulingCards';
import {
  intakeFormCard,
  intakeSummaryCard,
  myGuidanceCard,
  myTrajectoriesCard,
  newRequestCard,
  proposalCard,
  proposalFormCard,
  trajectoryDetailCard,
  type NewRequestStatus,
} from '../../../src/cards/trajectoryCards';
import type { Appointment } from '../../../src/domain/scheduling/appointment';
import { accessCard, auditLogCard, grantNoticeCard, sharedWithMeCard } from '../../../src/cards/recordingCards';
import { recordingSettingsCard } from '../../../src/cards/settingsCards';
import type { Grant, Recording } from '../../../src/domain/recordings/recording';
import { renderCard } from '../../../src/cards/renderCard';
import { helpCard } from '../../../src/cards/helpCard';
import { kijkwijzerPageCard, kijkwijzerResultCard, manageKijkwijzerCard, myKijkwijzersCard, startRoundCard } from '../../../src/cards/kijkwijzerCards';
import { defaultStatementList } from '../../../src/domain/kijkwijzer/statementList';
import type { PageView } from '../../../src/features/kijkwijzer/KijkwijzerService';
import { roundWith } from '../kijkwijzer/fixtures';
import { observationCard, observationsCard } from '../../../src/cards/observationCards';
import type { Observation } from '../../../src/domain/kijkwijzer/observation';
import { directieSummaryCard, scheduleSettingsCard } from '../../../src/cards/summaryCards';
import { buildDirectieSummary } from '../../../src/domain/directieSummary/directieSummary';
import { comparison, trajectory } from '../directieSummary/summaryFixtures';
import { assignedSvibber, owningTeacher, otherSvibber, trajectoryIn } from '../trajectories/trajectoryFixtures';
import { anAppointment } from '../scheduling/appointmentFixtures';

const appointment: Appointment = anAppointment({ trajectoryId: 'trajectory-1', sequence: 2 });

const summaryPeriod = { key: 'week-2026-12-04', kind: 'weekly' as const, start: new Date('2026-11-27T15:00:00Z'), end: new Date('2026-12-04T15:00:00Z'), dueAt: new Date('2026-12-04T15:00:00Z') };
const fullSummary = buildDirectieSummary(
  { trajectories: [1, 2, 3].map((index) => trajectory(index, { requested: '2026-12-01T09:00:00Z' })), appointments: [], recordings: [], kijkwijzer: { ...comparison, current: { ...comparison.current, closedAt: new Date('2026-12-01T12:00:00Z') } } },
  summaryPeriod,
  new Date('2026-12-04T18:00:00Z'),
);
const emptySummary = buildDirectieSummary({ trajectories: [], appointments: [], recordings: [] }, summaryPeriod, summaryPeriod.end);

const step = { kind: 'nagesprek' as const, cycle: 3, isFinalTalk: true };
const recording: Recording = { id: 'r', tenantId: 't', schoolId: 's', trajectoryId: 'tr', cycle: 1, blobName: 'b', uploaderId: 'u', sizeBytes: 1, contentType: 'video/mp4', uploadedAt: new Date() };
const fragmentGrant: Grant = { id: 'g', tenantId: 't', schoolId: 's', trajectoryId: 'tr', recordingId: 'r', granteeId: 'u', granteeName: 'N', scope: { kind: 'fragments', fragmentIds: ['f1', 'f2'] }, grantedAt: new Date() };
const fragment = { id: 'f1', recordingId: 'r', startSecond: 65, endSecond: 92, note: 'kijkt rond', aspect: 'aansluiten', createdBy: 'u', createdAt: new Date() };
const statuses: NewRequestStatus[] = [{ kind: 'open' }, { kind: 'reminder' }, { kind: 'takenByYou' }, { kind: 'takenBy', name: 'X' }, { kind: 'withdrawn' }, { kind: 'declined', name: 'X' }];
const views: AppointmentView[] = [
  { kind: 'proposed' },
  { kind: 'confirmed', calendarUrl: 'https://bot.example/calendar/t' },
  { kind: 'cancelled', calendarUrl: 'https://bot.example/calendar/t' },
  { kind: 'askedOther' },
  { kind: 'donePrompt' },
  { kind: 'done' },
  { kind: 'notice', text: 'x' },
  { kind: 'moved', calendarUrl: 'https://bot.example/calendar/t' },
  { kind: 'superseded' },
  { kind: 'withdrawn' },
];

const kwRound = roundWith([{ id: 'k1', text: 'Een' }, { id: 'k2', text: 'Twee' }], ['a', 'b'], { status: 'open', closedAt: undefined });
const pageView: PageView = {
  round: kwRound,
  page: 0,
  pages: 2,
  statements: [{ id: 'k1', text: 'Een', number: 1 }],
  sheet: { k1: { statementId: 'k1', rating: 'plus', mark: 'werkpunt', note: 'mijn notitie' } },
  progress: { answered: 1, total: 2, complete: false },
  open: true,
};
const kwFigures = (sequence: number) => ({
  roundId: `r${sequence}`,
  sequence,
  startedAt: new Date(),
  closesAt: new Date(),
  closedAt: new Date(),
  invited: 4,
  completed: 3,
  statements: [
    { statementId: 'k1', text: 'Een', counts: { plus: 2, partly: 1, minus: 1 }, winstpunt: 1, werkpunt: 2, actiepunt: 0 },
    { statementId: 'k2', text: 'Twee', counts: { plus: 1, partly: 0, minus: 0 }, winstpunt: 0, werkpunt: 0, actiepunt: 0 },
  ],
});

const observed: Observation = { tenantId: 't', schoolId: 's', trajectoryId: 'tr', recordingId: 'r', cycle: 1, author: 'begeleider', authorId: 'm', aspects: { beurtverdeling: { rating: 'plus', fragmentIds: ['f1'] } }, note: 'mooi', updatedAt: new Date() };
const observationForm = { recording, role: 'leerkracht' as const, fragments: [fragment], own: { ...observed, author: 'leerkracht' as const }, other: observed, nagesprekDone: true };

/** Every card the bot can send, in every state, so a broken template shows up here first. */
const cards: [string, AdaptiveCardJson][] = [
  ['intake form', intakeFormCard({ formId: 'f', errors: { whatHappens: 'required', focus: 'unknown-choice' }, values: { focus: 'didactiek' } })],
  ['intake form for a proposal', intakeFormCard({ formId: 'f', proposalId: 'p', proposalGoal: 'doel' })],
  ['intake summary', intakeSummaryCard(trajectoryIn('aangevraagd'), false)],
  ...statuses.map((status): [string, AdaptiveCardJson] => [`new request ${status.kind}`, newRequestCard(trajectoryIn('aangevraagd'), status)]),
  ['my trajectories', myTrajectoriesCard([trajectoryIn('toegewezen'), trajectoryIn('afgesloten')])],
  ['my trajectories, empty', myTrajectoriesCard([])],
  ['my guidance', myGuidanceCard([trajectoryIn('aangevraagd')], [trajectoryIn('opname 1')])],
  ['detail for the teacher', trajectoryDetailCard(trajectoryIn('toegewezen'), owningTeacher)],
  ['detail for the begeleider', trajectoryDetailCard(trajectoryIn('intake'), assignedSvibber, { handOverChoices: [{ userId: otherSvibber.userId, name: otherSvibber.name }] })],
  ['proposal form', proposalFormCard({ formId: 'f', people: [{ userId: 'u', name: 'N' }], errors: { goal: 'x' } })],
  ['proposal', proposalCard({ ...trajectoryIn('voorgesteld'), proposal: { by: { userId: 'd', name: 'D' }, goal: 'doel' } }, '')],
  ['roles', rolesCard({ schoolName: 'De Regenboog', members: [{ userId: 'u', name: 'N', roles: ['svibber', 'ib'] }], people: [{ userId: 'u', name: 'N' }] })],
  ['plan form', planFormCard({ trajectoryId: 't', step, teacherName: 'T', preferences: 'p', rowProblems: { 2: { text: 'x', warning: true } }, confirmWarnings: true })],
  ['choose slot', chooseSlotCard({ ...appointment, status: 'proposed', chosen: undefined }, 'S', 'p')],
  ...views.map((view): [string, AdaptiveCardJson] => [`appointment ${view.kind}`, appointmentCard(appointment, 'S', view)]),
  [
    'recording access',
    accessCard({
      recordingId: 'r',
      cycle: 1,
      people: [{ userId: 'u', name: 'N' }],
      grants: [{ id: 'g', tenantId: 't', schoolId: 's', trajectoryId: 'tr', recordingId: 'r', granteeId: 'u', granteeName: 'N', scope: { kind: 'recording' }, grantedAt: new Date(), until: new Date() }],
      notice: { text: 'x', tone: 'good' },
    }),
  ],
  ['recording access with fragments to share', accessCard({ recordingId: 'r', cycle: 1, people: [], grants: [fragmentGrant], fragments: [fragment], fragmentSharing: true })],
  ['recording access without ffmpeg', accessCard({ recordingId: 'r', cycle: 1, people: [], grants: [], fragments: [fragment], fragmentSharing: false })],
  ['grant notice with a link', grantNoticeCard({ teacher: 'T', cycle: 1, fragments: 2, url: 'https://bot.example/recordings/watch?t=1' })],
  ['grant notice as a Teams dialog', grantNoticeCard({ teacher: 'T', cycle: 1, dialogRecordingId: 'r' })],
  ['shared with me', sharedWithMeCard([{ recording, grant: fragmentGrant, teacherName: 'T', url: 'https://bot.example/w' }, { recording, grant: { ...fragmentGrant, scope: { kind: 'recording' }, until: new Date() }, teacherName: 'T' }])],
  ['shared with me, empty', sharedWithMeCard([])],
  ['recording settings', recordingSettingsCard({ schoolName: 'De Regenboog', settings: { maxBytes: 4 * 1024 ** 3, retentionDays: 30 } })],
  ['recording settings with problems', recordingSettingsCard({ schoolName: 'S', settings: { maxBytes: 1, retentionDays: 1 }, typed: { maxGigabytes: 'x', retentionDays: '0' }, problems: { maxGigabytes: 'not-a-number', retentionDays: 'too-small' } })],
  ['audit log', auditLogCard([{ at: new Date(), actorId: 'u', action: 'view', objectType: 'recording', objectId: 'r', result: 'refused', detail: 'other-school' }], () => 'N')],
  ['notice with a link', renderCard('notice', { title: 'T', text: 'x', url: 'https://bot.example/recordings/watch?t=1', urlTitle: 'Bekijk' })],
  ['notice', renderCard('notice', { title: 'T', text: 'x', url: '' })],
  ['channel help', renderCard('channelHelp')],
  ['detail with recording dialogs', trajectoryDetailCard(trajectoryIn('opname 1'), owningTeacher, { recordingDialogs: [{ title: 'Bekijk opname 1', page: 'watch', recordingId: 'r' }, { title: 'Opname 1 toevoegen', page: 'upload', trajectoryId: 't', cycle: 1 }] })],
  ['help for someone with every role', helpCard(['svibber', 'ib', 'directie', 'beheerder'])],
  ['detail with a confirmed appointment and watch buttons', trajectoryDetailCard(trajectoryIn('opname 1'), assignedSvibber, { planned: appointment, watchButtons: [{ title: 'Bekijk opname 1', recordingId: 'r' }] })],
  ['detail with a proposal', trajectoryDetailCard(trajectoryIn('toegewezen'), assignedSvibber, { planned: { ...appointment, status: 'proposed', chosen: undefined } })],
  ['detail with recordings', trajectoryDetailCard(trajectoryIn('opname 1'), owningTeacher, { recordingLinks: [{ title: 'Bekijk opname 1', url: 'https://bot.example/w' }], recordingAccess: [{ title: 'Toegang opname 1', recordingId: 'r' }] })],
  ['kijkwijzer page', kijkwijzerPageCard(pageView, { notice: { text: 'x', tone: 'good' } })],
  ['kijkwijzer last page with problems', kijkwijzerPageCard({ ...pageView, page: 1 }, { problems: { k1: 'mark-without-rating' }, typed: { rating_k1: '', mark_k1: 'werkpunt' } })],
  ['kijkwijzer page of a closed round', kijkwijzerPageCard({ ...pageView, open: false })],
  ['my kijkwijzers', myKijkwijzersCard([{ round: kwRound, progress: { answered: 1, total: 2, complete: false }, open: true }], true)],
  ['my kijkwijzers with a closed round', myKijkwijzersCard([{ round: { ...kwRound, status: 'closed', closedAt: new Date() }, progress: { answered: 2, total: 2, complete: true }, open: false }], false)],
  ['my kijkwijzers, empty', myKijkwijzersCard([], false)],
  ['kijkwijzer manage', manageKijkwijzerCard({ schoolName: 'S', list: defaultStatementList(['Een', 'Twee']), rounds: [{ round: kwRound, invited: 2, completed: 1, unreachable: [{ userId: 'b', name: 'B' }] }, { round: { ...kwRound, status: 'closed', closedAt: new Date() }, invited: 2, completed: 2, unreachable: [] }], problem: { statementId: 'k1', problem: 'empty' } })],
  ['kijkwijzer manage, no rounds', manageKijkwijzerCard({ schoolName: '', list: defaultStatementList(['Een']), rounds: [], problem: { problem: 'too-long' }, newText: 'x' })],
  ['kijkwijzer start round', startRoundCard({ sequence: 2, people: [{ userId: 'a', name: 'A' }], problems: ['no-participants'] })],
  ['observation with the other’s after the nagesprek', observationCard(observationForm)],
  ['observation before the nagesprek, with problems', observationCard({ ...observationForm, role: 'begeleider', other: undefined, nagesprekDone: false }, { problems: { beurtverdeling: 'unknown-fragment', note: 'empty' }, typed: { obs_beurtverdeling: 'plus' } })],
  ['observation without fragments', observationCard({ ...observationForm, fragments: [], own: undefined, other: undefined })],
  [
    'observations overview',
    observationsCard({ trajectory: trajectoryIn('opname 1'), role: 'leerkracht', recordings: [{ recording, observations: [observed, { ...observed, author: 'leerkracht' }], nagesprekDone: true }], development: [{ aspect: 'beurtverdeling', cycles: [{ cycle: 1, leerkracht: 'minus', begeleider: 'plus' }, { cycle: 2 }] }] }),
  ],
  ['observations overview, empty', observationsCard({ trajectory: trajectoryIn('opname 1'), role: 'begeleider', recordings: [], development: [] })],
  ['detail with observations', trajectoryDetailCard(trajectoryIn('opname 1'), owningTeacher, { observations: true })],
  ['kijkwijzer result', kijkwijzerResultCard({ round: kwRound, comparison: { current: kwFigures(2), nulmeting: kwFigures(1), previous: kwFigures(1) }, notes: { k1: 1 }, csvUrl: 'https://bot.example/c', noteUrl: 'https://bot.example/n' })],
  ['directie summary', directieSummaryCard(fullSummary, { schoolName: 'De Regenboog', chartUrl: 'data:image/png;base64,iVBORw0KGgo=', reportPeriod: summaryPeriod.key })],
  ['directie summary, empty period', directieSummaryCard(emptySummary, { schoolName: 'De Regenboog', reportPeriod: summaryPeriod.key })],
  ['directie full report', directieSummaryCard(fullSummary, { schoolName: 'De Regenboog', full: true, csvUrl: 'https://bot.example/summary/csv/t' })],
  ['summary schedule', scheduleSettingsCard({ enabled: true, hasChannel: true, schedule: { kind: 'weekly', weekday: 5, time: '16:00' }, startingTeachers: 4 })],
  ['summary schedule without a channel, with problems', scheduleSettingsCard({ enabled: false, hasChannel: false, typed: { kind: 'monthly', weekday: '1', day: '31', time: 'x', startingTeachers: 'veel' }, problems: { day: 'out-of-range', time: 'invalid-time', startingTeachers: 'starters' } })],
];

function actionsOf(node: unknown): { type: string; verb?: string; title?: string; data?: { verb?: string; msteams?: { type?: string } } }[] {
  if (Array.isArray(node)) return node.flatMap(actionsOf);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.type === 'string' && record.type.startsWith('Action.') ? [record as { type: string; verb?: string; title?: string }] : [];
  return [...own, ...Object.values(record).flatMap(actionsOf)];
}

describe.each(cards)('the %s card', (_name, card) => {
  it('is an Adaptive Card 1.5 with every placeholder filled', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(JSON.stringify(card)).not.toMatch(/\$\{|\$when|\$data/);
  });

  it('uses only verbs the bot handles, on titled buttons', () => {
    const known = Object.values(cardVerbs) as string[];
    for (const action of actionsOf(card)) {
      expect(action.title).toBeTruthy();
      if (action.type === 'Action.Execute') expect(known).toContain(action.verb);
      // Teams dialogs are Action.Submit with task/fetch; their verb routes the fetch.
      if (action.type === 'Action.Submit') {
        expect(action.data?.msteams?.type).toBe('task/fetch');
        expect(known).toContain(action.data?.verb);
      }
    }
  });
});

describe('kijkwijzer cards', () => {
  it('a full page of the longest statements, every note typed to the limit, stays under 80 KB', () => {
    const statements = Array.from({ length: 8 }, (_, i) => ({ id: `k${i + 1}`, text: 'é'.repeat(300), number: i + 1 }));
    const sheet = Object.fromEntries(statements.map((s) => [s.id, { statementId: s.id, rating: 'plus' as const, mark: 'werkpunt' as const, note: '“'.repeat(280) }]));
    const card = kijkwijzerPageCard({ ...pageView, statements, sheet });
    expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(80_000);
  });

  it('the commissie’s card with the most and longest statements stays under 80 KB', () => {
    const list = defaultStatementList(Array.from({ length: 30 }, () => 'é'.repeat(300)));
    const rounds = Array.from({ length: 10 }, (_, i) => ({ round: { ...kwRound, id: `meting-${i + 1}`, sequence: i + 1, status: 'closed' as const }, invited: 40, completed: 30, unreachable: [] }));
    expect(Buffer.byteLength(JSON.stringify(manageKijkwijzerCard({ schoolName: 'S', list, rounds })), 'utf8')).toBeLessThan(80_000);
  });

  it('the result card of thirty long statements against two earlier rounds stays under 80 KB', () => {
    const long = (sequence: number) => ({ ...kwFigures(sequence), statements: Array.from({ length: 30 }, (_, i) => ({ statementId: `k${i}`, text: 'é'.repeat(300), counts: { plus: 10, partly: 10, minus: 10 }, winstpunt: 1, werkpunt: 2, actiepunt: 3 })) });
    const card = kijkwijzerResultCard({ round: kwRound, comparison: { current: long(3), nulmeting: long(1), previous: long(2) }, notes: {}, csvUrl: 'https://c/' + 'x'.repeat(300), noteUrl: 'https://n/' + 'x'.repeat(300) });
    expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(80_000);
  });

  it('the result card hides a statement with fewer than three answers and shows the others', () => {
    const text = JSON.stringify(kijkwijzerResultCard({ round: kwRound, comparison: { current: kwFigures(1) }, notes: { k2: 1 }, csvUrl: 'https://c', noteUrl: 'https://n' }));
    expect(text).toContain('+ 2 (50%) · ± 1 (25%) · − 1 (25%)');
    expect(text).toContain('te weinig antwoorden');
    expect(text).not.toContain('+ 1 (100%)');
  });

  it('a closed round is offered to look back at, not to fill in', () => {
    const card = JSON.stringify(myKijkwijzersCard([{ round: { ...kwRound, status: 'closed', closedAt: new Date() }, progress: { answered: 2, total: 2, complete: true }, open: false }], false));
    expect(card).toContain('Je antwoorden: nulmeting');
    expect(card).not.toContain('Invullen');
  });

  it('a page shows the person’s own answers back', () => {
    const card = kijkwijzerPageCard(pageView);
    const inputs = JSON.stringify(card);
    expect(inputs).toContain('"id":"rating_k1","label":"Hoe staat het ervoor?","style":"expanded","value":"plus"');
    expect(inputs).toContain('mijn notitie');
  });
});
