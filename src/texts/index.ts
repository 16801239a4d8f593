import { nl, type Texts } from './nl';

/**
 * The one door to the words users see: code outside src/texts imports texts from here, never
 * from an nl*.ts file (ESLint checks it), so a second language is a second set of files.
 */
export type { Texts };
export { fillIn, fillInMessage } from './fillIn';
export { escapeMarkdown, unescapeMarkdown } from './markdown';
export { formatDate, formatDateTime } from './formatDate';
export { fragmentCount } from './fragmentCount';
export { appointmentName, formatSlot } from './nlScheduling';
export { roundName } from './roundName';
export { intakeErrorText, nextStepText, phaseLabel, timelineMessage, timelineText } from './nlTrajectories';

const byLanguage: Record<string, Texts> = { nl };

/** The texts for a language; Dutch is the only language so far and the fallback. */
export function textsFor(language = 'nl'): Texts {
  return byLanguage[language] ?? nl;
}
