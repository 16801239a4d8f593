import type { Grant, Recording } from '../../domain/recordings/recording';
import type { TrajectoryRepository } from '../../storage/trajectories/TrajectoryRepository';
import { fillInMessage, fragmentCount, type Texts } from '../../texts';
import type { Notifier } from '../notifications/Notifier';

export interface RecordingNotices {
  /** A new recording: the other party of the trajectory hears of it (teacher ↔ begeleider). */
  uploaded(recording: Recording): Promise<void>;
  /** The teacher shares chosen fragments with a colleague: her begeleider hears of it. */
  fragmentsShared(grant: Grant, recording: Recording): Promise<void>;
}

/** What the two parties of a trajectory are told about its recordings; nobody else is. */
export function createRecordingNotices(options: { notifier: Notifier; trajectories: TrajectoryRepository; texts: Texts }): RecordingNotices {
  const { notifier, trajectories, texts } = options;
  const trajectoryOf = async (recording: Recording) => (await trajectories.get(recording.tenantId, recording.schoolId, recording.trajectoryId))?.trajectory;
  return {
    async uploaded(recording) {
      const trajectory = await trajectoryOf(recording);
      const { teacher, svibber } = trajectory ?? {};
      if (!teacher || !svibber) return;
      if (recording.uploaderId === teacher.userId) {
        await notifier.sendText(recording.tenantId, svibber.userId, fillInMessage(texts.recordings.uploadedByTeacherNotice, { teacher: teacher.name, cycle: recording.cycle }));
      } else if (recording.uploaderId === svibber.userId) {
        await notifier.sendText(recording.tenantId, teacher.userId, fillInMessage(texts.recordings.uploadedBySvibberNotice, { svibber: svibber.name, cycle: recording.cycle }));
      }
    },
    async fragmentsShared(grant, recording) {
      if (grant.scope.kind !== 'fragments') return;
      const trajectory = await trajectoryOf(recording);
      const svibber = trajectory?.svibber;
      if (!trajectory || !svibber || svibber.userId === grant.granteeId) return;
      const count = fragmentCount(grant.scope.fragmentIds.length, texts);
      await notifier.sendText(
        recording.tenantId,
        svibber.userId,
        fillInMessage(texts.recordings.fragmentsSharedNotice, { teacher: trajectory.teacher.name, count, cycle: recording.cycle, name: grant.granteeName }),
      );
    },
  };
}
