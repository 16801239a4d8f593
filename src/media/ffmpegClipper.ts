import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Cuts one fragment out of a recording with ffmpeg. The output is re-encoded to H.264/AAC in
 * MP4: a stream copy would start at the nearest key frame before the fragment and so show
 * seconds the teacher did not share, and MP4 plays in every browser Teams runs in.
 */
export interface Clipper {
  /** Whether ffmpeg can be run here; without it fragment-only sharing is not offered. */
  available(): Promise<boolean>;
  /** Writes the clip to a temporary file; the caller uploads it and then calls `cleanup`. */
  cut(inputUrl: string, startSecond: number, endSecond: number): Promise<{ ok: true; file: string; cleanup(): Promise<void> } | { ok: false; reason: string }>;
}

export interface FfmpegClipperOptions {
  ffmpegPath: string;
  /** A stuck download or a pathological file must not hold a job round forever. */
  timeoutMs?: number;
}

/** The command line for one cut; `-ss` before `-i` seeks in the input, `-t` keeps exactly the fragment. */
export function ffmpegClipArguments(inputUrl: string, startSecond: number, endSecond: number, outputFile: string): string[] {
  if (!Number.isFinite(startSecond) || !Number.isFinite(endSecond) || startSecond < 0 || endSecond <= startSecond) {
    throw new RangeError(`A clip needs 0 <= start < end (got ${startSecond}..${endSecond})`);
  }
  return [
    '-nostdin',
    '-hide_banner',
    '-loglevel', 'error',
    // Only what reading our own blob over HTTP(S) needs: no file, pipe or concat tricks from the input.
    '-protocol_whitelist', 'http,https,tcp,tls',
    '-ss', String(startSecond),
    '-i', inputUrl,
    '-t', String(endSecond - startSecond),
    '-map', '0:v:0?',
    '-map', '0:a:0?',
    '-map_metadata', '-1',
    '-c:v', 'libx264',
    '-preset', 'veryfast',
    '-crf', '23',
    '-pix_fmt', 'yuv420p',
    '-c:a', 'aac',
    '-b:a', '128k',
    '-movflags', '+faststart',
    '-f', 'mp4',
    '-y', outputFile,
  ];
}

/** ffmpeg names its input in errors; the SAS in its query string must not reach the logs. */
export function withoutQueries(text: string): string {
  return text.replace(/(https?:\/\/[^\s?"']+)\?[^\s"']*/gi, '$1?…');
}

function run(file: string, args: string[], timeoutMs: number): Promise<{ ok: true } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024, windowsHide: true }, (error, _stdout, stderr) => {
      if (!error) return resolve({ ok: true });
      // Not the error message: it repeats the command line, and with it the input's SAS.
      const exit = (error as NodeJS.ErrnoException & { signal?: string }).code ?? (error as { signal?: string }).signal ?? 'failed';
      resolve({ ok: false, reason: `ffmpeg ${exit}: ${withoutQueries(String(stderr)).slice(-500)}`.trim() });
    });
  });
}

export function createFfmpegClipper(options: FfmpegClipperOptions): Clipper {
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  let availability: Promise<boolean> | undefined;
  return {
    available() {
      availability ??= run(options.ffmpegPath, ['-hide_banner', '-version'], 10_000).then((result) => result.ok);
      return availability;
    },
    async cut(inputUrl, startSecond, endSecond) {
      const folder = await mkdtemp(join(tmpdir(), 'svib-clip-'));
      const cleanup = () => rm(folder, { recursive: true, force: true });
      const file = join(folder, 'clip.mp4');
      const result = await run(options.ffmpegPath, ffmpegClipArguments(inputUrl, startSecond, endSecond, file), timeoutMs);
      const written = result.ok ? await stat(file).catch(() => undefined) : undefined;
      if (result.ok && written && written.size > 0) return { ok: true, file, cleanup };
      await cleanup();
      return { ok: false, reason: result.ok ? 'ffmpeg wrote no clip' : result.reason };
    },
  };
}
