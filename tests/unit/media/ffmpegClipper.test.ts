import { bundledFfmpegPath } from '../../../src/media/bundledFfmpeg';
import { createFfmpegClipper, ffmpegClipArguments, withoutQueries } from '../../../src/media/ffmpegClipper';

describe('ffmpegClipArguments', () => {
  const args = ffmpegClipArguments('https://account.blob.core.windows.net/c/b?sig=x', 12, 20, '/tmp/out.mp4');
  const valueOf = (flag: string) => args[args.indexOf(flag) + 1];

  it('seeks to the start in the input and keeps exactly the fragment length', () => {
    expect(args.indexOf('-ss')).toBeLessThan(args.indexOf('-i'));
    expect(valueOf('-ss')).toBe('12');
    expect(valueOf('-t')).toBe('8');
    expect(valueOf('-i')).toBe('https://account.blob.core.windows.net/c/b?sig=x');
  });

  it('re-encodes to H.264/AAC in MP4 rather than copying from an earlier key frame', () => {
    expect(valueOf('-c:v')).toBe('libx264');
    expect(valueOf('-c:a')).toBe('aac');
    expect(valueOf('-f')).toBe('mp4');
    expect(args).not.toContain('copy');
  });

  it('allows only network protocols for the input and drops the metadata', () => {
    expect(valueOf('-protocol_whitelist')).toBe('http,https,tcp,tls');
    expect(valueOf('-map_metadata')).toBe('-1');
    expect(args.at(-1)).toBe('/tmp/out.mp4');
  });

  it.each([
    [-1, 5],
    [5, 5],
    [6, 5],
    [Number.NaN, 5],
  ])('refuses the bounds %p..%p', (start, end) => {
    expect(() => ffmpegClipArguments('https://x', start, end, '/tmp/o.mp4')).toThrow(RangeError);
  });
});

describe('withoutQueries', () => {
  it('keeps the blob address but drops the SAS', () => {
    expect(withoutQueries('open http://127.0.0.1:1/acc/c/blob?sv=1&sp=r&sig=abc%2B Invalid data')).toBe('open http://127.0.0.1:1/acc/c/blob?… Invalid data');
  });
});

describe('createFfmpegClipper', () => {
  it('reports ffmpeg as unavailable when the program is missing, without throwing', async () => {
    const clipper = createFfmpegClipper({ ffmpegPath: '/nonexistent/ffmpeg' });
    expect(await clipper.available()).toBe(false);
    expect(await clipper.cut('http://127.0.0.1:9/none', 0, 1)).toMatchObject({ ok: false });
  });

  it('runs the ffmpeg that ships in the deployment', async () => {
    expect(await createFfmpegClipper({ ffmpegPath: bundledFfmpegPath() }).available()).toBe(true);
  });
});
