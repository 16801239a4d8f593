import { createTrajectoryNotices } from '../../../src/teams/trajectoryNotices';
import { textsFor } from '../../../src/texts';
import { assignedSvibber, otherSvibber, owningTeacher, person, thirdSvibber, trajectoryIn } from '../trajectories/trajectoryFixtures';
import { recordingNotifier, wordsOf, type Sent } from './recordingNotifier';

const TENANT = 'tenant-1';
const request = trajectoryIn('aangevraagd');
const guided = trajectoryIn('toegewezen');

function setUp() {
  const { notifier, sent } = recordingNotifier();
  return { notices: createTrajectoryNotices({ notifier, texts: textsFor() }), sent };
}

/** The request cards of both purposes are updated, each card built for its recipient. */
function requestCardUpdates(sent: Sent[]) {
  const updates = sent.filter((message) => message.kind === 'update');
  expect(updates.map((message) => message.kind === 'update' && message.tracking)).toEqual([
    { subject: request.id, purpose: 'newRequest' },
    { subject: request.id, purpose: 'newRequestReminder' },
  ]);
  return (userId: string) => updates.map((message) => (message.kind === 'update' ? wordsOf(message.cardFor(userId)) : ''));
}

describe('the trajectory notices, as the Teams layer renders them', () => {
  it('sends each SVIB\'er named the new request card, tracked, and a reminder as a card of its own', async () => {
    const { notices, sent } = setUp();
    await notices.requestOpened(TENANT, request, [assignedSvibber.userId, otherSvibber.userId]);
    await notices.requestReminded(TENANT, request, [thirdSvibber.userId]);
    expect(sent.map((message) => message.kind === 'card' && [message.userId, message.tracking?.purpose])).toEqual([
      [assignedSvibber.userId, 'newRequest'],
      [otherSvibber.userId, 'newRequest'],
      [thirdSvibber.userId, 'newRequestReminder'],
    ]);
    const [open, , reminder] = sent.map((message) => (message.kind === 'card' ? wordsOf(message.card) : ''));
    expect(open).toContain('Nieuwe aanvraag');
    expect(open).toContain(owningTeacher.name);
    // Only who, kind and focus: the intake answers are for the one who takes it up.
    expect(open).not.toContain(request.intake!.whatHappens);
    expect(reminder).toContain('Herinnering: deze aanvraag wacht nog');
  });

  it('sends the teacher a proposal as a tracked card, and marks it accepted in place', async () => {
    const { notices, sent } = setUp();
    const proposal = trajectoryIn('voorgesteld');
    await notices.proposed(TENANT, proposal);
    await notices.proposalAccepted(TENANT, { ...proposal, phase: { kind: 'aangevraagd' } });
    const [card, accepted] = sent;
    if (card.kind !== 'card' || accepted.kind !== 'update') throw new Error('expected a card, then its update');
    expect(card.userId).toBe(owningTeacher.userId);
    expect(card.tracking).toEqual({ subject: proposal.id, purpose: 'proposal' });
    expect(accepted.tracking).toEqual({ subject: proposal.id, purpose: 'proposal' });
    expect(wordsOf(accepted.cardFor(owningTeacher.userId))).toContain('Je doet mee. Vul hieronder je eigen hulpvraag in.');
  });

  it('tells the teacher who took her request up, and shows the answers only on the card of that SVIB\'er', async () => {
    const { notices, sent } = setUp();
    await notices.takenUp(TENANT, guided, person(assignedSvibber));
    expect(sent[0]).toEqual({
      kind: 'text',
      userId: owningTeacher.userId,
      text: `${assignedSvibber.name} heeft je aanvraag opgepakt en wordt je begeleider. Jullie plannen samen het intakegesprek.`,
    });
    const cardsFor = requestCardUpdates(sent);
    for (const words of cardsFor(assignedSvibber.userId)) {
      expect(words).toContain('Jij hebt deze aanvraag opgepakt.');
      expect(words).toContain(request.intake!.whatHappens);
    }
    for (const words of cardsFor(otherSvibber.userId)) {
      expect(words).toContain(`${assignedSvibber.name} heeft deze aanvraag opgepakt.`);
      expect(words).not.toContain(request.intake!.whatHappens);
    }
  });

  it('tells the teacher and the new begeleider of a hand-over', async () => {
    const { notices, sent } = setUp();
    await notices.handedOver(TENANT, guided, assignedSvibber.name, person(otherSvibber));
    expect(sent).toEqual([
      { kind: 'text', userId: owningTeacher.userId, text: `Je traject heeft een nieuwe begeleider: ${otherSvibber.name}.` },
      { kind: 'text', userId: otherSvibber.userId, text: `${assignedSvibber.name} heeft het traject van ${owningTeacher.name} aan jou overgedragen. Je vindt het bij Mijn begeleidingen.` },
    ]);
  });

  it('gives the teacher the reason when her begeleider stops, or an SVIB\'er declines, and marks the request cards declined', async () => {
    const { notices, sent } = setUp();
    await notices.stoppedByBegeleider(TENANT, guided, assignedSvibber.name, 'verhuisd');
    await notices.requestDeclined(TENANT, request, otherSvibber.name, 'geen tijd');
    expect(sent.filter((message) => message.kind === 'text')).toEqual([
      { kind: 'text', userId: owningTeacher.userId, text: `${assignedSvibber.name} heeft je traject gestopt. Toelichting: verhuisd` },
      { kind: 'text', userId: owningTeacher.userId, text: `${otherSvibber.name} kan je aanvraag niet oppakken. Toelichting: geen tijd Je kunt altijd opnieuw begeleiding aanvragen.` },
    ]);
    for (const words of requestCardUpdates(sent)(assignedSvibber.userId)) expect(words).toContain(`Deze aanvraag is gestopt door ${otherSvibber.name}.`);
  });

  it('tells a proposer the teacher\'s answer', async () => {
    const { notices, sent } = setUp();
    const proposal = { ...trajectoryIn('voorgesteld'), proposal: { by: person(otherSvibber), goal: 'Rustig beginnen.' } };
    await notices.proposerAnswered(TENANT, proposal, 'accepted');
    await notices.proposerAnswered(TENANT, proposal, 'declined');
    await notices.proposerAnswered(TENANT, request, 'declined');
    expect(sent).toEqual([
      { kind: 'text', userId: otherSvibber.userId, text: `${owningTeacher.name} doet mee met het voorgestelde traject.` },
      { kind: 'text', userId: otherSvibber.userId, text: `${owningTeacher.name} doet niet mee met het voorgestelde traject.` },
    ]);
  });

  it('tells the begeleider when the teacher withdraws, and marks an open request withdrawn on the SVIB\'ers\' cards instead', async () => {
    const { notices, sent } = setUp();
    await notices.withdrawn(TENANT, guided, person(assignedSvibber));
    expect(sent).toEqual([{ kind: 'text', userId: assignedSvibber.userId, text: `${owningTeacher.name} is gestopt met het traject.` }]);
    sent.length = 0;
    await notices.withdrawn(TENANT, request, undefined);
    for (const words of requestCardUpdates(sent)(otherSvibber.userId)) expect(words).toContain('Deze aanvraag is ingetrokken door de leerkracht.');
  });

  it('keeps the teacher posted of every step', async () => {
    const { notices, sent } = setUp();
    await notices.stepTaken(TENANT, guided, { what: 'intakeStarted', by: person(assignedSvibber), at: new Date('2026-12-01T10:00:00Z') });
    expect(sent).toEqual([{ kind: 'text', userId: owningTeacher.userId, text: `${assignedSvibber.name} is begonnen met het intakegesprek.` }]);
  });
});
