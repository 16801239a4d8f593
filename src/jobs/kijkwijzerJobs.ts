import type { KijkwijzerService } from '../features/kijkwijzer/KijkwijzerService';
import type { Logger } from '../logging/logger';

export interface KijkwijzerJobOptions {
  service: KijkwijzerService;
  reminderSchoolDays: number;
  logger: Logger;
}

/*
 * Both rounds claim each round by a conditional write on it before anyone is told, so a second
 * instance or a restart neither skips nor doubles a close or a reminder.
 */

/** Closes every round whose date has come; the commissie gets the processing. */
export async function closeKijkwijzerRounds(options: KijkwijzerJobOptions, now: Date): Promise<number> {
  const closed = await options.service.closeDue(now);
  if (closed > 0) options.logger.info({ closed }, 'kijkwijzer rounds closed');
  return closed;
}

/** Reminds the unfinished participants of rounds close to their date, once per round. */
export async function remindKijkwijzerParticipants(options: KijkwijzerJobOptions, now: Date): Promise<number> {
  const reminded = await options.service.remindDue(now, options.reminderSchoolDays);
  if (reminded > 0) options.logger.info({ reminded }, 'kijkwijzer reminders sent');
  return reminded;
}
