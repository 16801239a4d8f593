/** The one table of Adaptive Card verbs; cards and handlers both read their names from here. */
export const cardVerbs = {
  requestStart: 'request.start',
  myTrajectories: 'trajectories.mine',
  aboutSvib: 'svib.about',
  /** The menu entries that were only found by typing (issue 14): now also buttons on the help card. */
  sharedWithMe: 'recordings.sharedWithMe',
  auditLog: 'recordings.auditLog',
  settingsOpen: 'settings.open',
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
  recordingAccess: 'recording.access',
  /** Mints a fresh single-use watch link on every click, so the button keeps working. */
  recordingWatch: 'recording.watch',
  /** Answers with the trajectory card in place, e.g. back from the access card. */
  trajectoryShow: 'trajectory.show',
  recordingGrant: 'recording.grant',
  recordingWithdraw: 'recording.withdraw',
  recordingDelete: 'recording.delete',
  /** Opens the upload or player page as a Teams dialog (task/fetch), where Teams SSO works. */
  recordingDialog: 'recording.dialog',
  rolesGrant: 'roles.grant',
  rolesRevoke: 'roles.revoke',
  settingsRoles: 'settings.roles',
  settingsRecordings: 'settings.recordings',
  settingsRecordingsSave: 'settings.recordings.save',
} as const;

export type CardVerb = (typeof cardVerbs)[keyof typeof cardVerbs];
