import { extensionOf, videoTypeOf } from '../../../src/domain/recordings/videoSignature';
import { isAbandonedUpload, registerWindowMinutes, uploadLinkMinutes } from '../../../src/domain/recordings/uploadWindow';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(Buffer.concat([...parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))), Buffer.alloc(32)]));

describe('videoTypeOf: the container signature decides, not the declared type', () => {
  it.each([
    ['an MP4 (isom)', bytes([0, 0, 0, 0x20], 'ftypisom'), 'video/mp4'],
    ['an MP4 from a phone (mp42)', bytes([0, 0, 0, 0x18], 'ftypmp42'), 'video/mp4'],
    ['a QuickTime movie with ftyp', bytes([0, 0, 0, 0x14], 'ftypqt  '), 'video/quicktime'],
    ['an old QuickTime movie', bytes([0, 0, 0, 0x08], 'wide'), 'video/quicktime'],
    ['a 3GP', bytes([0, 0, 0, 0x14], 'ftyp3gp5'), 'video/3gpp'],
    ['a WebM', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], 'webm'), 'video/webm'],
    ['a Matroska', bytes([0x1a, 0x45, 0xdf, 0xa3, 0xa3, 0x42, 0x82, 0x88], 'matroska'), 'video/x-matroska'],
    ['an AVI', bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'), 'video/x-msvideo'],
    ['an Ogg', bytes('OggS'), 'video/ogg'],
    ['an MPEG program stream', bytes([0, 0, 1, 0xba]), 'video/mpeg'],
  ])('knows %s', (_what, head, type) => {
    expect(videoTypeOf(head)).toBe(type);
  });

  it.each([
    ['an HTML page', bytes('<!doctype html><script>alert(1)</script>')],
    ['an SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['a PDF', bytes('%PDF-1.7')],
    ['zeros', new Uint8Array(64)],
    ['too few bytes', new Uint8Array([0, 0, 0, 0x20, 0x66, 0x74])],
  ])('refuses %s', (_what, head) => {
    expect(videoTypeOf(head)).toBeUndefined();
  });

  it('names a download after the checked type', () => {
    expect(extensionOf('video/mp4')).toBe('mp4');
    expect(extensionOf('video/webm')).toBe('webm');
    expect(extensionOf('video/x-unknown')).toBe('video');
  });
});

describe('upload window', () => {
  it('fits the largest upload at 10 Mbit/s with ten minutes to spare, at least fifteen minutes', () => {
    expect(uploadLinkMinutes(1_000_000)).toBe(15);
    // 4 GiB at 1.25 MB/s is 57.3 minutes.
    expect(uploadLinkMinutes(4 * 1024 ** 3)).toBe(58 + 10);
    expect(uploadLinkMinutes(20 * 1024 ** 3)).toBe(287 + 10);
    expect(registerWindowMinutes(4 * 1024 ** 3)).toBe(68 + 30);
    expect(() => uploadLinkMinutes(0)).toThrow(RangeError);
  });

  it('calls an upload abandoned only after its registration window', () => {
    const created = new Date('2025-03-10T10:00:00Z');
    const window = registerWindowMinutes(1_000_000) * 60_000;
    expect(isAbandonedUpload(created, 1_000_000, new Date(created.getTime() + window))).toBe(false);
    expect(isAbandonedUpload(created, 1_000_000, new Date(created.getTime() + window + 1))).toBe(true);
  });
});
