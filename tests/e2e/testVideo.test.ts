import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { makeTestVideo } from '../support/testVideo';

describe('makeTestVideo', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('records a small real webm video in the browser, without downloads', async () => {
    const page = await browser.newPage();
    await page.goto('data:text/html,<!doctype html><html><body></body></html>');

    const video = await makeTestVideo(page, 2);

    // EBML magic number: every Matroska/webm file starts with it.
    expect(video.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    expect(video.includes(Buffer.from('webm', 'ascii'))).toBe(true);
    expect(video.length).toBeGreaterThan(1000);
    await page.close();
  }, 30_000);
});
