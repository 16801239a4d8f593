import type { Application } from '@microsoft/teams-ai';
import { cardVerbs } from '../../cards/cardVerbs';
import type { ObservationRefusal } from '../../domain/kijkwijzer/observation';
import { observationCard, observationsCard } from '../../cards/observationCards';
import { actorOf } from '../actorOf';
import type { BotDependencies } from '../botDependencies';
import type { SvibTurnState } from '../svibTurnState';
import { cardActionsOf, idFrom } from './cardData';

/** The observation kijkwijzer per recording: only its teacher and the begeleider, decided per click; refusals say why. */
export function registerObservationHandlers(app: Application<SvibTurnState>, deps: BotDependencies): void {
  const { texts, directory, observations } = deps;
  const words = texts.kijkwijzer.observation;
  const refusal = (reason: ObservationRefusal = 'refused') => words.refusal[reason];
  const execute = cardActionsOf(app);

  execute(cardVerbs.observationOpen, async (context, data) => {
    const actor = await actorOf(context, directory);
    const recordingId = idFrom(data, 'recordingId');
    const outcome = recordingId ? await observations.form(actor, recordingId) : undefined;
    if (!outcome) return refusal();
    return outcome.ok ? observationCard(outcome.form, {}, texts) : refusal(outcome.reason === 'invalid' ? undefined : outcome.reason);
  });

  execute(cardVerbs.observationSave, async (context, data) => {
    const actor = await actorOf(context, directory);
    const recordingId = idFrom(data, 'recordingId');
    const outcome = recordingId ? await observations.save(actor, recordingId, data) : undefined;
    if (!outcome) return refusal();
    if (outcome.ok) return observationCard(outcome.form, { notice: { text: words.saved, tone: 'good' } }, texts);
    if (outcome.reason === 'invalid') return observationCard(outcome.form, { notice: { text: words.fixProblems, tone: 'attention' }, problems: outcome.problems, typed: outcome.typed }, texts);
    return refusal(outcome.reason);
  });

  execute(cardVerbs.observationOverview, async (context, data) => {
    const actor = await actorOf(context, directory);
    const trajectoryId = idFrom(data, 'trajectoryId');
    const outcome = trajectoryId ? await observations.overview(actor, trajectoryId) : undefined;
    if (!outcome) return refusal();
    return outcome.ok ? observationsCard(outcome.overview, texts) : refusal(outcome.reason);
  });
}
