import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { cardVerbs } from '../../cards/cardVerbs';
import { kijkwijzerPageCard, kijkwijzerResultCard, manageKijkwijzerCard, myKijkwijzersCard, startRoundCard, type ManageCardInput } from '../../cards/kijkwijzerCards';
import type { AdaptiveCardJson } from '../../cards/renderCard';
import type { Participant } from '../../domain/kijkwijzer/round';
import type { ListEdit, PageMove } from '../../features/kijkwijzer/KijkwijzerService';
import type { Actor } from '../../features/schools/SchoolDirectory';
import { actorOf } from '../actorOf';
import type { BotDependencies } from '../botDependencies';
import { sendCard, sendText } from '../replies';
import { teamRoster } from '../roster';
import type { SvibTurnState } from '../svibTurnState';
import { cardActionsOf, idFrom } from './cardData';
import { fillIn, roundName } from '../../texts';

const MAX_PAGE = 999;

function pageFrom(data: Record<string, unknown>): number {
  const page = Number(data.page);
  return Number.isInteger(page) && page >= 0 && page <= MAX_PAGE ? page : 0;
}

function moveFrom(value: unknown): PageMove {
  return value === 'next' || value === 'previous' ? value : 'stay';
}

function versionFrom(data: Record<string, unknown>): number | undefined {
  const version = Number(data.version);
  return Number.isInteger(version) && version > 0 ? version : undefined;
}

export async function myKijkwijzers(actor: Actor, deps: BotDependencies): Promise<AdaptiveCardJson> {
  return myKijkwijzersCard(await deps.kijkwijzer.mine(actor), deps.kijkwijzer.isCommissie(actor), deps.texts);
}

export async function sendMyKijkwijzers(context: TurnContext, deps: BotDependencies): Promise<void> {
  await sendCard(context, await myKijkwijzers(await actorOf(context, deps.directory), deps));
}

async function manageCardFor(actor: Actor, deps: BotDependencies, extra: Partial<ManageCardInput> = {}): Promise<AdaptiveCardJson> {
  const school = await deps.directory.schoolOf(actor.tenantId, actor.schoolId);
  const { list } = await deps.kijkwijzer.list(actor.tenantId, actor.schoolId);
  const rounds = (await deps.kijkwijzer.rounds(actor)) ?? [];
  return manageKijkwijzerCard({ schoolName: school?.name ?? '', list, rounds, ...extra }, deps.texts);
}

export async function sendManageKijkwijzer(context: TurnContext, deps: BotDependencies): Promise<void> {
  const actor = await actorOf(context, deps.directory);
  if (!deps.kijkwijzer.isCommissie(actor)) return sendText(context, deps.texts.kijkwijzer.notBeheerder);
  await sendCard(context, await manageCardFor(actor, deps));
}

/** Everyone in the school's team (the roster where Teams gives it, else the people the bot met there). */
async function candidatesFor(context: TurnContext, actor: Actor, deps: BotDependencies): Promise<Participant[]> {
  const school = await deps.directory.schoolOf(actor.tenantId, actor.schoolId);
  const roster = school?.teamId ? await teamRoster(context, school.teamId) : undefined;
  const people = roster ?? (await deps.directory.peopleAt(actor.tenantId, actor.schoolId));
  return people.map(({ userId, name }) => ({ userId, name })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/**
 * The school kijkwijzer: participants fill in pages in their own chat; the commissie
 * (beheerders) keeps the statements, starts rounds and reads the processing.
 */
export function registerKijkwijzerHandlers(app: Application<SvibTurnState>, deps: BotDependencies): void {
  const { texts, directory, kijkwijzer } = deps;
  const words = texts.kijkwijzer;
  const execute = cardActionsOf(app);
  const commissie = async (context: TurnContext) => {
    const actor = await actorOf(context, directory);
    return kijkwijzer.isCommissie(actor) ? actor : undefined;
  };

  execute(cardVerbs.kijkwijzerMine, async (context) => myKijkwijzers(await actorOf(context, directory), deps));

  execute(cardVerbs.kijkwijzerOpen, async (context, data) => {
    const actor = await actorOf(context, directory);
    const roundId = idFrom(data, 'roundId');
    const outcome = roundId ? await kijkwijzer.page(actor, roundId, pageFrom(data)) : undefined;
    return outcome?.ok ? kijkwijzerPageCard(outcome.view, {}, texts) : words.notParticipant;
  });

  execute(cardVerbs.kijkwijzerSave, async (context, data) => {
    const actor = await actorOf(context, directory);
    const roundId = idFrom(data, 'roundId');
    if (!roundId) return words.notParticipant;
    const outcome = await kijkwijzer.savePage(actor, roundId, pageFrom(data), data, moveFrom(data.move));
    if (outcome.ok) return kijkwijzerPageCard(outcome.view, { notice: { text: fillIn(words.pageSaved, { page: (outcome.saved ?? 0) + 1 }), tone: 'good' } }, texts);
    if (outcome.reason === 'invalid') return kijkwijzerPageCard(outcome.view, { notice: { text: words.fixProblems, tone: 'attention' }, problems: outcome.problems, typed: outcome.typed }, texts);
    return outcome.reason === 'closed' ? words.roundClosedForAnswers : words.notParticipant;
  });

  execute(cardVerbs.kijkwijzerManage, async (context) => {
    const actor = await commissie(context);
    return actor ? manageCardFor(actor, deps) : words.notBeheerder;
  });

  const edit = (build: (data: Record<string, unknown>) => ListEdit | undefined) => async (context: TurnContext, data: Record<string, unknown>) => {
    const actor = await commissie(context);
    if (!actor) return words.notBeheerder;
    const change = build(data);
    if (!change) return manageCardFor(actor, deps, { notice: { text: words.statementProblem['unknown-statement'], tone: 'attention' } });
    const outcome = await kijkwijzer.editList(actor, change, versionFrom(data));
    if (outcome.ok) return manageCardFor(actor, deps, { notice: { text: words.saved, tone: 'good' } });
    if (outcome.reason === 'not-beheerder') return words.notBeheerder;
    if (outcome.reason === 'conflict') return manageCardFor(actor, deps, { notice: { text: words.listChanged, tone: 'attention' } });
    const newText = change.kind === 'add' && typeof change.text === 'string' ? change.text.slice(0, 400) : undefined;
    return manageCardFor(actor, deps, { notice: { text: words.statementProblem[outcome.problem], tone: 'attention' }, problem: { statementId: outcome.statementId, problem: outcome.problem }, newText });
  };

  execute(cardVerbs.kijkwijzerAdd, edit((data) => ({ kind: 'add', text: data.newStatement })));
  execute(
    cardVerbs.kijkwijzerReword,
    edit((data) => {
      const statementId = idFrom(data, 'statementId');
      return statementId ? { kind: 'reword', statementId, text: data[`text_${statementId}`] } : undefined;
    }),
  );
  execute(
    cardVerbs.kijkwijzerMove,
    edit((data) => {
      const statementId = idFrom(data, 'statementId');
      return statementId ? { kind: 'move', statementId, direction: data.direction === 'up' ? 'up' : 'down' } : undefined;
    }),
  );
  execute(
    cardVerbs.kijkwijzerRetire,
    edit((data) => {
      const statementId = idFrom(data, 'statementId');
      return statementId ? { kind: 'retire', statementId } : undefined;
    }),
  );

  execute(cardVerbs.kijkwijzerStartForm, async (context) => {
    const actor = await commissie(context);
    if (!actor) return words.notBeheerder;
    return startRoundCard({ sequence: await kijkwijzer.nextSequence(actor), people: await candidatesFor(context, actor, deps) }, texts);
  });

  execute(cardVerbs.kijkwijzerStart, async (context, data) => {
    const actor = await commissie(context);
    if (!actor) return words.notBeheerder;
    const candidates = await candidatesFor(context, actor, deps);
    const participantIds = typeof data.participants === 'string' ? data.participants.split(',').map((id) => id.trim()).filter(Boolean) : [];
    const closesOn = typeof data.closesOn === 'string' ? data.closesOn.slice(0, 20) : '';
    const outcome = await kijkwijzer.start(actor, { closesOn, participantIds }, candidates);
    if (outcome.ok) {
      const text = fillIn(words.started, { round: roundName(texts, outcome.round.sequence), sent: outcome.sent, invited: outcome.round.participants.length });
      return manageCardFor(actor, deps, { notice: { text, tone: 'good' } });
    }
    if (outcome.reason === 'not-beheerder') return words.notBeheerder;
    return startRoundCard({ sequence: await kijkwijzer.nextSequence(actor), people: candidates, chosen: participantIds, closesOn, problems: outcome.problems }, texts);
  });

  execute(cardVerbs.kijkwijzerResult, async (context, data) => {
    const actor = await commissie(context);
    if (!actor) return words.notBeheerder;
    const roundId = idFrom(data, 'roundId');
    const result = roundId ? await kijkwijzer.result(actor, roundId) : undefined;
    if (!result?.ok) return result?.reason === 'not-closed' ? words.notClosedYet : words.notParticipant;
    return kijkwijzerResultCard(
      { ...result, csvUrl: deps.kijkwijzerDownloads.urlFor(actor, result.round.id, 'csv'), noteUrl: deps.kijkwijzerDownloads.urlFor(actor, result.round.id, 'notitie') },
      texts,
    );
  });
}
