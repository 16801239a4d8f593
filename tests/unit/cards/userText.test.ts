import type { AdaptiveCardJson } from '../../../src/cards/renderCard';
import { rolesCard } from '../../../src/cards/roleCards';
import { appointmentCard, chooseSlotCard, planFormCard } from '../../../src/cards/schedulingCards';
import { intakeFormCard, intakeSummaryCard, myGuidanceCard, myTrajectoriesCard, newRequestCard, proposalCard, trajectoryDetailCard } from '../../../src/cards/trajectoryCards';
import { accessCard, auditLogCard, grantNoticeCard, sharedWithMeCard } from '../../../src/cards/recordingCards';
import { escapeMarkdown, unescapeMarkdown } from '../../../src/cards/cardText';
import type { Appointment } from '../../../src/domain/scheduling/appointment';
import type { Grant, Recording } from '../../../src/domain/recordings/recording';
import type { Trajectory } from '../../../src/domain/trajectories/trajectory';
import { assignedSvibber, owningTeacher, trajectoryIn } from '../trajectories/trajectoryFixtures';
import { anAppointment } from '../scheduling/appointmentFixtures';

/** What an attacker types as a name, an intake answer, a note or a reason. */
const HOSTILE = 'Eve [klik hier](https://evil.example/x) <img src=x onerror=alert(1)> **luid** _schuin_ `code` # kop https://evil.example/bare';
const LINK = '[klik hier](https://evil.example/x)';

const hostilePerson = { userId: 'eve', name: HOSTILE };
const hostileTrajectory = (phase: Parameters<typeof trajectoryIn>[0]): Trajectory => {
  const base = trajectoryIn(phase);
  return {
    ...base,
    teacher: hostilePerson,
    ...(base.svibber ? { svibber: { userId: assignedSvibber.userId, name: HOSTILE } } : {}),
    ...(base.intake ? { intake: { ...base.intake, whatHappens: HOSTILE, whatDifferent: HOSTILE, whatToReach: HOSTILE, group: HOSTILE } } : {}),
    timeline: [...base.timeline, { what: 'withdrawn', by: hostilePerson, at: new Date('2026-11-20T10:00:00Z'), reason: HOSTILE }],
  };
};
const hostileSlot = { start: new Date('2026-12-03T09:15:00Z'), durationMinutes: 30, location: HOSTILE };
const appointment: Appointment = anAppointment({ svibberName: HOSTILE, teacherName: HOSTILE, proposedSlots: [hostileSlot], chosen: hostileSlot });
const recording: Recording = { id: 'r', tenantId: 't', schoolId: 's', trajectoryId: 'tr', cycle: 1, blobName: 'b', uploaderId: 'u', sizeBytes: 1, contentType: 'video/mp4', uploadedAt: new Date() };
const grant: Grant = { id: 'g', tenantId: 't', schoolId: 's', trajectoryId: 'tr', recordingId: 'r', granteeId: 'eve', granteeName: HOSTILE, scope: { kind: 'recording' }, grantedAt: new Date() };
const fragment = { id: 'f1', recordingId: 'r', startSecond: 5, endSecond: 9, note: HOSTILE, aspect: 'aansluiten', createdBy: 'u', createdAt: new Date() };

/** Every card that shows something a person typed, filled with the hostile text. */
const cards: [string, AdaptiveCardJson][] = [
  ['intake summary', intakeSummaryCard(hostileTrajectory('aangevraagd'), false)],
  ['new request', newRequestCard(hostileTrajectory('aangevraagd'), { kind: 'takenBy', name: HOSTILE })],
  ['my trajectories', myTrajectoriesCard([hostileTrajectory('toegewezen')])],
  ['my guidance', myGuidanceCard([hostileTrajectory('aangevraagd')], [hostileTrajectory('opname 1')])],
  ['detail for the teacher', trajectoryDetailCard(hostileTrajectory('opname 1'), owningTeacher)],
  ['detail for the begeleider', trajectoryDetailCard(hostileTrajectory('intake'), assignedSvibber, { handOverChoices: [hostilePerson] })],
  ['proposal', proposalCard({ ...trajectoryIn('voorgesteld'), proposal: { by: hostilePerson, goal: HOSTILE } }, '')],
  ['roles', rolesCard({ schoolName: HOSTILE, members: [{ userId: 'eve', name: HOSTILE, roles: ['svibber'] }], people: [hostilePerson] })],
  ['plan form', planFormCard({ trajectoryId: 't', step: { kind: 'opname', cycle: 1, isFinalTalk: false }, teacherName: HOSTILE, preferences: HOSTILE })],
  ['choose slot', chooseSlotCard({ ...appointment, status: 'proposed', chosen: undefined }, HOSTILE, HOSTILE)],
  ['appointment', appointmentCard(appointment, HOSTILE, { kind: 'confirmed', calendarUrl: 'https://bot.example/calendar/t' })],
  ['recording access', accessCard({ recordingId: 'r', cycle: 1, people: [hostilePerson], grants: [grant], fragments: [fragment], fragmentSharing: true })],
  ['audit log', auditLogCard([{ at: new Date(), actorId: 'eve', action: 'view', objectType: 'recording', objectId: 'r', result: 'allowed' }], () => HOSTILE)],
  ['shared with me', sharedWithMeCard([{ recording, grant, teacherName: HOSTILE, url: 'https://bot.example/w?t=a_b-c' }])],
  ['grant notice', grantNoticeCard({ teacher: HOSTILE, cycle: 1, url: 'https://bot.example/recordings/watch?t=a_b' })],
];

/** The strings Teams renders as markdown: TextBlock text, and the title and value of a fact. */
function markdownFields(node: unknown, factSet = false): string[] {
  if (Array.isArray(node)) return node.flatMap((item) => markdownFields(item, factSet));
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own: string[] = [];
  if (record.type === 'TextBlock' && typeof record.text === 'string') own.push(record.text);
  if (factSet) for (const key of ['title', 'value']) if (typeof record[key] === 'string') own.push(record[key] as string);
  return [...own, ...Object.entries(record).flatMap(([key, inner]) => markdownFields(inner, record.type === 'FactSet' && key === 'facts'))];
}

/** Everything else: inputs, choices, action data and urls, where the exact text must come back. */
function plainStrings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(plainStrings);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  return Object.entries(record).flatMap(([key, inner]) => (record.type === 'TextBlock' && key === 'text') || record.type === 'FactSet' ? [] : plainStrings(inner));
}

describe.each(cards)('user text on the %s card', (_name, card) => {
  const shown = markdownFields(card);

  it('shows the text, escaped', () => {
    expect(shown.some((text) => text.includes(escapeMarkdown(LINK)))).toBe(true);
  });

  it('holds no live link, markup or HTML from it', () => {
    for (const text of shown) {
      // What markdown still sees as markup once every backslash escape is taken out.
      const markup = text.replace(/\\./g, '');
      expect(markup).not.toContain('](');
      expect(markup).not.toContain('<img');
      expect(markup).not.toContain('**luid**');
      expect(markup).not.toContain('https://evil.example/bare');
    }
  });

  it('keeps inputs, choices and urls exact', () => {
    for (const text of plainStrings(card)) expect(text).not.toMatch(/\\[[\]()<>*_`#]/);
  });
});

describe('escaping', () => {
  it('round-trips every string exactly', () => {
    for (const text of [HOSTILE, 'C:\\pad\\naar', '\\[al ge-escaped\\]', 'https://bot.example/calendar/a_b-c', '']) expect(unescapeMarkdown(escapeMarkdown(text))).toBe(text);
  });

  it('gives a prefilled intake answer back exactly as typed, so a resubmit does not grow backslashes', () => {
    const card = intakeFormCard({ formId: 'f', values: { whatHappens: HOSTILE }, errors: { focus: 'required' } });
    expect(plainStrings(card)).toContain(HOSTILE);
  });
});
