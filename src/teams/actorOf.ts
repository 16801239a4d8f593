import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Actor, SchoolDirectory } from '../features/schools/SchoolDirectory';
import { conversationFactsOf } from './conversationFacts';

const NO_TENANT = 'no-tenant';
/** One look-up per turn, however many handlers ask who is acting. */
const ACTOR_OF_TURN = Symbol('svib.actorOfTurn');

/**
 * Who sends this turn, decided on the server from the authenticated activity, never from data
 * in a card submit. The e-mail address is asked from Teams only the first time we meet someone.
 */
export async function actorOf(context: TurnContext, directory: SchoolDirectory): Promise<Actor> {
  const known = context.turnState.get(ACTOR_OF_TURN) as Promise<Actor> | undefined;
  if (known) return known;
  const actor = lookUp(context, directory);
  context.turnState.set(ACTOR_OF_TURN, actor);
  return actor;
}

function lookUp(context: TurnContext, directory: SchoolDirectory): Promise<Actor> {
  const facts = conversationFactsOf(context);
  const from = context.activity.from;
  return directory.actorFor({
    tenantId: facts.tenantId || NO_TENANT,
    userId: from.aadObjectId || from.id,
    name: from.name || '',
    fetchEmail: async () => {
      const member = await TeamsInfo.getMember(context, from.id);
      return member.email || member.userPrincipalName || undefined;
    },
  });
}
