import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { cardVerbs } from '../../cards/cardVerbs';
import type { AdaptiveCardJson } from '../../cards/renderCard';
import { recordingSettingsCard, type RecordingSettingsCardInput } from '../../cards/settingsCards';
import { gigabytesOf } from '../../domain/schools/recordingSettings';
import { hasRole } from '../../domain/schools/roles';
import type { Actor } from '../../features/schools/SchoolDirectory';
import type { BotDependencies } from '../botDependencies';
import { actorOf } from '../actorOf';
import type { SvibTurnState } from '../svibTurnState';
import { cardActionsOf } from './cardData';
import { rolesCardFor } from './roleHandlers';
import { fillIn } from '../../texts';

async function settingsCardFor(actor: Actor, deps: BotDependencies, extra: Partial<RecordingSettingsCardInput> = {}): Promise<AdaptiveCardJson> {
  const school = await deps.directory.schoolOf(actor.tenantId, actor.schoolId);
  const settings = await deps.directory.recordingSettingsOf(actor.tenantId, actor.schoolId);
  return recordingSettingsCard({ schoolName: school?.name ?? '', settings, ...extra }, deps.texts);
}

/** Instellingen → Opnames, for beheerders: the school's size limit and retention period. */
export function registerSettingsHandlers(app: Application<SvibTurnState>, deps: BotDependencies): void {
  const { texts, directory } = deps;
  const execute = cardActionsOf(app);
  const beheerder = async (context: TurnContext) => {
    const actor = await actorOf(context, directory);
    return hasRole(actor.roles, 'beheerder') ? actor : undefined;
  };

  execute(cardVerbs.settingsRecordings, async (context) => {
    const actor = await beheerder(context);
    return actor ? settingsCardFor(actor, deps) : texts.roles.refusal['not-beheerder'];
  });

  execute(cardVerbs.settingsRoles, async (context) => {
    const actor = await beheerder(context);
    return actor ? rolesCardFor(context, actor, deps) : texts.roles.refusal['not-beheerder'];
  });

  execute(cardVerbs.settingsRecordingsSave, async (context, data) => {
    const actor = await beheerder(context);
    if (!actor) return texts.roles.refusal['not-beheerder'];
    const typed = { maxGigabytes: String(data.maxGigabytes ?? '').slice(0, 10), retentionDays: String(data.retentionDays ?? '').slice(0, 10) };
    const changed = await directory.changeRecordingSettings(actor, typed);
    if (!changed.ok && changed.reason === 'not-beheerder') return texts.roles.refusal['not-beheerder'];
    if (!changed.ok) return settingsCardFor(actor, deps, { typed, problems: changed.reason === 'invalid' ? changed.problems : undefined });
    deps.logger.info({ schoolId: actor.schoolId, maxBytes: changed.settings.maxBytes, retentionDays: changed.settings.retentionDays }, 'recording settings changed');
    const text = fillIn(texts.settings.recordingsSaved, { gigabytes: gigabytesOf(changed.settings.maxBytes), days: changed.settings.retentionDays });
    return settingsCardFor(actor, deps, { notice: { text, tone: 'good' } });
  });
}
