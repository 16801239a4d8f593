import { Cron } from 'croner';
import type { Logger } from '../logging/logger';
import { remindUntakenRequests, type RequestReminderJobOptions } from './requestReminderJob';

export interface ScheduledJobs {
  stop(): void;
}

/**
 * Background jobs on a clock. Each job is safe to run on several instances at once (it claims
 * its work with a conditional write), so no leader election is needed.
 */
export function scheduleJobs(options: RequestReminderJobOptions & { logger: Logger; now: () => Date }): ScheduledJobs {
  // Every hour during school hours on school days, Dutch time; `protect` skips a run while the last one is busy.
  const reminder = new Cron('0 8-16 * * 1-5', { timezone: 'Europe/Amsterdam', protect: true }, async () => {
    try {
      await remindUntakenRequests(options, options.now());
    } catch (error) {
      options.logger.error({ err: { message: (error as Error).message } }, 'request reminder round failed');
    }
  });
  return { stop: () => reminder.stop() };
}
