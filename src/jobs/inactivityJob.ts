import { closeForInactivity, inactivityStep, type InactivityRule } from '../domain/trajectories/inactivity';
import { lastMovedAt } from '../domain/trajectories/nextStep';
import { trajectoryEventCheck } from '../domain/deliveries/heldDeliveries';
import type { AnnouncedChanges } from '../features/notifications/Deliveries';
import type { Notifier } from '../features/notifications/Notifier';
import { TrajectoryChangedError, type TrajectoryRepository } from '../storage/trajectories/TrajectoryRepository';
import { fillInMessage, formatDate, type Texts } from '../texts';

export interface InactivityJobOptions {
  trajectories: TrajectoryRepository;
  notifier: Notifier;
  /** A notice's claim or a closing and what tells of it are written as one. */
  changes: AnnouncedChanges;
  texts: Texts;
  rule: InactivityRule;
}

/**
 * Nightly: a trajectory without any step for the configured time is first announced to its
 * teacher and begeleider, and closed once the grace period after that notice passed without a
 * step. Each happens once: the notice is claimed with a conditional write, the closing is an
 * ETag-guarded update (a step in between wins), and the round runs under the job lease.
 */
export async function closeInactiveTrajectories(options: InactivityJobOptions, now: Date): Promise<{ noticed: number; closed: number }> {
  const { trajectories, notifier, changes, texts, rule } = options;
  let noticed = 0;
  let closed = 0;
  for (const open of await trajectories.listOpen()) {
    const { tenantId, trajectory } = open;
    const step = inactivityStep(trajectory, rule, now, open.noticedAt);
    if (step.kind === 'none') continue;
    const since = formatDate(lastMovedAt(trajectory));
    const words = texts.inactivity;
    const tell = async (teacherText: string, begeleiderText: string) => {
      await notifier.sendText(tenantId, trajectory.teacher.userId, teacherText);
      if (trajectory.svibber) await notifier.sendText(tenantId, trajectory.svibber.userId, begeleiderText);
    };
    if (step.kind === 'notice') {
      const values = { since, closesAt: formatDate(step.closesAt), teacher: trajectory.teacher.name };
      const claimed = await changes.withChange(
        { kind: 'trajectoryMark', tenantId, schoolId: trajectory.schoolId, trajectoryId: trajectory.id, mark: 'inactivityNoticeAt', at: now.toISOString() },
        () => tell(fillInMessage(words.noticeTeacher, values), fillInMessage(words.noticeBegeleider, values)),
        () => trajectories.claimInactivityNotice(open, now),
        (wasClaimed) => wasClaimed,
      );
      if (claimed) noticed++;
      continue;
    }
    const closing = closeForInactivity(trajectory, now).trajectory;
    try {
      await changes.withChange(
        trajectoryEventCheck(tenantId, closing),
        () => tell(fillInMessage(words.closedTeacher, { since }), fillInMessage(words.closedBegeleider, { since, teacher: trajectory.teacher.name })),
        () => trajectories.update(tenantId, { trajectory, etag: open.etag }, closing, now),
      );
    } catch (error) {
      if (error instanceof TrajectoryChangedError) continue;
      throw error;
    }
    closed++;
  }
  return { noticed, closed };
}
