import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { cardVerbs } from '../../cards/cardVerbs';
import type { AdaptiveCardJson } from '../../cards/renderCard';
import { renderSummaryChart } from '../../cards/summaryChart';
import { directieSummaryCard, scheduleDescription, scheduleSettingsCard, type ScheduleCardInput } from '../../cards/summaryCards';
import type { DirectieSummary } from '../../domain/directieSummary/directieSummary';
import { isPeriodKey } from '../../domain/directieSummary/schedule';
import { hasRole } from '../../domain/schools/roles';
import type { Actor } from '../../features/schools/SchoolDirectory';
import { actorOf } from '../actorOf';
import type { BotDependencies } from '../botDependencies';
import { conversationFactsOf, serializedReferenceOf } from '../conversationFacts';
import type { SvibTurnState } from '../svibTurnState';
import { cardActionsOf } from './cardData';
import { fillIn, fillInMessage } from '../../texts';

async function summaryCardFor(deps: BotDependencies, actor: Actor, summary: DirectieSummary, options: { reportPeriod?: string; csvUrl?: string; full?: boolean }): Promise<AdaptiveCardJson> {
  const school = await deps.directory.schoolOf(actor.tenantId, actor.schoolId);
  const chart = summary.empty ? undefined : await renderSummaryChart(summary.kijkwijzer, deps.texts);
  return directieSummaryCard(
    summary,
    { schoolName: school?.name ?? deps.texts.team.unnamedSchool, chartUrl: chart && `data:image/png;base64,${chart.toString('base64')}`, ...options },
    deps.texts,
  );
}

async function scheduleCardFor(deps: BotDependencies, actor: Actor, extra: Partial<ScheduleCardInput> = {}): Promise<AdaptiveCardJson> {
  const settings = await deps.directieSummary.service.settingsOf(actor.tenantId, actor.schoolId);
  return scheduleSettingsCard(
    { schedule: settings?.schedule, enabled: settings?.enabled ?? false, hasChannel: Boolean(settings?.channelReference), startingTeachers: settings?.startingTeachers, ...extra },
    deps.texts,
  );
}

/** `directiekanaal`, typed in a channel: a beheerder makes it the school's directie channel. */
export async function chooseDirectieChannel(context: TurnContext, deps: BotDependencies): Promise<void> {
  const words = deps.texts.summary.channel;
  const facts = conversationFactsOf(context);
  const actor = await actorOf(context, deps.directory);
  const inChannel = facts.conversationType === 'channel';
  const outcome = await deps.directieSummary.service.chooseChannel(
    actor,
    inChannel ? { reference: serializedReferenceOf(context), channelId: facts.conversationId.split(';')[0], teamId: facts.teamId } : undefined,
  );
  if (!outcome.ok) {
    await context.sendActivity(outcome.reason === 'not-in-channel' ? words.onlyInChannel : words.onlyBeheerder);
    return;
  }
  deps.logger.info({ schoolId: actor.schoolId }, 'directie channel chosen');
  await context.sendActivity(fillInMessage(words.chosen, { school: outcome.schoolName }));
  const card = await scheduleCardFor(deps, actor, { notice: { text: fillIn(words.chosenPersonal, { school: outcome.schoolName }), tone: 'good' } });
  await deps.notifier.sendCard(actor.tenantId, actor.userId, card);
}

/**
 * Where figures may be shown on demand: a personal chat, or the school's own directie channel.
 * Another channel or a group chat has teachers in it who did not choose to see them.
 */
async function isSummaryPlace(context: TurnContext, deps: BotDependencies, actor: Actor): Promise<boolean> {
  const facts = conversationFactsOf(context);
  if (facts.conversationType === 'personal' || facts.conversationType === undefined) return true;
  if (facts.conversationType !== 'channel') return false;
  const settings = await deps.directieSummary.service.settingsOf(actor.tenantId, actor.schoolId);
  return settings?.channelId !== undefined && settings.channelId === facts.conversationId.split(';')[0];
}

/** The running period for directie, in the directie channel or a chat; a refusal in words otherwise. */
async function summaryOnDemand(context: TurnContext, deps: BotDependencies): Promise<{ card: AdaptiveCardJson } | { refusal: string }> {
  const actor = await actorOf(context, deps.directory);
  const result = await deps.directieSummary.service.onDemand(actor);
  if (!result.ok) return { refusal: deps.texts.summary.refused };
  if (!(await isSummaryPlace(context, deps, actor))) return { refusal: deps.texts.summary.notHere };
  return { card: await summaryCardFor(deps, actor, result.summary, { reportPeriod: 'now' }) };
}

/** `samenvatting`: anyone but directie is refused politely. */
export async function sendSummaryOnDemand(context: TurnContext, deps: BotDependencies): Promise<void> {
  const outcome = await summaryOnDemand(context, deps);
  await context.sendActivity('card' in outcome ? MessageFactory.attachment(CardFactory.adaptiveCard(outcome.card)) : outcome.refusal);
}

export async function sendSummarySettings(context: TurnContext, deps: BotDependencies): Promise<void> {
  const actor = await actorOf(context, deps.directory);
  if (!hasRole(actor.roles, 'beheerder')) {
    await context.sendActivity(deps.texts.summary.channel.onlyBeheerder);
    return;
  }
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(await scheduleCardFor(deps, actor))));
}

export function registerDirectieSummaryHandlers(app: Application<SvibTurnState>, deps: BotDependencies): void {
  const { texts, directory } = deps;
  const { service } = deps.directieSummary;
  const execute = cardActionsOf(app);

  // The help card's button: the summary as a new message, the help card stays.
  execute(cardVerbs.summaryShow, async (context) => {
    const outcome = await summaryOnDemand(context, deps);
    if (!('card' in outcome)) return outcome.refusal;
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(outcome.card)));
    return texts.summary.shownBelow;
  });

  // The full report is a new card; the summary that was clicked stays as it is. Its CSV link is
  // bound to the person who clicked, so from a channel it goes to their personal chat.
  execute(cardVerbs.summaryReport, async (context, data) => {
    const actor = await actorOf(context, directory);
    const period = typeof data.period === 'string' && (data.period === 'now' || isPeriodKey(data.period)) ? data.period : undefined;
    if (!service.mayRead(actor)) return texts.summary.refused;
    const report = period && (await service.reportFor(actor, period));
    if (!report || !report.ok) return texts.errors.unknownAction;
    const card = await summaryCardFor(deps, actor, report.summary, { full: true, csvUrl: deps.directieSummary.csvLink(actor, period!) });
    if (conversationFactsOf(context).conversationType === 'personal') {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      return texts.summary.report.sentHere;
    }
    return (await deps.notifier.sendCard(actor.tenantId, actor.userId, card)) ? texts.summary.report.sentToChat : texts.summary.report.noChat;
  });

  const beheerder = async (context: TurnContext) => {
    const actor = await actorOf(context, directory);
    return hasRole(actor.roles, 'beheerder') ? actor : undefined;
  };

  execute(cardVerbs.summarySettings, async (context) => {
    const actor = await beheerder(context);
    return actor ? scheduleCardFor(deps, actor) : texts.summary.channel.onlyBeheerder;
  });

  execute(cardVerbs.summarySettingsSave, async (context, data) => {
    const actor = await beheerder(context);
    if (!actor) return texts.summary.channel.onlyBeheerder;
    const typed = {
      kind: String(data.kind ?? '').slice(0, 20),
      weekday: String(data.weekday ?? '').slice(0, 2),
      day: String(data.day ?? '').slice(0, 3),
      time: String(data.time ?? '').slice(0, 5),
      startingTeachers: String(data.startingTeachers ?? '').slice(0, 4),
    };
    const saved = await service.saveSchedule(actor, typed);
    if (!saved.ok && saved.reason === 'not-beheerder') return texts.summary.channel.onlyBeheerder;
    if (!saved.ok) return scheduleCardFor(deps, actor, { typed, problems: saved.reason === 'invalid' ? saved.problems : undefined });
    return scheduleCardFor(deps, actor, { notice: { text: fillIn(texts.summary.settings.saved, { when: scheduleDescription(saved.settings.schedule, texts) }), tone: 'good' } });
  });

  for (const [verb, enabled] of [
    [cardVerbs.summarySwitchOff, false],
    [cardVerbs.summarySwitchOn, true],
  ] as const) {
    execute(verb, async (context) => {
      const actor = await beheerder(context);
      if (!actor) return texts.summary.channel.onlyBeheerder;
      await service.switchOnOff(actor, enabled);
      return scheduleCardFor(deps, actor, enabled ? {} : { notice: { text: texts.summary.channel.switchedOff, tone: 'attention' } });
    });
  }
}
