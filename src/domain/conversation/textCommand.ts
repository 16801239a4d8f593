/** What a typed message asks for; anything else gets a friendly pointer to the buttons. */
export type TextCommand = 'help' | 'requestSupport' | 'myTrajectories' | 'myGuidance' | 'propose' | 'settings' | 'auditLog' | 'sharedWithMe' | 'aboutSvib' | 'unknown';

const phrases: ReadonlyArray<readonly [TextCommand, readonly string[]]> = [
  ['help', ['help', 'hulp', 'menu', 'start', 'hallo', 'hoi', 'help me', 'helpen']],
  ['requestSupport', ['aanvragen', 'aanvraag', 'begeleiding aanvragen', 'begeleiding', 'nieuwe aanvraag']],
  ['myTrajectories', ['mijn trajecten', 'trajecten', 'mijn traject', 'traject']],
  ['myGuidance', ['mijn begeleidingen', 'begeleidingen', 'aanvragen bekijken', 'open aanvragen']],
  ['propose', ['voorstellen', 'traject voorstellen', 'scholingsopdracht']],
  ['auditLog', ['wie heeft mijn opnames bekeken', 'logboek', 'wie heeft mijn opnames gezien']],
  ['sharedWithMe', ['gedeeld met mij', 'gedeeld', 'gedeelde opnames', 'opnames van collegas', 'opnames van collega s', 'met mij gedeeld']],
  ['settings', ['instellingen', 'rollen', 'instellingen rollen']],
  ['aboutSvib', ['wat is svib', 'svib', 'uitleg', 'info', 'informatie']],
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

export function parseTextCommand(text: string | undefined): TextCommand {
  const normalized = normalizeText(text ?? '');
  if (normalized === '') return 'unknown';
  for (const [command, words] of phrases) {
    if (words.includes(normalized)) return command;
  }
  return 'unknown';
}
