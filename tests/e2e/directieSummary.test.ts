import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RoundComparison } from '../../src/domain/kijkwijzer/roundFigures';
import { launchChromium } from '../support/browser';
import { startPlaygroundStack, type PlaygroundStack } from '../support/playgroundStack';
import { message, post, TENANT_ID } from '../support/teamsActivities';
import { comparison as fixture } from '../unit/directieSummary/summaryFixtures';

jest.setTimeout(180_000);

const ARTIFACTS = resolve('test-artifacts');

/** Fatima (beheerder) picks the team's Directie channel; a kijkwijzer round closes; the summary appears there. */
describe('the directie summary appears in the team’s channel, in the Agents Playground', () => {
  let stack: PlaygroundStack;
  let browser: Browser;
  let page: Page;
  let comparison: RoundComparison | undefined;

  beforeAll(async () => {
    stack = await startPlaygroundStack({ alsoAs: ['user-fatima'], overrides: { kijkwijzer: { latestClosedComparison: async () => comparison } } });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    await page.goto(stack.as['user-fatima'].url);
    await page.locator('.ac-adaptiveCard', { hasText: 'Welkom bij SVIB' }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('a beheerder makes the channel the directie channel, and the summary of a closed round appears there', async () => {
    // The left rail names the team's channels "<team> - <channel>".
    await page.locator('[aria-label="De Regenboog - Directie"]').click();
    await page.getByText('Bedankt voor het toevoegen van de SVIB-bot').first().waitFor({ timeout: 30_000 });
    // The Playground sends channel posts to a bot only when it is mentioned, which it cannot do; so
    // the command goes in as its "Custom activity" would send it: Fatima, in the channel the
    // Playground installed the bot in (its reference was stored at install).
    const [channel] = (await stack.app.composed.repositories.installations.listActive(TENANT_ID)).filter((installation) => installation.key.scope === 'channel');
    const reference = JSON.parse(channel.reference) as { serviceUrl: string; conversation: { id: string }; bot: { id: string; name: string } };
    const sent = await post(stack.app.baseUrl, {
      ...message({ serviceUrl: reference.serviceUrl, from: { id: 'user-fatima', name: 'Fatima El Amrani', aadObjectId: '0a1b2c3d-0000-4000-8000-000000000004' }, scope: 'channel', conversationId: reference.conversation.id }, 'directiekanaal'),
      recipient: reference.bot,
      channelData: { tenant: { id: TENANT_ID }, team: { id: 'team-regenboog' }, channel: { id: reference.conversation.id } },
    });
    expect(sent.status).toBe(200);
    await page.getByText('Dit kanaal is nu het directiekanaal').first().waitFor({ timeout: 30_000 });

    const fatima = await stack.app.composed.directory.actorFor({ tenantId: TENANT_ID, userId: '0a1b2c3d-0000-4000-8000-000000000004', name: 'Fatima El Amrani', fetchEmail: async () => undefined });
    expect(await stack.app.composed.directieSummary.saveSchedule(fatima, { kind: 'roundClosed' })).toMatchObject({ ok: true });
    comparison = { ...fixture, current: { ...fixture.current, closedAt: new Date() } };
    await expect(stack.app.composed.onRoundClosed(TENANT_ID, fatima.schoolId)).resolves.toBe('posted');

    const summary = page.locator('.ac-adaptiveCard', { hasText: 'samenvatting' });
    await summary.waitFor({ timeout: 30_000 });
    await expect(summary.innerText()).resolves.toContain('Kijkwijzer: meting 3');
    await expect(summary.innerText()).resolves.not.toContain('Fatima');
    const chart = summary.locator('img[src^="data:image/png"]');
    await chart.waitFor({ timeout: 30_000 });
    await expect(chart.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 300)).resolves.toBe(true);

    mkdirSync(ARTIFACTS, { recursive: true });
    await summary.scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(ARTIFACTS, 'directie-summary-in-channel.png'), fullPage: true });
  });
});
