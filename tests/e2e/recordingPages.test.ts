import type { Browser, Page } from 'playwright-core';
import { recordingPageLink } from '../../src/http/recordingsApi';
import type { Actor } from '../../src/features/schools/SchoolDirectory';
import { launchChromium } from '../support/browser';
import { RecordingConnector } from '../support/recordingConnector';
import { seedSchool, validIntake } from '../support/requestFlow';
import { fatima, marieke, sanne, TENANT_ID, type Person } from '../support/teamsActivities';
import { startTestApp, type TestApp } from '../support/testApp';
import { makeTestVideo } from '../support/testVideo';

jest.setTimeout(120_000);

/** The upload and player pages in Chromium against the bot and real Azurite storage. */
describe('recording pages', () => {
  const connector = new RecordingConnector();
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let teacher: Actor;
  let trajectoryId: string;

  const link = (which: 'upload' | 'watch', subjectId: string) =>
    recordingPageLink(app.composed.config.linkSigningSecret, app.baseUrl, which, { subjectId, userId: teacher.userId, expiresAt: new Date(Date.now() + 600_000) });
  const actorOf = (person: Person) => app.composed.directory.actorFor({ tenantId: TENANT_ID, userId: person.aadObjectId, name: person.name, fetchEmail: async () => undefined });

  beforeAll(async () => {
    const serviceUrl = await connector.start();
    app = await startTestApp({ INITIAL_BEHEERDERS: fatima.aadObjectId });
    await seedSchool(app, serviceUrl, { beheerder: fatima, svibbers: [marieke], others: [sanne] });
    teacher = await actorOf(sanne);
    const created = await app.composed.trajectoryService.requestSupport(teacher, 'e2e-recording-form', validIntake);
    if (created.kind !== 'created') throw new Error(created.kind);
    trajectoryId = created.trajectory.id;
    await app.composed.trajectoryService.run(await actorOf(marieke), trajectoryId, { type: 'takeUp' });
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await connector.stop();
  });

  it('uploads a generated video with visible progress and registers it', async () => {
    await page.goto(`${app.baseUrl}/healthz`);
    const video = await makeTestVideo(page, 2);
    await page.goto(link('upload', `${TENANT_ID}|default|${trajectoryId}|1`));

    await page.locator('#file').setInputFiles({ name: 'opname-1.webm', mimeType: 'video/webm', buffer: video });
    await page.locator('#upload').click();

    await page.locator('#message', { hasText: 'De opname is opgeslagen' }).waitFor({ timeout: 60_000 });
    await expect(page.locator('#percent').innerText()).resolves.toBe('100%');
    expect(await app.composed.recordings.watchable(teacher, trajectoryId)).toHaveLength(1);
  });

  it('plays the recording and jumps to a fragment', async () => {
    const [recording] = await app.composed.recordings.watchable(teacher, trajectoryId);
    const marked = await app.composed.recordings.markFragment(teacher, recording.id, { startSecond: 1, endSecond: 2, note: 'Mooie beurtverdeling', aspect: 'beurtverdeling' });
    expect(marked.ok).toBe(true);

    await page.goto(link('watch', `${TENANT_ID}|default|${recording.id}`));
    const fragment = page.locator('.fragment', { hasText: 'Mooie beurtverdeling' });
    await fragment.waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => ((document.querySelector('#video') as HTMLVideoElement | null)?.readyState ?? 0) >= 1, undefined, { timeout: 30_000 });

    await fragment.click();

    await page.waitForFunction(() => (document.querySelector('#video') as HTMLVideoElement).currentTime >= 1, undefined, { timeout: 30_000 });
  });

  it('does not open the same watch link a second time', async () => {
    const [recording] = await app.composed.recordings.watchable(teacher, trajectoryId);
    const once = link('watch', `${TENANT_ID}|default|${recording.id}`);
    await page.goto(once);
    await page.locator('.fragment').first().waitFor({ timeout: 30_000 });

    await page.goto(once);

    await page.getByText('Deze link is al gebruikt of verlopen').waitFor({ timeout: 30_000 });
  });
});
