import type { Logger } from '../logging/logger';
import type { Texts } from '../texts';
import type { InstallationRepository } from '../storage/installations/InstallationRepository';

/** What the Teams handlers need from the rest of the app; composed in one place. */
export interface BotDependencies {
  installations: InstallationRepository;
  texts: Texts;
  logger: Logger;
  now: () => Date;
}
