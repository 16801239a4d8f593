import { requestReminderDue } from '../domain/trajectories/requestReminder';
import type { AnnouncedChanges } from '../features/notifications/Deliveries';
import type { TrajectoryService } from '../features/trajectories/TrajectoryService';
import type { Logger } from '../logging/logger';
import type { TrajectoryRepository } from '../storage/trajectories/TrajectoryRepository';

export interface RequestReminderJobOptions {
  trajectories: TrajectoryRepository;
  service: TrajectoryService;
  /** The claim and the reminder it is for are written as one (a crash in between loses neither). */
  changes: AnnouncedChanges;
  afterSchoolDays: number;
  logger: Logger;
}

/**
 * One round of the reminder: every open request that waited long enough is claimed (a
 * conditional write) and only then announced again, so a restart or a second instance never
 * reminds twice. Returns how many requests were reminded.
 */
export async function remindUntakenRequests(options: RequestReminderJobOptions, now: Date): Promise<number> {
  let reminded = 0;
  for (const request of await options.trajectories.listOpenRequests()) {
    if (!requestReminderDue(request.trajectory, request.remindedAt, now, options.afterSchoolDays)) continue;
    const { tenantId, trajectory } = request;
    const claimed = await options.changes.withChange(
      { kind: 'trajectoryMark', tenantId, schoolId: trajectory.schoolId, trajectoryId: trajectory.id, mark: 'reminderSentAt', at: now.toISOString() },
      () => options.service.remindSvibbers(tenantId, trajectory),
      () => options.trajectories.claimReminder(request, now),
      (wasClaimed) => wasClaimed,
    );
    if (claimed) reminded++;
  }
  if (reminded > 0) options.logger.info({ reminded }, 'request reminders sent');
  return reminded;
}
