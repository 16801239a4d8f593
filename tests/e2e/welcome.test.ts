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

  it('answers typed hulp with the welcome card again', async () => {
    const compose = page.getByRole('textbox').first();
    await compose.click();
    await compose.pressSequentially('hulp');
    await compose.press('Enter');

    await page.locator('.ac-adaptiveCard', { hasText: 'Welkom bij SVIB' }).nth(1).waitFor({ timeout: 30_000 });

    await expect(page.locator('.ac-adaptiveCard', { hasText: 'Welkom bij SVIB' }).count()).resolves.toBe(2);
  });
});
