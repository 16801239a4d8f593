import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { path as ffprobePath } from '@ffprobe-installer/ffprobe';
import { bundledFfmpegPath } from '../../src/media/bundledFfmpeg';

/**
 * A real little video (test picture and a tone) made by the ffmpeg production cuts clips with, as
 * a camera would deliver one. ffmpeg and ffprobe come from npm: a fresh machine needs no Debian ones.
 */
export function sampleVideo(seconds: number): Buffer {
  const folder = mkdtempSync(join(tmpdir(), 'svib-sample-'));
  try {
    const file = join(folder, 'sample.mp4');
    execFileSync(bundledFfmpegPath(), [
      '-nostdin', '-loglevel', 'error',
      '-f', 'lavfi', '-i', `testsrc=size=320x240:rate=25:duration=${seconds}`,
      '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`,
      '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '250', '-c:a', 'aac', '-shortest', '-movflags', '+faststart', '-y', file,
    ]);
    return readFileSync(file);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** What ffprobe says of a video: its duration in seconds and its streams' codecs. */
export function probe(video: Buffer): { durationSeconds: number; codecs: string[] } {
  const folder = mkdtempSync(join(tmpdir(), 'svib-probe-'));
  try {
    const file = join(folder, 'video');
    writeFileSync(file, video);
    const output = execFileSync(ffprobePath, ['-v', 'error', '-show_entries', 'format=duration:stream=codec_name', '-of', 'json', file]).toString('utf8');
    const parsed = JSON.parse(output) as { format: { duration: string }; streams: { codec_name: string }[] };
    return { durationSeconds: Number(parsed.format.duration), codecs: parsed.streams.map((stream) => stream.codec_name) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
