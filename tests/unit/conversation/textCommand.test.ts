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
    ['Mijn kijkwijzers', 'myKijkwijzers'],
    ['kijkwijzer', 'myKijkwijzers'],
    ['Kijkwijzer beheren', 'manageKijkwijzer'],
    ['Ik wil de kijkwijzer beheren', 'manageKijkwijzer'],
    ['Waar vind ik mijn kijkwijzer?', 'myKijkwijzers'],
    ['Directiekanaal', 'directieChannel'],
    ['samenvatting', 'summary'],
    ['Samenvatting instellingen', 'summarySettings'],
    ['Mag ik de samenvatting zien?', 'summary'],
    ['Waar stel ik de samenvatting in? instellingen', 'summarySettings'],
    ['Kun je het weer voorspellen?', 'unknown'],
    ['hulp bij rekenen in groep 5', 'unknown'],
    // Simple variants, understood by keywords (issue 14): one row per phrasing a user tried.
    ['Kun je mij helpen met een aanvraag?', 'requestSupport'],
    ['Ik wil graag begeleiding', 'requestSupport'],
    ['Hoe doe ik een aanvraag?', 'requestSupport'],
    ['overzicht', 'help'],
    ['Menu', 'help'],
    ['menu graag', 'help'],
    ['Wat kun je allemaal?', 'help'],
    ['kun je me helpen', 'help'],
    ['Laat mijn trajecten zien', 'myTrajectories'],
    ['Hoe staat het met mijn traject?', 'myTrajectories'],
    ['Ik wil mijn aanvraag intrekken', 'myTrajectories'],
    ['Welke open aanvragen zijn er?', 'myGuidance'],
    ['mijn begeleidingen graag', 'myGuidance'],
    ['Wat is er met mij gedeeld?', 'sharedWithMe'],
    ['opnames van een collega', 'sharedWithMe'],
    ['Wie heeft mijn opname gezien?', 'auditLog'],
    ['toon het logboek', 'auditLog'],
    ['Ik wil een traject voorstellen', 'propose'],
    ['rollen aanpassen', 'settings'],
    ['naar de instellingen', 'settings'],
    ['Wat is SVIB eigenlijk?', 'aboutSvib'],
    ['Vorige week ging de les niet goed en ik wil graag weten wat ik anders kan doen met de groep bij het begin van de les', 'unknown'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('reads %p as %s', (text, command) => {
    expect(parseTextCommand(text)).toBe(command);
  });

  it('normalizes case, accents, punctuation and spacing', () => {
    expect(normalizeText('  Wát   is\tSVIB?! ')).toBe('wat is svib');
  });
});
