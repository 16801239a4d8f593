import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { cardVerbs } from '../../cards/cardVerbs';
import type { AdaptiveCardJson } from '../../cards/renderCard';
import { grantableRoles, rolesCard, type RolesCardInput } from '../../cards/roleCards';
import { hasRole, type Role, type RoleChangeRefusal } from '../../domain/schools/roles';
import type { Actor, RoleTarget } from '../../features/schools/SchoolDirectory';
import type { BotDependencies } from '../botDependencies';
import { actorOf } from '../actorOf';
import { sendCard, sendText } from '../replies';
import { teamRoster } from '../roster';
import type { SvibTurnState } from '../svibTurnState';
import { cardActionsOf } from './cardData';
import { escapeMarkdown, fillIn } from '../../texts';

const emailSchema = z.string().trim().toLowerCase().max(254).email();

function roleFrom(value: unknown): Role | undefined {
  return grantableRoles.find((role) => role === value);
}

export async function rolesCardFor(context: TurnContext, actor: Actor, deps: BotDependencies, extra: Partial<RolesCardInput> = {}): Promise<AdaptiveCardJson> {
  const { directory, texts } = deps;
  const school = await directory.schoolOf(actor.tenantId, actor.schoolId);
  const roster = school?.teamId ? await teamRoster(context, school.teamId) : undefined;
  const people = roster ?? (await directory.peopleAt(actor.tenantId, actor.schoolId));
  return rolesCard(
    {
      schoolName: school?.name ?? '',
      members: await directory.membersOf(actor.tenantId, actor.schoolId),
      people: [...people].sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      ...extra,
    },
    texts,
  );
}

/** Why a role change was refused, naming the clashing roles where that is the reason. */
function refusalText(outcome: { reason: RoleChangeRefusal; conflictsWith?: Role }, role: Role, deps: BotDependencies): string {
  const { texts } = deps;
  const held = outcome.conflictsWith ? texts.roles.role[outcome.conflictsWith] : '';
  return fillIn(texts.roles.refusal[outcome.reason], { held, role: texts.roles.role[role] });
}

/** Only a beheerder sees the roles; everyone else gets the polite refusal. */
async function beheerderOf(context: TurnContext, deps: BotDependencies): Promise<Actor | undefined> {
  const actor = await actorOf(context, deps.directory);
  return hasRole(actor.roles, 'beheerder') ? actor : undefined;
}

/** Instellingen are for beheerders: the refusal names who they are at this school, so one knows whom to ask. */
async function notBeheerderText(actor: Actor, deps: BotDependencies): Promise<string> {
  const holders = await deps.directory.holdersOf(actor.tenantId, actor.schoolId, 'beheerder');
  // A text message shows markdown: the names are people's own, so escaped.
  const names = holders.map((member) => member.name ?? member.email).filter((name): name is string => Boolean(name)).map(escapeMarkdown);
  if (names.length === 0) return deps.texts.settings.notBeheerderNobody;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} ${deps.texts.settings.and} ${names.at(-1)}`;
  return fillIn(deps.texts.settings.notBeheerder, { names: list });
}

export async function sendRolesCard(context: TurnContext, deps: BotDependencies): Promise<void> {
  const actor = await actorOf(context, deps.directory);
  if (!hasRole(actor.roles, 'beheerder')) return sendText(context, await notBeheerderText(actor, deps));
  await sendCard(context, await rolesCardFor(context, actor, deps));
}

export function registerRoleHandlers(app: Application<SvibTurnState>, deps: BotDependencies): void {
  const { texts, directory } = deps;

  const execute = cardActionsOf(app);

  execute(cardVerbs.rolesGrant, async (context, data) => {
    const actor = await beheerderOf(context, deps);
    if (!actor) return texts.roles.refusal['not-beheerder'];
    const values = { userId: typeof data.userId === 'string' ? data.userId : '', email: typeof data.email === 'string' ? data.email : '', role: typeof data.role === 'string' ? data.role : '' };
    const role = roleFrom(data.role);
    const email = values.email.trim() ? emailSchema.safeParse(values.email) : undefined;
    const errors = {
      person: email && !email.success ? texts.settings.invalidEmail : !values.userId && !email ? texts.settings.choosePerson : undefined,
      role: role ? undefined : texts.settings.chooseRole,
    };
    if (errors.person || errors.role) return rolesCardFor(context, actor, deps, { values, errors });

    // A typed address wins over the picker: it is what the beheerder typed last.
    const target: RoleTarget = email?.success ? { email: email.data } : { userId: values.userId };
    const outcome = await directory.changeRole(actor, target, role!, 'grant');
    if (!outcome.ok) return rolesCardFor(context, actor, deps, { values, notice: { text: refusalText(outcome, role!, deps), tone: 'attention' } });
    const changed = outcome.members.find((member) => ('email' in target ? member.email === target.email : member.userId === target.userId));
    const name = changed?.name ?? changed?.email ?? '';
    return rolesCardFor(context, actor, deps, { notice: { text: fillIn(texts.settings.granted, { name, role: texts.roles.role[role!] }), tone: 'good' } });
  });

  execute(cardVerbs.rolesRevoke, async (context, data) => {
    const actor = await beheerderOf(context, deps);
    if (!actor) return texts.roles.refusal['not-beheerder'];
    const role = roleFrom(data.role);
    const userId = typeof data.userId === 'string' ? data.userId : '';
    // Only holders of this school can be named: an id from elsewhere matches nobody here.
    const member = (await directory.membersOf(actor.tenantId, actor.schoolId)).find((candidate) => candidate.userId === userId);
    if (!role || !member) return rolesCardFor(context, actor, deps, { notice: { text: texts.roles.refusal['does-not-have-role'], tone: 'attention' } });
    const outcome = await directory.changeRole(actor, { userId }, role, 'revoke');
    const notice = outcome.ok
      ? { text: fillIn(texts.settings.revoked, { name: member.name ?? member.email ?? '', role: texts.roles.role[role] }), tone: 'good' as const }
      : { text: refusalText(outcome, role, deps), tone: 'attention' as const };
    return rolesCardFor(context, actor, deps, { notice });
  });
}
