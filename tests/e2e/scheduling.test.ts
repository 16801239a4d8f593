import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startPlaygroundStack, type PlaygroundStack } from '../support/playgroundStack';
import { validIntake } from '../support/requestFlow';

jest.setTimeout(180_000);

const TENANT = '6b3c1f0e-5d2a-4c8e-9f10-2a7d4e5b6c01';
const SANNE = { userId: '0a1b2c3d-0000-4000-8000-000000000001', name: 'Sanne de Vries' };
const MARIEKE = { userId: '0a1b2c3d-0000-4000-8000-000000000002', name: 'Marieke Jansen' };

/** A school day at least two days ahead, as the Plan card's date field gives it. */
function nextSchoolDay(daysAhead: number): string {
  const day = new Date(Date.now() + daysAhead * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

describe('the teacher picks a proposed moment, in the Agents Playground', () => {
  let stack: PlaygroundStack;
  let browser: Browser;
  let teacher: Page;

  beforeAll(async () => {
    stack = await startPlaygroundStack({ alsoAs: ['user-marieke'] });
    browser = await launchChromium();
    const svibber = await browser.newPage();
    await svibber.goto(stack.as['user-marieke'].url);
    await svibber.locator('.ac-adaptiveCard', { hasText: 'Welkom bij SVIB' }).waitFor({ timeout: 60_000 });
    teacher = await browser.newPage();
    await teacher.goto(stack.playground.url);
    await teacher.locator('.ac-adaptiveCard', { hasText: 'Welkom bij SVIB' }).waitFor({ timeout: 60_000 });

    // The request and its take-up went through the browser in the request-flow test; here they are set up directly.
    const { directory, trajectoryService, scheduling } = stack.app.composed;
    const actorOf = (person: typeof SANNE) => directory.actorFor({ tenantId: TENANT, ...person, fetchEmail: async () => undefined });
    const request = await trajectoryService.requestSupport(await actorOf(SANNE), 'e2e-form', validIntake);
    if (request.kind !== 'created') throw new Error(`request failed: ${request.kind}`);
    await trajectoryService.run(await actorOf(MARIEKE), request.trajectory.id, { type: 'takeUp' });
    const proposed = await scheduling.propose(await actorOf(MARIEKE), request.trajectory.id, {
      date1: nextSchoolDay(2),
      time1: '10:15',
      duration1: '30',
      location1: 'lokaal 12',
      date2: nextSchoolDay(5),
      time2: '13:00',
      duration2: '45',
      location2: 'lokaal 12',
    });
    if (!proposed.appointment) throw new Error(`proposal failed: ${JSON.stringify(proposed.reply).slice(0, 300)}`);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the proposed moments, and picking one replaces the card with the confirmation', async () => {
    const choose = teacher.locator('.ac-adaptiveCard', { hasText: 'Intakegesprek: kies een moment' });
    await choose.waitFor({ timeout: 30_000 });
    await expect(choose.innerText()).resolves.toContain('Jouw voorkeur');

    await choose.getByRole('button', { name: /10:15–10:45/ }).click();


    const confirmed = teacher.locator('.ac-adaptiveCard', { hasText: 'Afgesproken:' });
    await confirmed.waitFor({ timeout: 30_000 });
    await expect(confirmed.innerText()).resolves.toContain('10:15–10:45');
    await expect(confirmed.getByText('Zet in mijn agenda', { exact: true }).count()).resolves.toBe(1);
    await expect(teacher.locator('.ac-adaptiveCard', { hasText: 'kies een moment' }).count()).resolves.toBe(0);
  });

  it('turns her confirmation into "Verplaatst" in place when the begeleider moves it, with a new choice beside it (issue 14, item 1)', async () => {
    const { directory, scheduling, repositories } = stack.app.composed;
    const marieke = await directory.actorFor({ tenantId: TENANT, ...MARIEKE, fetchEmail: async () => undefined });
    const [stored] = (await repositories.appointments.listActiveForSvibber(TENANT, marieke.schoolId, marieke.userId)).map((found) => found.appointment);
    await scheduling.move(marieke, stored.id);
    const moved = await scheduling.propose(marieke, stored.trajectoryId, { date1: nextSchoolDay(6), time1: '09:00', duration1: '30', location1: 'lokaal 12' });
    if (!moved.appointment) throw new Error(`move failed: ${JSON.stringify(moved.reply).slice(0, 300)}`);

    const lapsed = teacher.locator('.ac-adaptiveCard', { hasText: 'Verplaatst:' });
    await lapsed.waitFor({ timeout: 30_000 });
    await expect(lapsed.innerText()).resolves.toContain('10:15–10:45');
    await expect(lapsed.getByText('Haal uit mijn agenda', { exact: true }).count()).resolves.toBe(1);
    await expect(teacher.locator('.ac-adaptiveCard', { hasText: 'Afgesproken:' }).count()).resolves.toBe(0);
    await teacher.locator('.ac-adaptiveCard', { hasText: 'kies een moment' }).waitFor({ timeout: 30_000 });
    await expect(teacher.getByText(/dat moment vervalt/).count()).resolves.toBeGreaterThan(0);
  });
});
