import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { SvibTurnState } from '../svibTurnState';
import { installationKeyOf, recordInstall, recordUninstall, scopeOf } from '../../domain/installations/installation';
import type { BotDependencies } from '../botDependencies';
import { conversationFactsOf, serializedReferenceOf } from '../conversationFacts';
import { sendText } from '../replies';
import { sendWelcome } from './menuReplies';
import { actorOf } from '../actorOf';

async function rememberInstall(context: TurnContext, deps: BotDependencies) {
  const key = installationKeyOf(conversationFactsOf(context));
  const existing = await deps.installations.get(key);
  await deps.installations.save(recordInstall(existing, key, serializedReferenceOf(context), deps.now()));
  return key.scope;
}

async function rememberUninstall(context: TurnContext, deps: BotDependencies): Promise<void> {
  const existing = await deps.installations.get(installationKeyOf(conversationFactsOf(context)));
  if (existing) await deps.installations.save(recordUninstall(existing, deps.now()));
}

/** A team the bot is installed in is a school. */
async function learnSchool(context: TurnContext, deps: BotDependencies): Promise<void> {
  const facts = conversationFactsOf(context);
  const team = (context.activity.channelData ?? {}) as { team?: { id?: string; name?: string } };
  if (scopeOf(facts.conversationType) !== 'channel' || !facts.teamId) return;
  await deps.directory.learnSchoolFromTeam(facts.tenantId || 'no-tenant', facts.teamId, team.team?.name || deps.texts.team.unnamedSchool);
}

function botIsAmong(context: TurnContext, members: { id: string }[] | undefined): boolean {
  return (members ?? []).some((member) => member.id === context.activity.recipient?.id);
}

/**
 * Teams announces an install twice (conversationUpdate with the bot among the members, and
 * installationUpdate); both store the reference, only the first greets.
 */
export function registerInstallationHandlers(app: Application<SvibTurnState>, deps: BotDependencies): void {
  app.conversationUpdate('membersAdded', async (context, state) => {
    if (!botIsAmong(context, context.activity.membersAdded)) return;
    const scope = await rememberInstall(context, deps);
    if (scope === 'personal') {
      // Meeting the person now lets roles given by e-mail, and proactive cards, find them.
      await actorOf(context, deps.directory);
      await sendWelcome(context, state, deps.texts);
      return;
    }
    await learnSchool(context, deps);
    await sendText(context, scope === 'groupChat' ? deps.texts.team.installedInChat : deps.texts.team.installed);
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    if (botIsAmong(context, context.activity.membersRemoved)) await rememberUninstall(context, deps);
  });

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = context.activity.action ?? '';
    if (action.startsWith('remove')) await rememberUninstall(context, deps);
    else if (action.startsWith('add')) await rememberInstall(context, deps);
  });
}
