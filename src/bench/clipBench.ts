import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundledFfmpegPath } from '../media/bundledFfmpeg';
import { createFfmpegClipper } from '../media/ffmpegClipper';
import type { BenchApp } from './benchApp';
import { resultOf, timeEach, type BenchResult } from './measure';
import type { BenchSchool } from './benchSchool';
import { DEFAULT_SCHOOL_ID } from '../domain/schools/school';
import { TENANT_ID } from './fixtures';
import { uploadRecording } from './recordingUpload';

const SAMPLE_SECONDS = 30;
const CLIP = { start: 10, end: 20 };

/** A 720p test picture with a tone, as a classroom camera would deliver it, made by ffmpeg. */
async function sampleVideo(): Promise<Uint8Array<ArrayBuffer>> {
  const folder = await mkdtemp(join(tmpdir(), 'svib-bench-'));
  try {
    const file = join(folder, 'sample.mp4');
    await promisify(execFile)(bundledFfmpegPath(), [
      '-nostdin', '-loglevel', 'error',
      '-f', 'lavfi', '-i', `testsrc=size=1280x720:rate=25:duration=${SAMPLE_SECONDS}`,
      '-f', 'lavfi', '-i', `sine=frequency=440:duration=${SAMPLE_SECONDS}`,
      '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '250', '-c:a', 'aac', '-shortest', '-movflags', '+faststart', '-y', file,
    ]);
    return new Uint8Array(await readFile(file));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Cutting one shared fragment as the clip job does: ffmpeg reads the recording over HTTP through
 * a read SAS and re-encodes the 10 seconds, with the ffmpeg production ships.
 */
export async function benchClipCutting(app: BenchApp, school: BenchSchool, iterations = 3): Promise<BenchResult> {
  const name = `clip cut ${CLIP.end - CLIP.start} s of 720p (ffmpeg)`;
  const clipper = createFfmpegClipper({ ffmpegPath: bundledFfmpegPath() });
  if (!(await clipper.available())) return { name, skipped: 'no ffmpeg' };

  const owner = school.listers[2];
  const teacher = { tenantId: TENANT_ID, schoolId: DEFAULT_SCHOOL_ID, userId: owner.aadObjectId, roles: ['leerkracht'] as const };
  const recording = await uploadRecording(app.composed, teacher, 'bench-2-4', await sampleVideo(), 'video/mp4');
  const readUrl = await app.composed.recordingBlobs.readUrl(recording.blobName, new Date(Date.now() + 60 * 60_000));
  const samples = await timeEach(iterations, async () => {
    const cut = await clipper.cut(readUrl, CLIP.start, CLIP.end);
    if (!cut.ok) throw new Error(cut.reason);
    await cut.cleanup();
  });
  const clipSeconds = CLIP.end - CLIP.start;
  return resultOf(name, samples, iterations, (medianMs) => `${(medianMs / 1000).toFixed(2)} s per ${clipSeconds} s clip (${(clipSeconds / (medianMs / 1000)).toFixed(1)}x realtime)`);
}
