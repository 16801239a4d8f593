import type { Application } from '@microsoft/teams-ai';
import { cardVerbs } from '../../cards/cardVerbs';
import { observationCard, observationsCard } from '../../cards/observationCards';
import { actorOf } from '../actorOf';
import type { BotDependencies } from '../botDependencies';
import type { SvibTurnState } from '../svibTurnState';
import { cardActionsOf, idFrom } from './cardData';

/** The observation kijkwijzer per recording: only its teacher and her begeleider, decided per click. */
export function registerObservationHandlers(app: Application<SvibTurnState>, deps: BotDependencies): void {
  const { texts, directory, observations } = deps;
  const words = texts.kijkwijzer.observation;
  const execute = cardActionsOf(app);

  execute(cardVerbs.observationOpen, async (context, data) => {
    const actor = await actorOf(context, directory);
    const recordingId = idFrom(data, 'recordingId');
    const outcome = recordingId ? await observations.form(actor, recordingId) : undefined;
    return outcome?.ok ? observationCard(outcome.form, {}, texts) : words.refused;
  });

  execute(cardVerbs.observationSave, async (context, data) => {
    const actor = await actorOf(context, directory);
    const recordingId = idFrom(data, 'recordingId');
    const outcome = recordingId ? await observations.save(actor, recordingId, data) : undefined;
    if (!outcome) return words.refused;
    if (outcome.ok) return observationCard(outcome.form, { notice: { text: words.saved, tone: 'good' } }, texts);
    if (outcome.reason === 'invalid') return observationCard(outcome.form, { notice: { text: words.fixProblems, tone: 'attention' }, problems: outcome.problems, typed: outcome.typed }, texts);
    return words.refused;
  });

  execute(cardVerbs.observationOverview, async (context, data) => {
    const actor = await actorOf(context, directory);
    const trajectoryId = idFrom(data, 'trajectoryId');
    const overview = trajectoryId ? await observations.overview(actor, trajectoryId) : undefined;
    return overview ? observationsCard(overview, texts) : words.refused;
  });
}
