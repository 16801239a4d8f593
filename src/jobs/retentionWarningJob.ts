import { isDueForWarning, retentionDeadline } from '../domain/recordings/retention';
import { lastMovedAt } from '../domain/trajectories/nextStep';
import { isClosed } from '../domain/trajectories/trajectory';
import type { AnnouncedChanges } from '../features/notifications/Deliveries';
import type { Notifier } from '../features/notifications/Notifier';
import type { RecordingRepository } from '../storage/recordings/RecordingRepository';
import type { TrajectoryRepository } from '../storage/trajectories/TrajectoryRepository';
import { fillInMessage, formatDate, type Texts } from '../texts';

export interface RetentionWarningOptions {
  recordings: RecordingRepository;
  trajectories: TrajectoryRepository;
  notifier: Notifier;
  /** The claim and the warning are written as one (a crash in between loses neither). */
  changes: AnnouncedChanges;
  texts: Texts;
  /** Days a school keeps recordings after closing: its own setting, or the default. */
  retentionDaysOf: (tenantId: string, schoolId: string) => Promise<number>;
  warnDaysBefore: number;
  /** True for the first caller only: a conditional insert, so a restart or second instance never warns twice. */
  claimOnce: (key: string, now: Date) => Promise<boolean>;
}

/** Tells each teacher, once and a few days ahead, when the recordings of a closed trajectory will be deleted. */
export async function warnBeforeDeletion(options: RetentionWarningOptions, now: Date): Promise<number> {
  const seen = new Set<string>();
  let warned = 0;
  for (const recording of await options.recordings.listAll()) {
    const key = `retention-warning|${recording.tenantId}|${recording.schoolId}|${recording.trajectoryId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const stored = await options.trajectories.get(recording.tenantId, recording.schoolId, recording.trajectoryId);
    if (!stored || !isClosed(stored.trajectory.phase)) continue;
    const closedAt = lastMovedAt(stored.trajectory);
    const retentionDays = await options.retentionDaysOf(recording.tenantId, recording.schoolId);
    if (!isDueForWarning(closedAt, retentionDays, options.warnDaysBefore, now)) continue;
    const date = formatDate(retentionDeadline(closedAt, retentionDays));
    const claimed = await options.changes.withChange(
      { kind: 'onceClaim', key, at: now.toISOString() },
      async () => {
        await options.notifier.sendText(recording.tenantId, stored.trajectory.teacher.userId, fillInMessage(options.texts.recordings.retentionWarning, { date }));
      },
      () => options.claimOnce(key, now),
      (wasFirst) => wasFirst,
    );
    if (claimed) warned++;
  }
  return warned;
}
