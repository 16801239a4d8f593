import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { cardVerbs } from '../../cards/cardVerbs';
import type { AdaptiveCardJson } from '../../cards/renderCard';
import { intakeFormCard, intakeSummaryCard, myGuidanceCard, myTrajectoriesCard, newRequestCard, trajectoryDetailCard, type DetailOptions, type RecordingDialog } from '../../cards/trajectoryCards';
import { hasRole } from '../../domain/schools/roles';
import type { PersonWithRoles, Trajectory, TrajectoryCommand } from '../../domain/trajectories/trajectory';
import type { Actor } from '../../features/schools/SchoolDirectory';
import type { CommandOutcome } from '../../features/trajectories/TrajectoryService';
import type { BotDependencies } from '../botDependencies';
import { actorOf } from '../actorOf';
import { sendCard, sendText } from '../replies';
import type { SvibTurnState } from '../svibTurnState';
import { cardActionsOf, idFrom } from './cardData';
import { sharedWithMeFor } from './recordingHandlers';
import { fillIn } from '../../texts';


/** A step button names its command and cycle; anything else is refused before it reaches the domain. */
function stepCommandFrom(data: Record<string, unknown>): TrajectoryCommand | undefined {
  const cycle = Number(data.cycle);
  switch (data.step) {
    case 'startIntake':
      return { type: 'startIntake' };
    case 'completeIntake':
      return { type: 'completeIntake', cycles: data.cycles === undefined ? undefined : Number(data.cycles) };
    case 'completeRecording':
      return Number.isInteger(cycle) ? { type: 'completeRecording', cycle } : undefined;
    case 'completeAfterTalk':
      return Number.isInteger(cycle) ? { type: 'completeAfterTalk', cycle } : undefined;
    default:
      return undefined;
  }
}

function reasonFrom(data: Record<string, unknown>): string | undefined {
  return typeof data.reason === 'string' ? data.reason : undefined;
}

export async function sendIntakeForm(context: TurnContext, deps: BotDependencies): Promise<void> {
  await sendCard(context, intakeFormCard({ formId: randomUUID() }, deps.texts));
}

export async function sendMyTrajectories(context: TurnContext, deps: BotDependencies): Promise<void> {
  const actor = await actorOf(context, deps.directory);
  const own = await deps.trajectories.myTrajectories(actor);
  await sendCard(context, myTrajectoriesCard(own, deps.texts, await deps.scheduling.plannedSteps(actor, own)));
}

export async function sendMyGuidance(context: TurnContext, deps: BotDependencies): Promise<void> {
  const actor = await actorOf(context, deps.directory);
  const lists = await deps.trajectories.myGuidance(actor);
  if (lists) await sendCard(context, myGuidanceCard(lists.open, lists.own, deps.texts, await deps.scheduling.plannedSteps(actor, lists.own)));
  else await sendText(context, deps.texts.svibber.notSvibber);
}

/** What the detail card offers this viewer besides the trajectory itself; `freshWatch` mints a link to that recording. */
async function detailOptions(actor: Actor, trajectory: Trajectory, deps: BotDependencies, freshWatch?: string): Promise<DetailOptions> {
  const { recordings, recordingLinks, texts } = deps;
  const planned = (await deps.scheduling.plannedSteps(actor, [trajectory])).get(trajectory.id);
  const watchable = await recordings.watchable(actor, trajectory.id);
  const recordingAccess = watchable.map((recording) => ({ title: fillIn(texts.recordings.access, { cycle: recording.cycle }), recordingId: recording.id }));
  const dialogs: RecordingDialog[] = watchable.map((recording) => ({ title: fillIn(texts.recordings.watch, { cycle: recording.cycle }), page: 'watch', recordingId: recording.id }));
  const phase = trajectory.phase;
  if ((phase.kind === 'opname' || phase.kind === 'nagesprek') && (await recordings.mayUpload(actor, trajectory.id))) {
    dialogs.push({ title: fillIn(texts.recordings.add, { cycle: phase.cycle }), page: 'upload', trajectoryId: trajectory.id, cycle: phase.cycle });
  }
  const party = actor.userId === trajectory.teacher.userId || actor.userId === trajectory.svibber?.userId;
  const options = { handOverChoices: await handOverChoices(actor, deps), recordingAccess, planned, observations: party && watchable.length > 0 };
  // Inside Teams with SSO the pages open as dialogs; elsewhere as signed links bound to this viewer.
  if (deps.recordingDialogs) return { ...options, recordingDialogs: dialogs };
  // A watch link works once, so the button mints a fresh one on every click rather than carry one.
  const watchButtons = watchable.map((recording) => ({ title: fillIn(texts.recordings.watch, { cycle: recording.cycle }), recordingId: recording.id }));
  const fresh = watchable.find((recording) => recording.id === freshWatch);
  const links = [
    ...(fresh ? [{ title: fillIn(texts.recordings.openWatch, { cycle: fresh.cycle }), url: recordingLinks.watch(actor, fresh) }] : []),
    ...dialogs.flatMap((dialog) => (dialog.page === 'upload' ? [{ title: dialog.title, url: recordingLinks.upload(actor, dialog.trajectoryId, dialog.cycle) }] : [])),
  ];
  return { ...options, recordingLinks: links, watchButtons };
}

async function handOverChoices(actor: Actor, deps: BotDependencies) {
  if (!hasRole(actor.roles, 'svibber')) return [];
  const svibbers = await deps.directory.holdersOf(actor.tenantId, actor.schoolId, 'svibber');
  return svibbers.map((member) => ({ userId: member.userId, name: member.name ?? member.email ?? member.userId }));
}

/** The answer to a command on the detail card: the card again, with what happened or why not. */
async function detailAfter(outcome: CommandOutcome, actor: Actor, deps: BotDependencies, doneText: string): Promise<AdaptiveCardJson | string> {
  const { texts } = deps;
  if (outcome.kind === 'notFound') return texts.trajectory.notFound;
  const notice =
    outcome.kind === 'done'
      ? { text: doneText, tone: 'good' as const }
      : { text: texts.trajectories.refusal[outcome.reason], tone: 'attention' as const };
  return trajectoryDetailCard(outcome.trajectory, actor, { ...(await detailOptions(actor, outcome.trajectory, deps)), notice }, texts);
}

export function registerTrajectoryHandlers(app: Application<SvibTurnState>, deps: BotDependencies): void {
  const { texts, trajectories, directory } = deps;
  const execute = cardActionsOf(app);

  execute(cardVerbs.requestStart, async (context) => {
    await sendIntakeForm(context, deps);
    return texts.menu.requestSupport;
  });

  execute(cardVerbs.intakeSubmit, async (context, data) => {
    const formId = idFrom(data, 'formId');
    if (!formId) return intakeFormCard({ formId: randomUUID(), values: data }, texts);
    const actor = await actorOf(context, directory);
    // A form opened from a proposal accepts that proposal; any other form is a new request.
    const proposalId = idFrom(data, 'proposalId');
    const outcome = proposalId ? await trajectories.acceptProposal(actor, proposalId, data) : await trajectories.requestSupport(actor, formId, data);
    if (outcome.kind === 'notFound') return texts.trajectory.notFound;
    if (outcome.kind === 'refused') return texts.trajectories.refusal[outcome.reason];
    if (outcome.kind === 'invalid') return intakeFormCard({ formId, proposalId, values: data, errors: outcome.errors }, texts);
    return intakeSummaryCard(outcome.trajectory, outcome.kind === 'alreadySubmitted', texts);
  });

  execute(cardVerbs.myTrajectories, async (context) => {
    await sendMyTrajectories(context, deps);
    return texts.menu.myTrajectories;
  });

  execute(cardVerbs.myGuidance, async (context) => {
    await sendMyGuidance(context, deps);
    return texts.svibber.myGuidance;
  });

  execute(cardVerbs.trajectoryOpen, async (context, data) => {
    const actor = await actorOf(context, directory);
    const trajectoryId = idFrom(data, 'trajectoryId');
    const trajectory = trajectoryId && (await trajectories.find(actor, trajectoryId));
    if (!trajectory) {
      await sendText(context, texts.trajectory.notFound);
      return texts.trajectory.notFound;
    }
    await sendCard(context, trajectoryDetailCard(trajectory, actor, await detailOptions(actor, trajectory, deps), texts));
    return texts.trajectory.open;
  });

  // The card itself becomes the trajectory again (e.g. back from who-may-see-this).
  execute(cardVerbs.trajectoryShow, async (context, data) => {
    const actor = await actorOf(context, directory);
    const trajectoryId = idFrom(data, 'trajectoryId');
    const trajectory = trajectoryId && (await trajectories.find(actor, trajectoryId));
    if (!trajectory) return texts.trajectory.notFound;
    return trajectoryDetailCard(trajectory, actor, await detailOptions(actor, trajectory, deps), texts);
  });

  // "Bekijk opname n": the answer is the card again with a fresh single-use link to open.
  execute(cardVerbs.recordingWatch, async (context, data) => {
    const actor = await actorOf(context, directory);
    const recordingId = idFrom(data, 'recordingId');
    if (!recordingId) return texts.recordings.refused;
    const recording = await deps.recordings.findWatchable(actor, recordingId);
    const trajectory = recording && (await trajectories.find(actor, recording.trajectoryId));
    if (!recording || !trajectory) {
      // A colleague the teacher shared it (or fragments of it) with clicked it on Gedeeld met mij: that card comes back.
      const shared = await sharedWithMeFor(actor, deps, recordingId);
      return shared.minted ? shared.card : texts.recordings.refused;
    }
    const notice = { text: fillIn(texts.recordings.linkReady, { cycle: recording.cycle }), tone: 'good' as const };
    return trajectoryDetailCard(trajectory, actor, { ...(await detailOptions(actor, trajectory, deps, recording.id)), notice }, texts);
  });

  execute(cardVerbs.requestTakeUp, async (context, data) => {
    const actor = await actorOf(context, directory);
    const trajectoryId = idFrom(data, 'trajectoryId');
    if (!trajectoryId) return texts.trajectory.notFound;
    const outcome = await trajectories.run(actor, trajectoryId, { type: 'takeUp' });
    if (outcome.kind === 'notFound') return texts.trajectory.notFound;
    if (outcome.kind === 'done') return newRequestCard(outcome.trajectory, { kind: 'takenByYou' }, texts);
    const { trajectory, reason } = outcome;
    if (reason === 'already-taken-by-you') return newRequestCard(trajectory, { kind: 'takenByYou' }, texts);
    if (reason === 'already-taken' && trajectory.svibber) return newRequestCard(trajectory, { kind: 'takenBy', name: trajectory.svibber.name }, texts);
    return texts.trajectories.refusal[reason];
  });

  execute(cardVerbs.trajectoryWithdraw, async (context, data) => {
    const actor = await actorOf(context, directory);
    const trajectoryId = idFrom(data, 'trajectoryId');
    if (!trajectoryId) return texts.trajectory.notFound;
    const outcome = await trajectories.run(actor, trajectoryId, { type: 'withdraw', reason: reasonFrom(data) });
    return detailAfter(outcome, actor, deps, texts.trajectory.withdrawn);
  });

  execute(cardVerbs.trajectoryCancel, async (context, data) => {
    const actor = await actorOf(context, directory);
    const trajectoryId = idFrom(data, 'trajectoryId');
    if (!trajectoryId) return texts.trajectory.notFound;
    const outcome = await trajectories.run(actor, trajectoryId, { type: 'cancel', reason: reasonFrom(data) ?? '' });
    // Declining an open request happens on the request card itself, which shows the outcome.
    const openRequest = outcome.kind !== 'notFound' && !outcome.trajectory.svibber;
    if (openRequest && outcome.kind === 'done') return newRequestCard(outcome.trajectory, { kind: 'declined', name: actor.name }, texts);
    if (openRequest && outcome.kind === 'refused') return newRequestCard(outcome.trajectory, { kind: 'open' }, texts, texts.trajectories.refusal[outcome.reason]);
    return detailAfter(outcome, actor, deps, texts.trajectories.phase.geannuleerd);
  });

  execute(cardVerbs.trajectoryStep, async (context, data) => {
    const actor = await actorOf(context, directory);
    const trajectoryId = idFrom(data, 'trajectoryId');
    const command = stepCommandFrom(data);
    if (!trajectoryId || !command) return texts.trajectory.notFound;
    // A talk is not marked held before its planned moment: the card says when it is planned.
    const current = await trajectories.find(actor, trajectoryId);
    const tooEarly = current && (await deps.scheduling.tooEarlyFor(actor, current, command));
    if (current && tooEarly) {
      return trajectoryDetailCard(current, actor, { ...(await detailOptions(actor, current, deps)), notice: { text: tooEarly, tone: 'attention' } }, texts);
    }
    const outcome = await trajectories.run(actor, trajectoryId, command);
    if (outcome.kind === 'done') await deps.scheduling.closeAppointmentOf(actor, outcome.trajectory, command);
    return detailAfter(outcome, actor, deps, texts.svibber.stepDone);
  });

  execute(cardVerbs.trajectoryHandOver, async (context, data) => {
    const actor = await actorOf(context, directory);
    const trajectoryId = idFrom(data, 'trajectoryId');
    const toUserId = idFrom(data, 'toUserId');
    if (!trajectoryId) return texts.trajectory.notFound;
    // The new begeleider is looked up at the actor's own school; a foreign id simply matches nobody.
    const members = await directory.membersOf(actor.tenantId, actor.schoolId);
    const target = members.find((member) => member.userId === toUserId);
    if (!target) {
      const stored = await trajectories.find(actor, trajectoryId);
      if (!stored) return texts.trajectory.notFound;
      return trajectoryDetailCard(stored, actor, { ...(await detailOptions(actor, stored, deps)), notice: { text: texts.svibber.handOverChoose, tone: 'attention' } }, texts);
    }
    const to: PersonWithRoles = { userId: target.userId, name: target.name ?? target.userId, roles: target.roles };
    const outcome = await trajectories.run(actor, trajectoryId, { type: 'handOver', to });
    return detailAfter(outcome, actor, deps, fillIn(texts.request.handedOverNotice, { name: to.name }));
  });
}
