import { grantNoticeCard } from '../cards/recordingCards';
import type { Grant, Recording } from '../domain/recordings/recording';
import type { GrantNotices } from '../features/recordings/grantNotices';
import type { Notifier } from '../features/notifications/Notifier';
import type { TrajectoryRepository } from '../storage/trajectories/TrajectoryRepository';
import { fillInMessage, fragmentCount, type Texts } from '../texts';

export interface GrantNoticeOptions {
  notifier: Notifier;
  trajectories: TrajectoryRepository;
  texts: Texts;
  /** A fresh watch link bound to the colleague. */
  watchLink: (grant: Grant, recording: Recording) => string;
  /** Inside Teams with SSO the card opens the player as a dialog instead of a link. */
  dialogs: boolean;
}

/** What colleagues and teachers are told about grants, whether sent at once or after clips are cut. */
export function createGrantNotices(options: GrantNoticeOptions): GrantNotices {
  const { notifier, trajectories, texts } = options;
  const teacherOf = async (recording: Recording) => (await trajectories.get(recording.tenantId, recording.schoolId, recording.trajectoryId))?.trajectory.teacher;
  return {
    async ready(grant, recording) {
      const teacher = await teacherOf(recording);
      const fragments = grant.scope.kind === 'fragments' ? grant.scope.fragmentIds.length : undefined;
      const opens = options.dialogs ? { dialogRecordingId: recording.id } : { url: options.watchLink(grant, recording) };
      const card = grantNoticeCard({ teacher: teacher?.name ?? '', cycle: recording.cycle, fragments, ...opens }, texts);
      const reached = await notifier.sendCard(grant.tenantId, grant.granteeId, card);
      if (teacher && fragments !== undefined) {
        const ready = fillInMessage(texts.recordings.grantedFragments, { name: grant.granteeName, count: fragmentCount(fragments, texts) });
        await notifier.sendText(grant.tenantId, teacher.userId, reached ? ready : `${ready} ${fillInMessage(texts.recordings.notReached, { name: grant.granteeName })}`);
      }
      return reached;
    },
    async failed(grant, recording) {
      const teacher = await teacherOf(recording);
      if (teacher) await notifier.sendText(grant.tenantId, teacher.userId, fillInMessage(texts.recordings.clipsFailed, { name: grant.granteeName }));
    },
  };
}
