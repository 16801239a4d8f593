import type { Browser, Page } from 'playwright-core';
import type { Actor } from '../../src/features/schools/SchoolDirectory';
import { readPlaygroundConfig } from '../../src/local/playgroundConfig';
import { launchChromium } from '../support/browser';
import { startPlaygroundStack, type PlaygroundStack } from '../support/playgroundStack';
import { guidedTrajectory, uploadRecording } from '../support/recordings';
import { sampleVideo } from '../support/sampleVideo';

jest.setTimeout(180_000);

/** Marieke (begeleider) fills the observation kijkwijzer of Sanne's first recording, linked to a fragment. */
describe('the begeleider fills an observation linked to a fragment, in the Agents Playground', () => {
  let stack: PlaygroundStack;
  let browser: Browser;
  let begeleider: Page;
  let recordingId: string;
  let fragmentId: string;
  let marieke: Actor;

  beforeAll(async () => {
    stack = await startPlaygroundStack({ alsoAs: ['user-marieke'] });
    const config = readPlaygroundConfig('.m365agentsplayground.yml') as ReturnType<typeof readPlaygroundConfig> & { tenantId: string };
    const { directory, recordings } = stack.app.composed;
    const actor = (person: { aadObjectId: string; name: string }) => directory.actorFor({ tenantId: config.tenantId, userId: person.aadObjectId, name: person.name, fetchEmail: async () => undefined });
    const sanne = await actor(config.currentUser);
    marieke = await actor(config.users.find((user) => user.id === 'user-marieke')!);
    const trajectoryId = await guidedTrajectory(stack.app, sanne, marieke);
    const recording = await uploadRecording(stack.app, sanne, trajectoryId, sampleVideo(6), 'video/mp4', 6);
    recordingId = recording.id;
    const marked = await recordings.markFragment(marieke, recording.id, { startSecond: 2, endSecond: 5, note: 'wacht op de beurt', aspect: 'beurtverdeling' });
    if (!marked.ok) throw new Error(marked.reason);
    fragmentId = marked.fragment.id;

    browser = await launchChromium();
    begeleider = await browser.newPage();
    await begeleider.goto(stack.as['user-marieke'].url);
    await begeleider.locator('.ac-adaptiveCard', { hasText: 'Welkom bij SVIB' }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('from her guidance to the trajectory, its kijkwijzers, and the form for opname 1, saved with the fragment', async () => {
    await begeleider.locator('[contenteditable=true][data-lexical-editor=true]').fill('mijn begeleidingen');
    await begeleider.keyboard.press('Enter');
    const guidance = begeleider.locator('.ac-adaptiveCard', { hasText: 'Sanne de Vries' }).last();
    await guidance.waitFor({ timeout: 30_000 });
    await guidance.getByRole('button', { name: 'Bekijken' }).first().click();

    const detail = begeleider.locator('.ac-adaptiveCard').filter({ has: begeleider.getByRole('button', { name: 'Kijkwijzers bekijken' }) });
    await detail.waitFor({ timeout: 30_000 });
    await detail.getByRole('button', { name: 'Kijkwijzers bekijken' }).click();
    const overview = begeleider.locator('.ac-adaptiveCard', { hasText: 'Kijkwijzers van je traject' });
    await overview.waitFor({ timeout: 30_000 });
    await overview.getByRole('button', { name: 'Kijkwijzer opname 1' }).click();

    const form = begeleider.locator('.ac-adaptiveCard', { hasText: 'Jouw observatie als voorbereiding op het nagesprek' });
    await form.waitFor({ timeout: 30_000 });
    // Beurtverdeling is the fourth aspect: rate it + and link the fragment marked there.
    await form.getByRole('radio', { name: '+ op orde' }).nth(3).check();
    await form.getByRole('checkbox', { name: '0:02–0:05 wacht op de beurt' }).nth(3).check();
    await form.getByLabel('Korte notitie').fill('Wacht rustig tot iedereen klaar is.');
    await form.getByRole('button', { name: 'Kijkwijzer opslaan' }).click();
    await begeleider.locator('.ac-adaptiveCard', { hasText: 'Je kijkwijzer is opgeslagen.' }).waitFor({ timeout: 30_000 });

    const saved = await stack.app.composed.observations.form(marieke, recordingId);
    expect(saved.ok && saved.form.own?.aspects.beurtverdeling).toEqual({ rating: 'plus', fragmentIds: [fragmentId] });
    expect(saved.ok && saved.form.own?.note).toBe('Wacht rustig tot iedereen klaar is.');
  });
});
