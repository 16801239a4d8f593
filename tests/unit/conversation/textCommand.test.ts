import { normalizeText, parseTextCommand } from '../../../src/domain/conversation/textCommand';

describe('parseTextCommand', () => {
  it.each([
    ['help', 'help'],
    ['hulp', 'help'],
    ['  HULP!! ', 'help'],
    ['Hoi', 'help'],
    ['aanvragen', 'requestSupport'],
    ['Begeleiding aanvragen', 'requestSupport'],
    ['mijn trajecten', 'myTrajectories'],
    ['Wat is SVIB?', 'aboutSvib'],
    ['wát is svib', 'aboutSvib'],
    ['Gedeeld met mij', 'sharedWithMe'],
    ['opnames van collega’s', 'sharedWithMe'],
    ['Wie heeft mijn opnames bekeken?', 'auditLog'],
    ['Kun je het weer voorspellen?', 'unknown'],
    ['hulp bij rekenen in groep 5', 'unknown'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('reads %p as %s', (text, command) => {
    expect(parseTextCommand(text)).toBe(command);
  });

  it('normalizes case, accents, punctuation and spacing', () => {
    expect(normalizeText('  Wát   is\tSVIB?! ')).toBe('wat is svib');
  });
});
