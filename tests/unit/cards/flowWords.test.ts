import { intakeSummaryCard, proposalFormCard, trajectoryDetailCard } from '../../../src/cards/trajectoryCards';
import { assignedSvibber, owningTeacher, trajectoryIn } from '../trajectories/trajectoryFixtures';

/** The words of issue 14 that live on cards: summaries, the proposal form and the detail card's order. */
describe('words on the flow cards', () => {
  it('shows the teacher her chosen days, parts of day and aspects on the summary, without form hints', () => {
    const card = JSON.stringify(intakeSummaryCard(trajectoryIn('aangevraagd'), false));
    expect(card).toContain('Maandag, Woensdag · Ochtend');
    expect(card).toContain('"title":"Onderdelen van basiscommunicatie","value":"Beurtverdeling"');
    expect(card).not.toContain('mag je openlaten');
  });

  it('leaves the form hint out of the begeleider\'s detail card too', () => {
    expect(JSON.stringify(trajectoryDetailCard(trajectoryIn('intake'), assignedSvibber))).not.toContain('mag je openlaten');
  });

  it('asks directie about the teacher\'s hulpvraag in the third person', () => {
    const card = JSON.stringify(proposalFormCard({ formId: 'f', people: [] }));
    expect(card).toContain('Waar gaat de hulpvraag van de leerkracht over?');
    expect(card).not.toContain('je hulpvraag');
  });

  it('puts the next step first and stopping last, behind a confirmation', () => {
    const card = trajectoryDetailCard(trajectoryIn('toegewezen'), assignedSvibber) as unknown as { body: { type: string; items?: unknown[] }[]; actions: { type: string; title: string; card?: unknown }[] };
    expect(JSON.stringify(card.body)).not.toContain('"id":"reason"');
    const last = card.actions.at(-1)!;
    expect(last).toMatchObject({ type: 'Action.ShowCard', title: 'Traject stoppen' });
    expect(JSON.stringify(last.card)).toContain('"id":"reason"');
    expect(JSON.stringify(card.body)).toContain('Start het intakegesprek');
  });

  it('gives the teacher her own stop, also last', () => {
    const card = trajectoryDetailCard(trajectoryIn('opname 1'), owningTeacher) as unknown as { actions: { title: string }[] };
    expect(card.actions.at(-1)!.title).toBe('Traject stoppen');
  });
});
