import { cardVerbs } from '../../../src/cards/cardVerbs';
import { renderCard, type CardName } from '../../../src/cards/renderCard';
import { textsFor } from '../../../src/texts';

const allCards: [CardName, Record<string, unknown>][] = [
  ['menu', { title: 'Titel', lead: 'Inleiding', showIntro: true }],
  ['about', {}],
];

function actionsOf(card: Record<string, unknown>): { type: string; title: string; verb?: string }[] {
  return (card.actions as { type: string; title: string; verb?: string }[]) ?? [];
}

describe('card templates', () => {
  it.each(allCards)('renders %s as an Adaptive Card 1.5 with every placeholder filled', (name, data) => {
    const card = renderCard(name, data);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(JSON.stringify(card)).not.toContain('${');
  });

  it.each(allCards)('uses only verbs that the bot handles in %s', (name, data) => {
    const known = Object.values(cardVerbs) as string[];
    for (const action of actionsOf(renderCard(name, data))) {
      expect(action.type).toBe('Action.Execute');
      expect(known).toContain(action.verb);
    }
  });

  it('shows the introduction on the welcome card and leaves it out of the pointer card', () => {
    const texts = textsFor('nl');
    const welcome = JSON.stringify(renderCard('menu', { title: 'x', lead: 'y', showIntro: true }));
    const pointer = JSON.stringify(renderCard('menu', { title: 'x', lead: 'y', showIntro: false }));
    expect(welcome).toContain(texts.welcome.ownership);
    expect(pointer).not.toContain(texts.welcome.ownership);
  });

  it('puts the three menu buttons on the welcome card in Dutch', () => {
    expect(actionsOf(renderCard('menu', { showIntro: true })).map((action) => action.title)).toEqual([
      'Begeleiding aanvragen',
      'Mijn trajecten',
      'Wat is SVIB?',
    ]);
  });

  it('explains SVIB in three sentences on the welcome card', () => {
    expect(textsFor('nl').welcome.whatIsSvib).toHaveLength(3);
  });

  it('falls back to Dutch for a language it does not have', () => {
    expect(textsFor('fr')).toBe(textsFor('nl'));
  });
});
