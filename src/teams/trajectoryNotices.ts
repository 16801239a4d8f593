import { newRequestCard, proposalCard, type NewRequestStatus } from '../cards/trajectoryCards';
import type { Trajectory } from '../domain/trajectories/trajectory';
import type { Notifier } from '../features/notifications/Notifier';
import type { TrajectoryNotices } from '../features/trajectories/trajectoryNotices';
import { fillInMessage, timelineMessage, type Texts } from '../texts';

/** The cards about an open request or a proposal, each tracked so it can be updated in place. */
const NEW_REQUEST = 'newRequest';
const NEW_REQUEST_REMINDER = 'newRequestReminder';
const PROPOSAL = 'proposal';

/** The cards and messages of a trajectory's changes, for everyone but the one who made them. */
export function createTrajectoryNotices(options: { notifier: Notifier; texts: Texts }): TrajectoryNotices {
  const { notifier, texts } = options;

  const sendRequestCards = async (tenantId: string, trajectory: Trajectory, svibberIds: readonly string[], status: NewRequestStatus) => {
    const card = newRequestCard(trajectory, status, texts);
    const purpose = status.kind === 'reminder' ? NEW_REQUEST_REMINDER : NEW_REQUEST;
    await Promise.all(svibberIds.map((userId) => notifier.sendCard(tenantId, userId, card, { subject: trajectory.id, purpose })));
  };
  const updateRequestCards = async (trajectory: Trajectory, statusFor: (userId: string) => NewRequestStatus) => {
    for (const purpose of [NEW_REQUEST, NEW_REQUEST_REMINDER]) {
      await notifier.updateTracked({ subject: trajectory.id, purpose }, (userId) => newRequestCard(trajectory, statusFor(userId), texts));
    }
  };

  return {
    requestOpened: (tenantId, trajectory, svibberIds) => sendRequestCards(tenantId, trajectory, svibberIds, { kind: 'open' }),
    requestReminded: (tenantId, trajectory, svibberIds) => sendRequestCards(tenantId, trajectory, svibberIds, { kind: 'reminder' }),
    async proposed(tenantId, trajectory) {
      await notifier.sendCard(tenantId, trajectory.teacher.userId, proposalCard(trajectory, '', texts), { subject: trajectory.id, purpose: PROPOSAL });
    },
    async takenUp(tenantId, trajectory, by) {
      await notifier.sendText(tenantId, trajectory.teacher.userId, fillInMessage(texts.request.takenUpByNotice, { name: by.name }));
      await updateRequestCards(trajectory, (userId) => (userId === by.userId ? { kind: 'takenByYou' } : { kind: 'takenBy', name: by.name }));
    },
    async handedOver(tenantId, trajectory, byName, to) {
      await notifier.sendText(tenantId, trajectory.teacher.userId, fillInMessage(texts.request.handedOverNotice, { name: to.name }));
      await notifier.sendText(tenantId, to.userId, fillInMessage(texts.svibber.newAssignment, { from: byName, teacher: trajectory.teacher.name }));
    },
    async stoppedByBegeleider(tenantId, trajectory, byName, reason) {
      await notifier.sendText(tenantId, trajectory.teacher.userId, fillInMessage(texts.request.cancelledBySvibberNotice, { name: byName, reason }));
    },
    async requestDeclined(tenantId, trajectory, byName, reason) {
      await notifier.sendText(tenantId, trajectory.teacher.userId, fillInMessage(texts.request.declinedNotice, { name: byName, reason }));
      await updateRequestCards(trajectory, () => ({ kind: 'declined', name: byName }));
    },
    async proposalAccepted(_tenantId, trajectory) {
      await notifier.updateTracked({ subject: trajectory.id, purpose: PROPOSAL }, () => proposalCard(trajectory, 'accepted', texts));
    },
    async proposerAnswered(tenantId, trajectory, answer) {
      if (!trajectory.proposal) return;
      const template = answer === 'accepted' ? texts.proposal.acceptedNotice : texts.proposal.declinedNotice;
      await notifier.sendText(tenantId, trajectory.proposal.by.userId, fillInMessage(template, { teacher: trajectory.teacher.name }));
    },
    async withdrawn(tenantId, trajectory, begeleider) {
      if (begeleider) await notifier.sendText(tenantId, begeleider.userId, fillInMessage(texts.request.withdrawnNotice, { teacher: trajectory.teacher.name }));
      else await updateRequestCards(trajectory, () => ({ kind: 'withdrawn' }));
    },
    async stepTaken(tenantId, trajectory, event) {
      await notifier.sendText(tenantId, trajectory.teacher.userId, timelineMessage(event));
    },
  };
}
