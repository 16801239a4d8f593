import type { AccessSubject } from '../../domain/recordings/recording';
import type { TrajectoryRepository } from '../../storage/trajectories/TrajectoryRepository';
import { fillIn, formatDate, type Texts } from '../../texts';

/**
 * The line under a recording page's title: whose trajectory (not for the teacher herself), what
 * it is about (only for its teacher and begeleider: a colleague who was shown a recording learns
 * nothing of the hulpvraag), and the date. The caller has already decided the person may be there.
 */
export function createRecordingContext(trajectories: TrajectoryRepository, texts: Texts) {
  return async (subject: AccessSubject, trajectoryId: string, at: Date): Promise<string | undefined> => {
    const trajectory = (await trajectories.get(subject.tenantId, subject.schoolId, trajectoryId))?.trajectory;
    if (!trajectory) return undefined;
    const isTeacher = trajectory.teacher.userId === subject.userId;
    const isParty = isTeacher || trajectory.svibber?.userId === subject.userId;
    const parts: string[] = [];
    if (!isTeacher) parts.push(fillIn(texts.pages.common.contextTeacher, { teacher: trajectory.teacher.name }));
    if (isParty) parts.push(trajectory.proposal?.goal ?? texts.trajectories.intakeForm.choices.helpQuestionKind[trajectory.helpQuestionKind]);
    parts.push(formatDate(at));
    return parts.join(' · ');
  };
}
