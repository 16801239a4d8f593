import type { TestApp } from './testApp';
import { botAdded, post, TENANT_ID, type Person } from './teamsActivities';

/** A complete, valid intake as the card submits it. */
export { sampleIntake as validIntake } from '../../src/local/sampleIntake';

/** Everyone installs the bot in personal chat; the beheerder from configuration hands out roles. */
export async function seedSchool(app: TestApp, serviceUrl: string, people: { beheerder: Person; svibbers: Person[]; others: Person[] }) {
  for (const person of [people.beheerder, ...people.svibbers, ...people.others]) {
    await post(app.baseUrl, botAdded({ serviceUrl, from: person }));
  }
  const { directory } = app.composed;
  const beheerder = await directory.actorFor({
    tenantId: TENANT_ID,
    userId: people.beheerder.aadObjectId,
    name: people.beheerder.name,
    fetchEmail: async () => undefined,
  });
  for (const svibber of people.svibbers) {
    const result = await directory.changeRole(beheerder, { userId: svibber.aadObjectId }, 'svibber', 'grant');
    if (!result.ok) throw new Error(`seeding failed: ${result.reason}`);
  }
  return beheerder;
}
