import type { TaskModuleTaskInfo, TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { cardVerbs } from '../../cards/cardVerbs';
import { accessCard, auditLogCard, recordingAspects, sharedWithMeCard } from '../../cards/recordingCards';
import { renderCard, type AdaptiveCardJson } from '../../cards/renderCard';
import { escapeMarkdown, trustedMarkdown, type TrustedMarkdown } from '../../cards/cardText';
import type { Grant, GrantScope, Recording } from '../../domain/recordings/recording';
import { amsterdamLocalToUtc } from '../../domain/scheduling/schoolClock';
import type { Actor } from '../../features/schools/SchoolDirectory';
import type { BotDependencies } from '../botDependencies';
import { actorOf } from '../actorOf';
import { sendCard } from '../replies';
import type { SvibTurnState } from '../svibTurnState';
import { cardActionsOf, idFrom } from './cardData';
import { fillIn, fillInMessage, fragmentCount } from '../../texts';

/**
 * Colleagues the teacher can share with: people of the school, not the teacher, not the
 * begeleider, and never anyone who is directie now (SVIB stays apart from assessment).
 */
async function colleagues(actor: Actor, deps: BotDependencies, exclude: string[]) {
  const people = await deps.directory.peopleAt(actor.tenantId, actor.schoolId);
  const directie = new Set((await deps.directory.holdersOf(actor.tenantId, actor.schoolId, 'directie')).map((member) => member.userId));
  return people.filter((person) => !exclude.includes(person.userId) && !directie.has(person.userId)).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

async function accessCardFor(actor: Actor, recordingId: string, deps: BotDependencies, notice?: { text: string | TrustedMarkdown; tone: 'good' | 'attention' }) {
  const found = await deps.recordings.grantsOf(actor, recordingId);
  if (!found.ok) return deps.texts.recordings.refused;
  // The service read the trajectory for its decision already; its begeleider comes from there.
  const people = await colleagues(actor, deps, [actor.userId, found.trajectory.svibberId ?? '']);
  const aspects = new Map(recordingAspects(deps.texts).map((aspect) => [aspect.value, aspect.title]));
  return accessCard(
    {
      recordingId,
      trajectoryId: found.recording.trajectoryId,
      cycle: found.recording.cycle,
      grants: found.grants,
      people,
      fragments: found.fragments,
      fragmentSharing: await deps.clips.sharingAvailable(),
      aspectTitle: (aspect) => aspects.get(aspect),
      notice,
      canGrant: found.canGrant,
    },
    deps.texts,
  );
}

/** What the teacher chose to share; fragment ids are checked against storage by the service. */
function scopeFrom(data: Record<string, unknown>): GrantScope {
  if (data.scope !== 'fragments') return { kind: 'recording' };
  const ids = typeof data.fragmentIds === 'string' ? data.fragmentIds.split(',').map((id) => id.trim()).filter(Boolean) : [];
  return { kind: 'fragments', fragmentIds: [...new Set(ids)].slice(0, 100) };
}

/** "Wie heeft mijn opnames bekeken?": the audit of every trajectory of the teacher, newest first. */
export async function sendAuditLog(context: TurnContext, deps: BotDependencies): Promise<void> {
  const actor = await actorOf(context, deps.directory);
  const entries = [];
  const cycleOfGrant = new Map<string, number>();
  for (const trajectory of await deps.trajectories.myTrajectories(actor)) {
    const log = await deps.recordings.auditLog(actor, trajectory.id);
    if (log.ok) entries.push(...log.entries);
    for (const recording of await deps.recordings.watchable(actor, trajectory.id)) {
      const found = await deps.recordings.grantsOf(actor, recording.id);
      if (found.ok) for (const grant of found.grants) cycleOfGrant.set(grant.id, recording.cycle);
    }
  }
  entries.sort((a, b) => b.at.getTime() - a.at.getTime());
  const names = new Map((await deps.directory.peopleAt(actor.tenantId, actor.schoolId)).map((person) => [person.userId, person.name]));
  names.set(actor.userId, actor.name);
  // Refused attempts from another school or tenant name someone this school does not know.
  const nameOf = (userId: string) => names.get(userId) ?? (userId === 'svib-bot' ? 'SVIB-bot' : deps.texts.recordings.someoneOutside);
  await sendCard(context, auditLogCard(entries.slice(0, 100), nameOf, deps.texts, (grantId) => cycleOfGrant.get(grantId)));
}

/** "Gedeeld met mij": a fresh way to open each recording a colleague shares with this person. */
export async function sendSharedWithMe(context: TurnContext, deps: BotDependencies): Promise<void> {
  const actor = await actorOf(context, deps.directory);
  await sendCard(context, (await sharedWithMeFor(actor, deps)).card);
}

/**
 * Inside Teams with SSO each item opens a dialog; elsewhere its button mints a signed single-use
 * link for this person on every click (`freshFor`), so the card keeps working.
 */
export async function sharedWithMeFor(actor: Actor, deps: BotDependencies, freshFor?: string): Promise<{ card: AdaptiveCardJson; minted: boolean }> {
  const shared = await deps.recordings.sharedWith(actor);
  const fresh = deps.recordingDialogs ? undefined : shared.find((item) => item.recording.id === freshFor);
  const items = shared.map((item) => ({ ...item, url: item === fresh ? deps.recordingLinks.watch(actor, item.recording) : undefined }));
  const notice = fresh ? fillIn(deps.texts.recordings.linkReady, { cycle: fresh.recording.cycle }) : undefined;
  return { card: sharedWithMeCard(items, deps.texts, { dialogs: deps.recordingDialogs !== undefined, notice }), minted: fresh !== undefined };
}

export function registerRecordingHandlers(app: Application<SvibTurnState>, deps: BotDependencies): void {
  const { texts, directory, recordings, notifier, grantNotices, clips } = deps;
  const execute = cardActionsOf(app);

  // Teams dialogs for the recording pages (only offered with Teams SSO): the page signs in with
  // Teams itself and the server decides again on every call, so the URL carries no token.
  app.taskModules.fetch(cardVerbs.recordingDialog, async (context, _state, submitted): Promise<TaskModuleTaskInfo | string> => {
    const data = (submitted ?? {}) as Record<string, unknown>;
    const dialogs = deps.recordingDialogs;
    if (!dialogs) return texts.errors.unknownAction;
    const actor = await actorOf(context, directory);
    const dialog = (title: string, url: string): TaskModuleTaskInfo => ({ title, url, fallbackUrl: url, height: 'large', width: 'large' });
    if (data.page === 'upload') {
      const trajectoryId = idFrom(data, 'trajectoryId');
      const cycle = Number(data.cycle);
      if (!trajectoryId || !Number.isInteger(cycle) || cycle < 1 || !(await recordings.mayUpload(actor, trajectoryId))) return texts.recordings.refused;
      return dialog(fillIn(texts.recordings.add, { cycle }), dialogs.uploadUrl(trajectoryId, cycle));
    }
    const recordingId = idFrom(data, 'recordingId');
    return recordingId ? dialog(texts.recordings.watchDialogTitle, dialogs.watchUrl(recordingId)) : texts.recordings.refused;
  });

  execute(cardVerbs.recordingAccess, async (context, data) => {
    const recordingId = idFrom(data, 'recordingId');
    return recordingId ? accessCardFor(await actorOf(context, directory), recordingId, deps) : texts.recordings.refused;
  });

  execute(cardVerbs.recordingGrant, async (context, data) => {
    const actor = await actorOf(context, directory);
    const recordingId = idFrom(data, 'recordingId');
    const granteeId = idFrom(data, 'granteeId');
    if (!recordingId) return texts.recordings.refused;
    // The grantee must be a colleague of this school; an id from elsewhere matches nobody.
    const grantee = (await directory.peopleAt(actor.tenantId, actor.schoolId)).find((person) => person.userId === granteeId);
    if (!grantee) return accessCardFor(actor, recordingId, deps, { text: texts.recordings.chooseColleague, tone: 'attention' });
    const typedUntil = typeof data.until === 'string' ? data.until.trim() : '';
    const until = typedUntil ? amsterdamLocalToUtc(typedUntil, '23:59') : undefined;
    // A date that cannot be read is named, never taken as "no end date".
    if (typedUntil && until === undefined) return accessCardFor(actor, recordingId, deps, { text: texts.recordings.untilUnreadable, tone: 'attention' });
    // The end date counts to the end of that day: a day already gone is named and nothing is saved.
    if (until !== undefined && until.getTime() <= deps.now().getTime()) {
      return accessCardFor(actor, recordingId, deps, { text: texts.recordings.untilInPast, tone: 'attention' });
    }
    const scope = scopeFrom(data);
    if (scope.kind === 'fragments' && !(await clips.sharingAvailable())) {
      return accessCardFor(actor, recordingId, deps, { text: texts.recordings.fragmentSharingUnavailable, tone: 'attention' });
    }
    // Only an explicit "true" from the toggle includes the kijkwijzer; anything else means no.
    const includeObservations = data.includeObservations === 'true' || data.includeObservations === true;
    // Told while the grant is written (held until it lands); a repeat tells nobody again.
    let reached = true;
    const tell = async (grant: Grant, recording: Recording) => {
      if (grant.scope.kind === 'recording') reached = await grantNotices.ready(grant, recording);
      else await deps.recordingNotices.fragmentsShared(grant, recording);
    };
    const granted = await recordings.grant(actor, recordingId, { userId: grantee.userId, name: grantee.name }, scope, until, includeObservations, tell);
    if (!granted.ok) {
      const problems: Record<string, string> = {
        'no-fragments': texts.recordings.chooseFragment,
        'grantee-directie': texts.recordings.granteeDirectie,
        'until-in-past': texts.recordings.untilInPast,
        'trajectory-ended': texts.recordings.trajectoryEnded,
      };
      const problem = problems[granted.reason] ?? texts.recordings.refused;
      return accessCardFor(actor, recordingId, deps, { text: problem, tone: 'attention' });
    }
    const { grant } = granted;
    if (granted.updated) return accessCardFor(actor, recordingId, deps, { text: fillIn(texts.recordings.observationsChoiceChanged, { name: grantee.name }), tone: 'good' });
    // A repeated click changes nothing: the colleague was told the first time.
    if (grant.scope.kind === 'recording') {
      const text = fillIn(texts.recordings.granted, { name: grantee.name });
      // Nobody is left believing a colleague was told when the bot could not reach them.
      if (!reached) {
        // Our words carry markdown here (*gedeeld met mij*): the colleague's name is escaped by hand.
        const name = escapeMarkdown(grantee.name);
        const notice = trustedMarkdown(`${fillIn(texts.recordings.granted, { name })} ${fillIn(texts.recordings.notReached, { name })}`);
        return accessCardFor(actor, recordingId, deps, { text: notice, tone: 'attention' });
      }
      return accessCardFor(actor, recordingId, deps, { text, tone: 'good' });
    }
    // Clips may take a while to cut: the clip job tells the colleague (once) when all are ready,
    // also when they were ready already.
    if (!granted.repeated) clips.kick({ tenantId: actor.tenantId, schoolId: actor.schoolId, recordingId });
    const fragments = grant.scope.fragmentIds.length;
    const pending = fragments === 1 ? texts.recordings.grantedFragmentPending : texts.recordings.grantedFragmentsPending;
    return accessCardFor(actor, recordingId, deps, { text: fillIn(pending, { name: grantee.name, count: fragmentCount(fragments, texts) }), tone: 'good' });
  });

  execute(cardVerbs.recordingDelete, async (context, data) => {
    const actor = await actorOf(context, directory);
    const recordingId = idFrom(data, 'recordingId');
    if (!recordingId) return texts.recordings.refused;
    const removed = await recordings.remove(actor, recordingId);
    return removed.ok ? renderCard('notice', { title: texts.recordings.delete, text: texts.recordings.deleted, url: '' }, texts) : texts.recordings.refused;
  });

  execute(cardVerbs.recordingWithdraw, async (context, data) => {
    const actor = await actorOf(context, directory);
    const recordingId = idFrom(data, 'recordingId');
    const grantId = idFrom(data, 'grantId');
    if (!recordingId || !grantId) return texts.recordings.refused;
    const withdrawn = await recordings.withdrawGrant(actor, recordingId, grantId, async (grant, recording) => {
      await notifier.sendText(actor.tenantId, grant.granteeId, fillInMessage(texts.recordings.withdrawnNotice, { teacher: actor.name, cycle: recording.cycle }));
    });
    if (!withdrawn.ok) return accessCardFor(actor, recordingId, deps, { text: texts.recordings.refused, tone: 'attention' });
    return accessCardFor(actor, recordingId, deps, { text: fillIn(texts.recordings.withdrawn, { name: withdrawn.grant.granteeName }), tone: 'good' });
  });
}
