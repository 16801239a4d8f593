import type { Page } from 'playwright-core';

/**
 * A real, small webm video made in the browser itself: a canvas with a moving block and a
 * running counter, recorded with `canvas.captureStream()` and `MediaRecorder`. Nothing is
 * downloaded. Note that Chromium writes no duration into such a file (it reads as Infinity).
 */
export async function makeTestVideo(page: Page, seconds = 3): Promise<Buffer> {
  const base64 = await page.evaluate(async (durationMs: number) => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    document.body.appendChild(canvas);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas context');
    const stream = canvas.captureStream(25);
    const mimeType = ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm'].find((type) => MediaRecorder.isTypeSupported(type));
    if (!mimeType) throw new Error('MediaRecorder cannot write webm here');
    const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 500_000 });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    const stopped = new Promise<void>((resolve) => {
      recorder.onstop = () => resolve();
    });

    const started = performance.now();
    const draw = (): void => {
      const elapsed = performance.now() - started;
      context.fillStyle = '#5b5fc7';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.fillStyle = '#ffffff';
      context.fillRect((elapsed / 10) % canvas.width, 100, 40, 40);
      context.font = '32px sans-serif';
      context.fillText((elapsed / 1000).toFixed(1), 20, 50);
    };
    // Timers, not requestAnimationFrame: a headless or background page may not paint frames.
    draw();
    const timer = setInterval(draw, 40);
    recorder.start(250);
    await new Promise((resolve) => setTimeout(resolve, durationMs));
    recorder.stop();
    await stopped;
    clearInterval(timer);
    stream.getTracks().forEach((track) => track.stop());
    canvas.remove();

    const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, seconds * 1000);
  return Buffer.from(base64, 'base64');
}
