import { TeamsInfo, type TurnContext } from 'botbuilder';

export interface RosterPerson {
  userId: string;
  name: string;
  email?: string;
}

const MAX_PAGES = 20;

/**
 * The members of the school's team, to pick colleagues from. Teams answers this only where the
 * bot is installed in that team; anywhere else (or in the Playground) the caller falls back.
 */
export async function teamRoster(context: TurnContext, teamId: string): Promise<RosterPerson[] | undefined> {
  try {
    const people: RosterPerson[] = [];
    let continuationToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await TeamsInfo.getPagedTeamMembers(context, teamId, 200, continuationToken);
      for (const member of result.members) {
        if (member.aadObjectId) people.push({ userId: member.aadObjectId, name: member.name, email: member.email || member.userPrincipalName || undefined });
      }
      continuationToken = result.continuationToken;
      if (!continuationToken) break;
    }
    return people;
  } catch {
    return undefined;
  }
}
