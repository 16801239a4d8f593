import type { TestApp } from './testApp';
import { botAdded, post, TENANT_ID, type Person } from './teamsActivities';

/** A complete, valid intake as the card submits it (multi-selects as comma-separated strings). */
export const validIntake = {
  helpQuestionKind: 'group',
  otherKindDescription: '',
  whatHappens: 'De groep luistert slecht bij de instructie na de pauze.',
  whatDifferent: 'Ik wil rustiger beginnen en beter aansluiten bij de kinderen.',
  whatToReach: 'Een groep die na de pauze binnen vijf minuten aan het werk is.',
  focus: 'basiscommunicatie,organisatie',
  basiscommunicatieAspects: 'beurtverdeling',
  group: 'groep 5',
  preferredDays: 'di,do',
  preferredDayParts: 'ochtend',
  acknowledgedVoluntary: 'true',
  acknowledgedParentsInformed: 'true',
};

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
