import type { Appointment } from '../../../src/domain/scheduling/appointment';
import { SVIBBER_CARD, TEACHER_CARD } from '../../../src/features/scheduling/schedulingNotices';
import { createSchedulingNotices } from '../../../src/teams/schedulingNotices';
import { formatSlot, textsFor } from '../../../src/texts';
import { assignedSvibber, owningTeacher, trajectoryIn } from '../trajectories/trajectoryFixtures';
import { recordingNotifier, wordsOf, type Sent } from './recordingNotifier';
import { anAppointment, firstSlot } from '../scheduling/appointmentFixtures';

const TENANT = 'tenant-1';
const first = firstSlot;
const second = { start: new Date('2026-12-07T13:00:00Z'), durationMinutes: 45, location: 'lokaal 12' };
const proposed: Appointment = anAppointment({ status: 'proposed', proposedSlots: [first, second], sequence: 0 });
delete proposed.chosen;
const confirmed: Appointment = { ...proposed, status: 'confirmed', chosen: first };

function setUp() {
  const { notifier, sent } = recordingNotifier();
  const notices = createSchedulingNotices({ notifier, texts: textsFor(), calendarUrlFor: (_tenant, appointment, userId) => `https://bot.example/calendar/${appointment.id}/${userId}` });
  return { notices, sent };
}

function update(sent: Sent[], purpose: string) {
  const found = sent.find((message) => message.kind === 'update' && message.tracking.purpose === purpose);
  if (!found || found.kind !== 'update') throw new Error(`no update of ${purpose}`);
  expect(found.tracking.subject).toBe(proposed.id);
  return found;
}

describe('the scheduling notices, as the Teams layer renders them', () => {
  it('sends the teacher the proposed moments with her own preferences, tracked as her card of the appointment', async () => {
    const { notices, sent } = setUp();
    await notices.slotsProposed(TENANT, proposed, trajectoryIn('opname 1'));
    expect(sent).toHaveLength(1);
    const [card] = sent;
    if (card.kind !== 'card') throw new Error('expected a card');
    expect(card.userId).toBe(owningTeacher.userId);
    expect(card.tracking).toEqual({ subject: proposed.id, purpose: TEACHER_CARD });
    expect(wordsOf(card.card)).toContain('Opname 1: kies een moment');
    expect(wordsOf(card.card)).toContain('Jouw voorkeur: maandag, woensdag, ochtend.');
    expect(wordsOf(card.card)).toContain(formatSlot(second));
  });

  it('turns both cards of a moved confirmed moment into "Verplaatst", each with its own link to take it out of the calendar, and tells the teacher', async () => {
    const { notices, sent } = setUp();
    const after: Appointment = { ...proposed, proposedSlots: [second], replaced: first, sequence: 1 };
    await notices.confirmedMoved({ tenantId: TENANT, before: confirmed, after, byName: assignedSvibber.name });
    expect(sent.map((message) => message.kind)).toEqual(['update', 'update', 'text']);
    for (const [purpose, userId] of [[TEACHER_CARD, owningTeacher.userId], [SVIBBER_CARD, assignedSvibber.userId]]) {
      const words = wordsOf(update(sent, purpose).cardFor(userId));
      expect(words).toContain(`Verplaatst: ${formatSlot(first)} vervalt.`);
      expect(words).toContain('Haal uit mijn agenda');
      expect(words).toContain(`https://bot.example/calendar/${proposed.id}/${userId}`);
    }
    expect(sent[2]).toEqual({
      kind: 'text',
      userId: owningTeacher.userId,
      text: `${assignedSvibber.name} verplaatst opname 1 van ${formatSlot(first)}: dat moment vervalt. Kies een nieuw moment uit het nieuwe voorstel.`,
    });
  });

  it('marks only the teacher\'s card of earlier proposals as replaced', async () => {
    const { notices, sent } = setUp();
    await notices.proposalSuperseded({ tenantId: TENANT, before: proposed, after: { ...proposed, proposedSlots: [second], sequence: 1 }, byName: assignedSvibber.name });
    expect(sent).toHaveLength(1);
    const words = wordsOf(update(sent, TEACHER_CARD).cardFor(owningTeacher.userId));
    expect(words).toContain('Dit voorstel is vervangen door een nieuw voorstel in je chat.');
  });

  it('confirms the chosen moment on the begeleider\'s card with her calendar link, and tells her', async () => {
    const { notices, sent } = setUp();
    await notices.slotChosen({ tenantId: TENANT, before: proposed, after: confirmed, byName: owningTeacher.name });
    const words = wordsOf(update(sent, SVIBBER_CARD).cardFor(assignedSvibber.userId));
    expect(words).toContain(`Afgesproken: ${formatSlot(first)}`);
    expect(words).toContain(`https://bot.example/calendar/${proposed.id}/${assignedSvibber.userId}`);
    expect(words).toContain('Zet in mijn agenda');
    expect(sent[1]).toEqual({ kind: 'text', userId: assignedSvibber.userId, text: `Opname 1 · ${owningTeacher.name}: Afgesproken: ${formatSlot(first)}` });
  });

  it('passes on the teacher\'s wish for other moments and for moving one to the begeleider', async () => {
    const { notices, sent } = setUp();
    await notices.otherTimesAsked(TENANT, proposed, owningTeacher.name, 'liever de middag');
    await notices.moveAsked(TENANT, confirmed, owningTeacher.name);
    expect(sent).toEqual([
      { kind: 'text', userId: assignedSvibber.userId, text: `${owningTeacher.name} vraagt om andere tijden voor opname 1: "liever de middag"` },
      { kind: 'text', userId: assignedSvibber.userId, text: `${owningTeacher.name} wil opname 1 van ${formatSlot(first)} verzetten. Er komt een nieuw voorstel.` },
    ]);
  });

  it('tells the other party of a cancelled moment and turns their card into "Afgezegd" with a link to take it out of the calendar', async () => {
    const { notices, sent } = setUp();
    const cancelled: Appointment = { ...confirmed, status: 'cancelled', sequence: 1 };
    await notices.cancelled({ tenantId: TENANT, before: confirmed, after: cancelled, byName: owningTeacher.name, otherId: assignedSvibber.userId });
    expect(sent[0]).toEqual({ kind: 'text', userId: assignedSvibber.userId, text: `${owningTeacher.name} heeft opname 1 van ${formatSlot(first)} afgezegd.` });
    const words = wordsOf(update(sent, SVIBBER_CARD).cardFor(assignedSvibber.userId));
    expect(words).toContain('Afgezegd.');
    expect(words).toContain('Haal uit mijn agenda');
    expect(words).toContain(`https://bot.example/calendar/${proposed.id}/${assignedSvibber.userId}`);
    expect(sent.some((message) => message.kind === 'update' && message.tracking.purpose === TEACHER_CARD)).toBe(false);
  });

  it('calls a cancelled proposal withdrawn: the teacher\'s card says so and offers no calendar link', async () => {
    const { notices, sent } = setUp();
    await notices.cancelled({ tenantId: TENANT, before: proposed, after: { ...proposed, status: 'cancelled', sequence: 1 }, byName: assignedSvibber.name, otherId: owningTeacher.userId });
    expect(sent[0]).toEqual({ kind: 'text', userId: owningTeacher.userId, text: `${assignedSvibber.name} heeft het voorstel voor opname 1 ingetrokken. Er komt een nieuw voorstel.` });
    const words = wordsOf(update(sent, TEACHER_CARD).cardFor(owningTeacher.userId));
    expect(words).toContain('Voorstel ingetrokken.');
    expect(words).not.toContain('mijn agenda');
  });

  it('gives the teacher the agreements of a done talk, and nothing when there are none', async () => {
    const { notices, sent } = setUp();
    const talk: Appointment = { ...confirmed, kind: 'nagesprek', status: 'done' };
    await notices.agreementsMade(TENANT, talk);
    await notices.agreementsMade(TENANT, { ...talk, agreements: 'Start met een rustmoment.' });
    expect(sent).toEqual([{ kind: 'text', userId: owningTeacher.userId, text: 'Afspraken uit nagesprek 1: Start met een rustmoment.' }]);
  });

  it('sends the begeleider the plan form of the next step, untracked', async () => {
    const { notices, sent } = setUp();
    await notices.nextStepToPlan(TENANT, assignedSvibber.userId, { trajectory: trajectoryIn('opname 1'), step: { kind: 'nagesprek', cycle: 1, isFinalTalk: false } });
    expect(sent).toHaveLength(1);
    const [card] = sent;
    if (card.kind !== 'card') throw new Error('expected a card');
    expect(card.userId).toBe(assignedSvibber.userId);
    expect(card.tracking).toBeUndefined();
    expect(wordsOf(card.card)).toContain(`Plan: Nagesprek 1 met ${owningTeacher.name}`);
    expect(wordsOf(card.card)).toContain(`Voorkeur van ${owningTeacher.name}`);
  });
});
