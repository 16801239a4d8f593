import { Cron } from 'croner';
import type { Logger } from '../logging/logger';
import type { JobLease } from '../storage/leases/JobLease';
import { promptDoneAppointments, sendDueReminders, type AppointmentJobOptions } from './appointmentJobs';
import { remindUntakenRequests, type RequestReminderJobOptions } from './requestReminderJob';
import { closeKijkwijzerRounds, remindKijkwijzerParticipants, type KijkwijzerJobOptions } from './kijkwijzerJobs';

export interface ScheduledJobs {
  stop(): void;
}

export interface JobsOptions {
  /** Deletes recordings whose retention period ended; returns how many. */
  deleteExpiredRecordings: (now: Date) => Promise<number>;
  warnBeforeDeletion: (now: Date) => Promise<number>;
  /** Deletes staging and unreferenced blobs whose upload window passed. */
  sweepUploads: (now: Date) => Promise<number>;
  /** Announces, then closes, trajectories nobody moved on for the configured time. */
  closeInactiveTrajectories: (now: Date) => Promise<unknown>;
  /** Cuts waiting fragment clips (it takes its own lease). */
  cutClips: () => Promise<void>;
  /** Deletes bookkeeping rows (processed activities, used links, sent cards) that can no longer matter. */
  cleanUpTables: (now: Date) => Promise<unknown>;
  /** Queues deliveries a crash left in the outbox. */
  sweepDeliveries: () => Promise<number>;
  /** Posts the directie summaries that are due (each period claimed once). */
  postDirectieSummaries: () => Promise<unknown>;
  requests: RequestReminderJobOptions;
  appointments: AppointmentJobOptions;
  kijkwijzer: KijkwijzerJobOptions;
  lease: JobLease;
  logger: Logger;
  now: () => Date;
}

/**
 * Background jobs on a clock. A round runs only under a blob lease (one instance at a time), and
 * every message in it is claimed with a conditional write, so nothing is sent twice.
 */
export function scheduleJobs(options: JobsOptions): ScheduledJobs {
  const run = (job: string, round: () => Promise<unknown>) => async () => {
    try {
      await options.lease.runExclusively(job, 60, async () => {
        await round();
      });
    } catch (error) {
      options.logger.error({ err: { message: (error as Error).message }, job }, 'job round failed');
    }
  };
  const crons = [
    // Every hour during school hours on school days, Dutch time; `protect` skips a run while the last one is busy.
    new Cron('0 8-16 * * 1-5', { timezone: 'Europe/Amsterdam', protect: true }, run('request-reminders', () => remindUntakenRequests(options.requests, options.now()))),
    new Cron('*/5 * * * *', { protect: true }, run('appointment-reminders', () => sendDueReminders(options.appointments, options.now()))),
    new Cron('*/15 * * * *', { protect: true }, run('appointment-done-prompts', () => promptDoneAppointments(options.appointments, options.now()))),
    // Nightly, Dutch time: recordings of trajectories closed longer ago than the school's retention period.
    new Cron('30 2 * * *', { timezone: 'Europe/Amsterdam', protect: true }, run('recording-retention', () => options.deleteExpiredRecordings(options.now()))),
    // Hourly: uploads never registered are gone soon after their upload window.
    new Cron('17 * * * *', { protect: true }, run('upload-sweep', () => options.sweepUploads(options.now()))),
    // Nightly, Dutch time, after retention: the notice first, the closing after its grace period.
    new Cron('45 2 * * *', { timezone: 'Europe/Amsterdam', protect: true }, run('trajectory-inactivity', () => options.closeInactiveTrajectories(options.now()))),
    new Cron('0 9 * * 1-5', { timezone: 'Europe/Amsterdam', protect: true }, run('recording-retention-warning', () => options.warnBeforeDeletion(options.now()))),
    // A round closes within minutes of its moment; reminders go out during school hours only.
    new Cron('*/10 * * * *', { protect: true }, run('kijkwijzer-close', () => closeKijkwijzerRounds(options.kijkwijzer, options.now()))),
    new Cron('0 8-16 * * 1-5', { timezone: 'Europe/Amsterdam', protect: true }, run('kijkwijzer-reminders', () => remindKijkwijzerParticipants(options.kijkwijzer, options.now()))),
    new Cron('15 3 * * *', { timezone: 'Europe/Amsterdam', protect: true }, run('table-cleanup', () => options.cleanUpTables(options.now()))),
    // Every five minutes: a summary due at 16:00 goes out by 16:05, a missed one as soon as the bot is back.
    new Cron('*/5 * * * *', { protect: true }, run('directie-summary', () => options.postDirectieSummaries())),
    // Kicked right after a grant too; this catches what a restart or another instance left waiting.
    new Cron('* * * * *', { protect: true }, () => options.cutClips()),
    // A crash between the outbox and the queue leaves rows behind; a second copy on the queue is harmless.
    new Cron('* * * * *', { protect: true }, run('delivery-outbox-sweep', () => options.sweepDeliveries())),
  ];
  return { stop: () => crons.forEach((cron) => cron.stop()) };
}
