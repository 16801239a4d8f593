import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { recordingPageLink } from '../../src/http/recordingsApi';
import type { Actor } from '../../src/features/schools/SchoolDirectory';
import { launchChromium } from '../support/browser';
import { actorOf, guidedTrajectory } from '../support/recordings';
import { useSchool } from '../support/school';
import { marieke, sanne, TENANT_ID } from '../support/teamsActivities';
import { makeTestVideo } from '../support/testVideo';

jest.setTimeout(120_000);

/** The upload and player pages in Chromium against the bot and real Azurite storage. */
describe('recording pages', () => {
  const school = useSchool({ svibbers: [marieke], others: [sanne] });
  let browser: Browser;
  let page: Page;
  let teacher: Actor;
  let trajectoryId: string;

  const link = (which: 'upload' | 'watch', subjectId: string) =>
    recordingPageLink(school.app.composed.config.linkSigningSecret, school.app.baseUrl, which, { subjectId, userId: teacher.userId, expiresAt: new Date(Date.now() + 600_000) });

  beforeAll(async () => {
    teacher = await actorOf(school.app, sanne);
    trajectoryId = await guidedTrajectory(school.app, teacher, await actorOf(school.app, marieke));
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uploads a generated video with visible progress and registers it', async () => {
    await page.goto(`${school.app.baseUrl}/healthz`);
    const video = await makeTestVideo(page, 2);
    await page.goto(link('upload', `${TENANT_ID}|default|${trajectoryId}|1`));

    await page.locator('#file').setInputFiles({ name: 'opname-1.webm', mimeType: 'video/webm', buffer: video });
    await page.locator('#upload').click();

    await page.locator('#message', { hasText: 'De opname is opgeslagen' }).waitFor({ timeout: 60_000 });
    await expect(page.locator('#percent').innerText()).resolves.toBe('100%');
    expect(await school.app.composed.recordings.watchable(teacher, trajectoryId)).toHaveLength(1);
  });

  it('plays the recording and jumps to a fragment', async () => {
    const [recording] = await school.app.composed.recordings.watchable(teacher, trajectoryId);
    const marked = await school.app.composed.recordings.markFragment(teacher, recording.id, { startSecond: 1, endSecond: 2, note: 'Mooie beurtverdeling', aspect: 'beurtverdeling' });
    expect(marked.ok).toBe(true);

    await page.goto(link('watch', `${TENANT_ID}|default|${recording.id}`));
    const fragment = page.locator('.fragment', { hasText: 'Mooie beurtverdeling' });
    await fragment.waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => ((document.querySelector('#video') as HTMLVideoElement | null)?.readyState ?? 0) >= 1, undefined, { timeout: 30_000 });

    await fragment.click();

    await page.waitForFunction(() => (document.querySelector('#video') as HTMLVideoElement).currentTime >= 1, undefined, { timeout: 30_000 });
  });

  it('does not open the same watch link a second time', async () => {
    const [recording] = await school.app.composed.recordings.watchable(teacher, trajectoryId);
    const once = link('watch', `${TENANT_ID}|default|${recording.id}`);
    await page.goto(once);
    await page.locator('.fragment').first().waitFor({ timeout: 30_000 });

    await page.goto(once);

    await page.getByText('Deze link is al gebruikt of verlopen').waitFor({ timeout: 30_000 });
  });

  it('continues an interrupted upload after a reload without sending the blocks that arrived again', async () => {
    const before = (await school.app.composed.recordings.watchable(teacher, trajectoryId)).length;
    // About 9 MiB, so three blocks (4, 4 and 1 MiB). Registration only checks the type and the size.
    // A file on disk keeps its lastModified when it is chosen a second time.
    const directory = await mkdtemp(join(tmpdir(), 'svib-upload-'));
    const filePath = join(directory, 'lange-opname.webm');
    const size = 9 * 1024 * 1024;
    await writeFile(filePath, Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(size - 4, 7)]));
    const context = await browser.newContext();
    const tab = await context.newPage();
    // Leaving during an upload asks "are you sure?": the teacher says yes.
    tab.on('dialog', (dialog) => void dialog.accept());

    // Put Block requests per block id, before and after the reload. Before: the first block
    // arrives, every other one fails as if the connection dropped. After: held until the page
    // was checked.
    const sent = { before: new Map<string, number>(), after: new Map<string, number>() };
    let phase: 'before' | 'after' = 'before';
    const arrived = Buffer.from('block-000001').toString('base64');
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await tab.route(
      (url) => url.searchParams.get('comp') === 'block',
      async (route: Route) => {
        const request = route.request();
        if (request.method() !== 'PUT') return route.continue();
        const id = new URL(request.url()).searchParams.get('blockid') ?? '';
        const counts = sent[phase];
        counts.set(id, (counts.get(id) ?? 0) + 1);
        if (phase === 'before') return id === arrived ? route.continue() : route.abort('connectionreset');
        await released;
        return route.continue().catch(() => undefined);
      },
    );

    const uploadLink = link('upload', `${TENANT_ID}|default|${trajectoryId}|1`);
    await tab.goto(uploadLink);
    await tab.locator('#upload:enabled').waitFor({ timeout: 30_000 });
    await tab.locator('#file').setInputFiles(filePath);
    const firstBlock = tab.waitForResponse(
      (response) => new URL(response.url()).searchParams.get('blockid') === arrived && response.request().method() === 'PUT' && response.status() === 201,
      { timeout: 30_000 },
    );
    await tab.locator('#upload').click();
    await firstBlock;
    const stored = await tab.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('svib-upload:')).map((key) => key + localStorage.getItem(key)));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toContain('lange-opname.webm');
    expect(stored[0]).not.toContain(new URL(uploadLink).searchParams.get('t'));

    phase = 'after';
    await tab.reload();
    await tab.locator('#resume-hint', { hasText: 'Er staat nog een onderbroken upload klaar van lange-opname.webm. Kies hetzelfde bestand om verder te gaan.' }).waitFor({ timeout: 30_000 });
    await tab.locator('#upload:enabled').waitFor({ timeout: 30_000 });
    await tab.locator('#file').setInputFiles(filePath);
    await tab.locator('#upload').click();

    // It starts at the share that already arrived (4 of 9 MiB), and says it continues.
    await tab.locator('#percent', { hasText: '44%' }).waitFor({ timeout: 30_000 });
    await tab.locator('#status', { hasText: 'Verder met de onderbroken upload…' }).waitFor({ timeout: 30_000 });
    await expect(tab.locator('#resume-hint').isHidden()).resolves.toBe(true);
    release();

    await tab.locator('#message', { hasText: 'De opname is opgeslagen' }).waitFor({ timeout: 60_000 });
    await expect(tab.locator('#percent').innerText()).resolves.toBe('100%');
    expect(sent.before.get(arrived)).toBe(1);
    expect(sent.after.get(arrived) ?? 0).toBe(0);
    expect([...sent.after.keys()].sort()).toEqual([...sent.before.keys()].filter((id) => id !== arrived).sort());
    expect(await tab.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('svib-upload:')))).toEqual([]);

    const recordings = await school.app.composed.recordings.watchable(teacher, trajectoryId);
    expect(recordings).toHaveLength(before + 1);
    const sizes = await Promise.all(recordings.map(async (recording) => (await school.app.composed.recordingBlobs.facts(recording.blobName))?.sizeBytes));
    expect(sizes).toContain(size);

    await context.close();
    await rm(directory, { recursive: true, force: true });
  });
});
