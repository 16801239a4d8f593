import { hasRole, type Role } from '../domain/schools/roles';
import { textsFor, type Texts } from '../texts';
import { cardVerbs } from './cardVerbs';
import { renderCard, type AdaptiveCardJson } from './renderCard';

type HelpItem = keyof Texts['help']['items'];

/** What each role adds; a person sees the sections of every role they hold. */
const sections: ReadonlyArray<{ role: Role; heading: keyof Texts['help']['headings']; items: readonly HelpItem[] }> = [
  { role: 'leerkracht', heading: 'teacher', items: ['requestSupport', 'myTrajectories', 'sharedWithMe', 'auditLog', 'myKijkwijzers', 'aboutSvib'] },
  { role: 'svibber', heading: 'svibber', items: ['myGuidance', 'propose'] },
  { role: 'directie', heading: 'directie', items: ['propose'] },
  { role: 'beheerder', heading: 'beheerder', items: ['settings'] },
];

const verbOf: Record<HelpItem, string> = {
  requestSupport: cardVerbs.requestStart,
  myTrajectories: cardVerbs.myTrajectories,
  sharedWithMe: cardVerbs.sharedWithMe,
  auditLog: cardVerbs.auditLog,
  myKijkwijzers: cardVerbs.kijkwijzerMine,
  aboutSvib: cardVerbs.aboutSvib,
  myGuidance: cardVerbs.myGuidance,
  propose: cardVerbs.proposalStart,
  settings: cardVerbs.settingsOpen,
};

/** "hulp": what this person can do, per role they hold, each with its button and the word to type. */
export function helpCard(roles: readonly Role[], texts: Texts = textsFor()): AdaptiveCardJson {
  const shown = sections.filter((section) => section.role === 'leerkracht' || hasRole(roles, section.role));
  return renderCard(
    'help',
    {
      sections: shown.map((section) => ({
        heading: texts.help.headings[section.heading],
        items: section.items.map((item) => ({ ...texts.help.items[item], verb: verbOf[item] })),
      })),
    },
    texts,
  );
}
