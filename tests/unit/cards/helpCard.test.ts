import manifest from '../../../appPackage/manifest.json';
import { helpCard } from '../../../src/cards/helpCard';
import { parseTextCommand } from '../../../src/domain/conversation/textCommand';
import type { Role } from '../../../src/domain/schools/roles';
import { nl } from '../../../src/texts/nl';

function buttonsOf(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute') found.push(String(record.title));
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('the help card shows what this person can do', () => {
  it.each<[string, Role[], string[], string[]]>([
    ['a teacher', [], ['Begeleiding aanvragen', 'Mijn trajecten', 'Gedeeld met mij', 'Logboek', 'Mijn kijkwijzers', 'Wat is SVIB?'], ['Mijn begeleidingen', 'Traject voorstellen', 'Instellingen']],
    ["an SVIB'er", ['svibber'], ['Begeleiding aanvragen', 'Mijn begeleidingen', 'Traject voorstellen'], ['Instellingen']],
    ['directie', ['directie'], ['Traject voorstellen'], ['Mijn begeleidingen', 'Instellingen']],
    ['a beheerder', ['beheerder'], ['Instellingen', 'Mijn trajecten'], ['Mijn begeleidingen']],
  ])('%s', (_who, roles, shown, hidden) => {
    const buttons = buttonsOf(helpCard(roles));
    expect(buttons).toEqual(expect.arrayContaining(shown));
    for (const title of hidden) expect(buttons).not.toContain(title);
  });

  it('names for every entry a word that the bot reads as that entry', () => {
    const expected: Record<string, string> = {
      requestSupport: 'requestSupport',
      myTrajectories: 'myTrajectories',
      sharedWithMe: 'sharedWithMe',
      auditLog: 'auditLog',
      myKijkwijzers: 'myKijkwijzers',
      aboutSvib: 'aboutSvib',
      myGuidance: 'myGuidance',
      propose: 'propose',
      settings: 'settings',
    };
    for (const [item, words] of Object.entries(nl.help.items)) expect(parseTextCommand(words.typed)).toBe(expected[item]);
  });

  it('matches the command list of the Teams manifest', () => {
    const personal = manifest.bots[0].commandLists.find((list) => list.scopes.includes('personal'))!;
    const typed = new Set(Object.values(nl.help.items).map((item) => item.typed));
    expect(new Set(personal.commands.map((command) => command.title).filter((title) => title !== 'hulp'))).toEqual(typed);
  });
});
