import type { Browser, Page } from 'playwright-core';
import type { Actor } from '../../src/features/schools/SchoolDirectory';
import { launchChromium } from '../support/browser';
import { actorOf, guidedTrajectory } from '../support/recordings';
import { sampleVideo } from '../support/sampleVideo';
import { useSchool } from '../support/school';
import { SSO_CLIENT_ID, SsoIssuer } from '../support/ssoIssuer';
import { marieke, peter, sanne, TENANT_ID, type Person } from '../support/teamsActivities';

jest.setTimeout(120_000);

/**
 * The recording pages as Teams opens them: in a dialog, without a token in the address, signing
 * in with Teams SSO. Teams itself cannot run here, so its JS SDK is replaced by a stand-in that
 * hands out a token signed by a local issuer; the bot checks that token exactly as in Azure.
 */
describe('recording pages in a Teams dialog, signed in with Teams SSO', () => {
  const issuer = new SsoIssuer();
  // Filled in once the issuer runs; the school's app starts after that (hooks run in order).
  const env: Record<string, string> = { SSO_CLIENT_ID };
  beforeAll(async () => {
    env.SSO_JWKS_URL = await issuer.start();
  });
  afterAll(() => issuer.stop());
  // SSO settings on a bot without Bot Framework credentials: only tests may ask for that.
  const school = useSchool({ svibbers: [marieke], others: [sanne, peter] }, { env, loadOptions: { acceptProductionSignsInLocalMode: true } });
  let browser: Browser;
  let page: Page;
  let teacher: Actor;
  let trajectoryId: string;
  let recordingId: string;


  /** Opens a page as if Teams hosted it, signed in as `person` (or with sign-in failing). */
  async function openInTeams(path: string, person: Person | 'sign-in-fails') {
    const token = person === 'sign-in-fails' ? '' : await issuer.tokenFor(person, TENANT_ID);
    await page.unroute('**/static/teams-js.js');
    await page.route('**/static/teams-js.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `window.microsoftTeams = {
          app: { initialize: function () { return Promise.resolve(); } },
          authentication: { getAuthToken: function () { return ${JSON.stringify(token)} ? Promise.resolve(${JSON.stringify(token)}) : Promise.reject(new Error('consent required')); } }
        };`,
      }),
    );
    await page.goto(`${school.app.baseUrl}${path}`);
  }

  beforeAll(async () => {
    teacher = await actorOf(school.app, sanne);
    trajectoryId = await guidedTrajectory(school.app, teacher, await actorOf(school.app, marieke));
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uploads a video from the dialog, signed in as the teacher', async () => {
    await openInTeams(`/recordings/upload?trajectory=${trajectoryId}&cycle=1`, sanne);
    await page.locator('#upload:not([disabled])').waitFor({ timeout: 30_000 });
    await page.locator('#file').setInputFiles({ name: 'opname-1.mp4', mimeType: 'video/mp4', buffer: sampleVideo(4) });
    await page.locator('#upload').click();

    await page.locator('#message', { hasText: 'De opname is opgeslagen' }).waitFor({ timeout: 60_000 });
    const [recording] = await school.app.composed.recordings.watchable(teacher, trajectoryId);
    expect(recording.uploaderId).toBe(sanne.aadObjectId);
    recordingId = recording.id;
  });

  it('plays the whole recording for the teacher', async () => {
    const marked = await school.app.composed.recordings.markFragment(teacher, recordingId, { startSecond: 1, endSecond: 3, note: 'Kijkt de klas rond', aspect: 'aansluiten' });
    expect(marked.ok).toBe(true);
    await openInTeams(`/recordings/watch?r=${recordingId}`, sanne);
    await page.locator('.fragment', { hasText: 'Kijkt de klas rond' }).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => ((document.querySelector('#video') as HTMLVideoElement | null)?.readyState ?? 0) >= 1, undefined, { timeout: 30_000 });
    expect(await page.locator('#video').evaluate((video: HTMLVideoElement) => Math.round(video.duration))).toBe(4);
    await expect(page.locator('#mark').isVisible()).resolves.toBe(true);
  });

  it('shows a colleague with a fragment grant only the clip of that fragment', async () => {
    const fragments = await school.app.composed.recordings.grantsOf(teacher, recordingId);
    if (!fragments.ok) throw new Error(fragments.reason);
    await school.app.composed.recordings.grant(teacher, recordingId, { userId: peter.aadObjectId, name: peter.name }, { kind: 'fragments', fragmentIds: [fragments.fragments[0].id] });
    await school.app.composed.clipJob.kick();

    await openInTeams(`/recordings/watch?r=${recordingId}`, peter);
    await page.getByText('Je ziet alleen de fragmenten die de leerkracht met je deelde.').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => ((document.querySelector('#video') as HTMLVideoElement | null)?.readyState ?? 0) >= 1, undefined, { timeout: 30_000 });
    const video = await page.locator('#video').evaluate((element: HTMLVideoElement) => ({ src: element.currentSrc, duration: element.duration }));
    expect(video.src).toContain('/clips/');
    expect(video.duration).toBeGreaterThan(1.8);
    expect(video.duration).toBeLessThan(2.3);
    await expect(page.locator('.fragment').count()).resolves.toBe(1);
    await expect(page.locator('#mark').isVisible()).resolves.toBe(false);

    await page.locator('.fragment').click();
    await page.waitForFunction(() => !(document.querySelector('#video') as HTMLVideoElement).paused || (document.querySelector('#video') as HTMLVideoElement).currentTime > 0, undefined, { timeout: 30_000 });
  });

  it('says so in Dutch when signing in with Teams fails', async () => {
    await openInTeams(`/recordings/watch?r=${recordingId}`, 'sign-in-fails');
    await page.getByText('Aanmelden via Teams lukte niet.').waitFor({ timeout: 30_000 });
    await expect(page.locator('#layout').isVisible()).resolves.toBe(false);
  });
});
