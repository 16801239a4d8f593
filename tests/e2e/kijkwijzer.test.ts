import type { Browser, Page } from 'playwright-core';
import { readPlaygroundConfig } from '../../src/local/playgroundConfig';
import { launchChromium } from '../support/browser';
import { startPlaygroundStack, type PlaygroundStack } from '../support/playgroundStack';

jest.setTimeout(180_000);

/** Sanne fills the school kijkwijzer in her own Playground chat; the commissie started the round. */
describe('a teacher fills in the kijkwijzer over two pages and sees her progress, in the Agents Playground', () => {
  let stack: PlaygroundStack;
  let browser: Browser;
  let teacher: Page;

  beforeAll(async () => {
    stack = await startPlaygroundStack();
    browser = await launchChromium();
    teacher = await browser.newPage();
    await teacher.goto(stack.playground.url);
    await teacher.locator('.ac-adaptiveCard', { hasText: 'Welkom bij SVIB' }).waitFor({ timeout: 60_000 });

    // The commissie (Fatima, beheerder) adds three statements and starts the nulmeting for Sanne and herself.
    const config = readPlaygroundConfig('.m365agentsplayground.yml') as ReturnType<typeof readPlaygroundConfig> & { tenantId: string };
    const { directory, kijkwijzer } = stack.app.composed;
    const fatima = config.users.find((user) => user.id === 'user-fatima')!;
    const actor = await directory.actorFor({ tenantId: config.tenantId, userId: fatima.aadObjectId, name: fatima.name, fetchEmail: async () => undefined });
    for (const text of ['Zeven', 'Acht', 'Negen']) expect((await kijkwijzer.editList(actor, { kind: 'add', text })).ok).toBe(true);
    const closesOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const people = [config.currentUser, fatima].map((person) => ({ userId: person.aadObjectId, name: person.name }));
    const started = await kijkwijzer.start(actor, { closesOn, participantIds: people.map((person) => person.userId) }, people);
    expect(started.ok && started.sent).toBe(1);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('page 1 is saved and page 2 follows with the progress; finishing says so; mijn kijkwijzers shows it', async () => {
    const first = teacher.locator('.ac-adaptiveCard', { hasText: 'Pagina 1 van 2' });
    await first.waitFor({ timeout: 30_000 });
    await expect(first.innerText()).resolves.toContain('Je hebt 0 van de 9 stellingen ingevuld.');
    // Eight statements, each with its own +, ± and − choices.
    await expect(first.getByRole('radio', { name: '+ op orde' }).count()).resolves.toBe(8);
    for (let index = 0; index < 8; index++) await first.getByRole('radio', { name: index === 2 ? '− nog niet' : '+ op orde' }).nth(index).check();
    await first.getByRole('radio', { name: 'Werkpunt' }).first().check();
    await first.getByRole('button', { name: 'Opslaan en verder' }).click();

    const second = teacher.locator('.ac-adaptiveCard', { hasText: 'Pagina 2 van 2' });
    await second.waitFor({ timeout: 30_000 });
    await expect(second.innerText()).resolves.toContain('Je hebt 8 van de 9 stellingen ingevuld.');
    await second.getByRole('radio', { name: '± deels' }).check();
    await second.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await teacher.locator('.ac-adaptiveCard', { hasText: 'Klaar: je hebt alle stellingen ingevuld.' }).waitFor({ timeout: 30_000 });

    await teacher.locator('[contenteditable=true][data-lexical-editor=true]').fill('mijn kijkwijzers');
    await teacher.keyboard.press('Enter');
    await teacher.locator('.ac-adaptiveCard', { hasText: 'nulmeting: 9 van 9 ingevuld' }).waitFor({ timeout: 30_000 });
  });
});
