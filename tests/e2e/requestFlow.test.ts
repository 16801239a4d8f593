import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startPlaygroundStack, type PlaygroundStack } from '../support/playgroundStack';

jest.setTimeout(180_000);

/** Sanne (teacher) and Marieke (SVIB'er) each in their own Playground, against one bot. */
describe('a teacher requests begeleiding and the SVIB’er sees it, in the Agents Playground', () => {
  let stack: PlaygroundStack;
  let browser: Browser;
  let teacher: Page;
  let svibber: Page;

  beforeAll(async () => {
    stack = await startPlaygroundStack({ alsoAs: ['user-marieke'] });
    browser = await launchChromium();
    svibber = await browser.newPage();
    await svibber.goto(stack.as['user-marieke'].url);
    await svibber.locator('.ac-adaptiveCard', { hasText: 'Welkom bij SVIB' }).waitFor({ timeout: 60_000 });
    teacher = await browser.newPage();
    await teacher.goto(stack.playground.url);
    await teacher.locator('.ac-adaptiveCard', { hasText: 'Welkom bij SVIB' }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the teacher fills in the intake card and sees the summary in its place', async () => {
    await teacher.locator('.ac-adaptiveCard', { hasText: 'Welkom bij SVIB' }).getByRole('button', { name: 'Begeleiding aanvragen' }).click();
    const form = teacher.locator('.ac-adaptiveCard', { hasText: 'Wat wil ik bereiken?' });
    await form.waitFor({ timeout: 30_000 });

    await form.getByRole('radio', { name: 'De groep' }).check();
    await form.getByLabel('Wat gebeurt er?').fill('De groep luistert slecht bij de instructie na de pauze.');
    await form.getByLabel('Wat wil ik anders?').fill('Ik wil rustiger beginnen en beter aansluiten.');
    await form.getByLabel('Wat wil ik bereiken?').fill('Na de pauze binnen vijf minuten aan het werk.');
    await form.getByRole('checkbox', { name: 'Waar wil je naar laten kijken? Basiscommunicatie' }).check();
    await form.getByLabel('In welke groep geef je les?').fill('groep 5');
    await form.getByRole('checkbox', { name: /meedoen vrijwillig/ }).check();
    await form.getByRole('checkbox', { name: /Ouders zijn of worden/ }).check();
    await form.getByRole('button', { name: 'Aanvraag versturen' }).click();

    await teacher.locator('.ac-adaptiveCard', { hasText: 'Je aanvraag is verstuurd' }).waitFor({ timeout: 30_000 });
    await expect(teacher.locator('.ac-adaptiveCard', { hasText: 'Wat wil ik bereiken?' }).count()).resolves.toBe(0);
  });

  it('the SVIB’er sees the new request in their own chat and takes it up', async () => {
    const request = svibber.locator('.ac-adaptiveCard', { hasText: 'Nieuwe aanvraag' });
    await request.waitFor({ timeout: 30_000 });
    await expect(request.innerText()).resolves.toContain('Sanne de Vries');
    await expect(request.innerText()).resolves.not.toContain('luistert slecht');

    await request.getByRole('button', { name: 'Ik pak dit op' }).click();

    await svibber.locator('.ac-adaptiveCard', { hasText: 'Jij hebt deze aanvraag opgepakt' }).waitFor({ timeout: 30_000 });
    await expect(svibber.locator('.ac-adaptiveCard', { hasText: 'Jij hebt deze aanvraag opgepakt' }).innerText()).resolves.toContain('luistert slecht');
    await teacher.getByText('Marieke Jansen heeft je aanvraag opgepakt').first().waitFor({ timeout: 30_000 });
  });
});
