/** What a typed message asks for; anything else gets a friendly pointer to the buttons. */
export type TextCommand =
  | 'help'
  | 'requestSupport'
  | 'myTrajectories'
  | 'myGuidance'
  | 'propose'
  | 'settings'
  | 'auditLog'
  | 'sharedWithMe'
  | 'myKijkwijzers'
  | 'manageKijkwijzer'
  | 'aboutSvib'
  | 'directieChannel'
  | 'summary'
  | 'summarySettings'
  | 'unknown';

/** Whole messages that mean one command, as typed from the command list or the help card; tests walk this table too. */
export const textCommandPhrases: ReadonlyArray<readonly [TextCommand, readonly string[]]> = [
  ['help', ['help', 'hulp', 'menu', 'start', 'hallo', 'hoi', 'help me', 'helpen', 'overzicht']],
  ['requestSupport', ['aanvragen', 'aanvraag', 'begeleiding aanvragen', 'begeleiding', 'nieuwe aanvraag']],
  ['myTrajectories', ['mijn trajecten', 'trajecten', 'mijn traject', 'traject']],
  ['myGuidance', ['mijn begeleidingen', 'begeleidingen', 'aanvragen bekijken', 'open aanvragen']],
  ['propose', ['voorstellen', 'traject voorstellen', 'scholingsopdracht']],
  ['auditLog', ['wie heeft mijn opnames bekeken', 'logboek', 'wie heeft mijn opnames gezien']],
  ['sharedWithMe', ['gedeeld met mij', 'gedeeld', 'gedeelde opnames', 'opnames van collegas', 'opnames van collega s', 'met mij gedeeld']],
  ['myKijkwijzers', ['mijn kijkwijzers', 'kijkwijzers', 'kijkwijzer', 'mijn kijkwijzer', 'kijkwijzer invullen']],
  ['manageKijkwijzer', ['kijkwijzer beheren', 'meting starten', 'stellingen', 'kijkwijzer stellingen']],
  ['settings', ['instellingen', 'rollen', 'instellingen rollen']],
  ['directieChannel', ['directiekanaal', 'directie kanaal', 'directiekanaal kiezen', 'dit is het directiekanaal']],
  ['summary', ['samenvatting', 'samenvatting directie', 'directie samenvatting']],
  ['summarySettings', ['samenvatting instellingen', 'instellingen samenvatting']],
  ['aboutSvib', ['wat is svib', 'svib', 'uitleg', 'info', 'informatie']],
];

/**
 * A sentence that is not one of the phrases: the first rule whose words all occur in it wins.
 * More specific rules come first ("open aanvragen" before "aanvraag"); a sentence that only says
 * "hulp" with a topic of its own ("hulp bij rekenen") matches nothing, so it is not mistaken for
 * the menu.
 */
const keywordRules: ReadonlyArray<readonly [TextCommand, readonly string[]]> = [
  ['summarySettings', ['samenvatting', 'instellingen']],
  ['directieChannel', ['directiekanaal']],
  ['summary', ['samenvatting']],
  ['auditLog', ['logboek']],
  ['auditLog', ['wie', 'bekeken']],
  ['auditLog', ['wie', 'gezien']],
  ['sharedWithMe', ['gedeeld']],
  ['sharedWithMe', ['opnames', 'collega']],
  ['manageKijkwijzer', ['kijkwijzer', 'beheren']],
  ['manageKijkwijzer', ['meting', 'starten']],
  ['myKijkwijzers', ['kijkwijzer']],
  ['myKijkwijzers', ['kijkwijzers']],
  ['myGuidance', ['begeleidingen']],
  ['myGuidance', ['open', 'aanvragen']],
  ['myGuidance', ['aanvragen', 'bekijken']],
  ['settings', ['instellingen']],
  ['settings', ['rollen']],
  ['propose', ['scholingsopdracht']],
  ['propose', ['traject', 'voorstellen']],
  ['myTrajectories', ['trajecten']],
  ['myTrajectories', ['mijn', 'traject']],
  ['myTrajectories', ['intrekken']],
  ['requestSupport', ['aanvraag']],
  ['requestSupport', ['aanvragen']],
  ['requestSupport', ['begeleiding']],
  ['aboutSvib', ['wat', 'svib']],
  ['aboutSvib', ['uitleg', 'svib']],
  ['help', ['overzicht']],
  ['help', ['menu']],
  ['help', ['wat', 'kun', 'je']],
  ['help', ['wat', 'kan', 'je']],
  ['help', ['helpen']],
  ['help', ['commandos']],
];

export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Longer messages are stories (a hulpvraag typed in the chat), not commands. */
const MAX_COMMAND_WORDS = 12;

export function parseTextCommand(text: string | undefined): TextCommand {
  const normalized = normalizeText(text ?? '');
  if (normalized === '') return 'unknown';
  for (const [command, words] of textCommandPhrases) {
    if (words.includes(normalized)) return command;
  }
  const tokens = new Set(normalized.split(' '));
  if (tokens.size > MAX_COMMAND_WORDS) return 'unknown';
  for (const [command, words] of keywordRules) {
    if (words.every((word) => tokens.has(word))) return command;
  }
  return 'unknown';
}
