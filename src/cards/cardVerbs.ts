/** The one table of Adaptive Card verbs; cards and handlers both read their names from here. */
export const cardVerbs = {
  requestStart: 'request.start',
  myTrajectories: 'trajectories.mine',
  aboutSvib: 'svib.about',
  intakeSubmit: 'intake.submit',
  requestTakeUp: 'request.takeUp',
  myGuidance: 'guidance.mine',
  trajectoryOpen: 'trajectory.open',
  trajectoryWithdraw: 'trajectory.withdraw',
  trajectoryCancel: 'trajectory.cancel',
  trajectoryHandOver: 'trajectory.handOver',
  trajectoryStep: 'trajectory.step',
  proposalStart: 'proposal.start',
  proposalSubmit: 'proposal.submit',
  proposalAccept: 'proposal.accept',
  proposalDecline: 'proposal.decline',
  schedulePlan: 'schedule.plan',
  schedulePropose: 'schedule.propose',
  scheduleChoose: 'schedule.choose',
  scheduleAskOther: 'schedule.askOther',
  scheduleMove: 'schedule.move',
  scheduleCancel: 'schedule.cancel',
  scheduleDone: 'schedule.done',
  rolesGrant: 'roles.grant',
  rolesRevoke: 'roles.revoke',
} as const;

export type CardVerb = (typeof cardVerbs)[keyof typeof cardVerbs];
