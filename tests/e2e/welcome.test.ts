import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startPlaygroundStack, type PlaygroundStack } from '../support/playgroundStack';

jest.setTimeout(120_000);

describe('a teacher meets svib-bot in the Agents Playground', () => {
  let stack: PlaygroundStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    stack = await startPlaygroundStack();
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the Dutch welcome card in the personal chat', async () => {
    await page.goto(stack.playground.url);
    const welcome = page.locator('.ac-adaptiveCard', { hasText: 'Welkom bij SVIB' });

    await welcome.waitFor({ timeout: 60_000 });

    await expect(welcome.innerText()).resolves.toContain('Jouw traject is van jou');
    for (const title of ['Begeleiding aanvragen', 'Mijn trajecten', 'Wat is SVIB?']) {
      await expect(welcome.getByRole('button', { name: title }).count()).resolves.toBe(1);
    }
  });

  it('answers Wat is SVIB? with the explanation', async () => {
    const welcome = page.locator('.ac-adaptiveCard', { hasText: 'Welkom bij SVIB' });
    await welcome.getByRole('button', { name: 'Wat is SVIB?' }).click();

    const about = page.locator('.ac-adaptiveCard', { hasText: 'Zo verloopt een traject' });
    await about.waitFor({ timeout: 30_000 });

    await expect(about.innerText()).resolves.toContain('Intakegesprek');
  });

  it('answers typed hulp with what a teacher can do, and its buttons work (issue 14, item 5)', async () => {
    const compose = page.getByRole('textbox').first();
    await compose.click();
    await compose.pressSequentially('hulp');
    await compose.press('Enter');

    const help = page.locator('.ac-adaptiveCard', { hasText: 'Wat kan ik voor je doen?' });
    await help.waitFor({ timeout: 30_000 });
    for (const title of ['Begeleiding aanvragen', 'Mijn trajecten', 'Gedeeld met mij', 'Logboek']) {
      await expect(help.getByRole('button', { name: title }).count()).resolves.toBe(1);
    }
    await expect(help.getByRole('button', { name: 'Mijn begeleidingen' }).count()).resolves.toBe(0);

    await help.getByRole('button', { name: 'Logboek' }).click();
    await page.locator('.ac-adaptiveCard', { hasText: 'Wie heeft mijn opnames bekeken?' }).waitFor({ timeout: 30_000 });
  });
});
