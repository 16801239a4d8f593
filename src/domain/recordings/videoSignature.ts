/**
 * What a file's first bytes say it is. A declared `video/*` type proves nothing (the browser
 * sends whatever it likes); the container's own signature is checked before a recording is kept,
 * and read links serve exactly the type found here.
 */
export const SIGNATURE_BYTES = 64;

const ascii = (bytes: Uint8Array, from: number, length: number): string => String.fromCharCode(...bytes.subarray(from, from + length));
/** The box types a QuickTime file may start with when it has no `ftyp`. */
const quickTimeAtoms = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

export function videoTypeOf(head: Uint8Array): string | undefined {
  if (head.length < 12) return undefined;
  const box = ascii(head, 4, 4);
  if (box === 'ftyp') {
    const brand = ascii(head, 8, 4);
    if (brand === 'qt  ') return 'video/quicktime';
    if (brand.startsWith('3g2')) return 'video/3gpp2';
    if (brand.startsWith('3gp')) return 'video/3gpp';
    return 'video/mp4';
  }
  if (quickTimeAtoms.has(box)) return 'video/quicktime';
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    return ascii(head, 0, head.length).includes('matroska') ? 'video/x-matroska' : 'video/webm';
  }
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'AVI ') return 'video/x-msvideo';
  if (ascii(head, 0, 4) === 'OggS') return 'video/ogg';
  if (head[0] === 0x00 && head[1] === 0x00 && head[2] === 0x01 && head[3] === 0xba) return 'video/mpeg';
  return undefined;
}

/** The file extension a download of this type gets. */
export function extensionOf(videoType: string): string {
  const known: Record<string, string> = {
    'video/mp4': 'mp4',
    'video/quicktime': 'mov',
    'video/3gpp': '3gp',
    'video/3gpp2': '3g2',
    'video/webm': 'webm',
    'video/x-matroska': 'mkv',
    'video/x-msvideo': 'avi',
    'video/ogg': 'ogv',
    'video/mpeg': 'mpg',
  };
  return known[videoType] ?? 'video';
}
