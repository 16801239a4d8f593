import { randomFillSync } from 'node:crypto';
import type { BenchApp } from './benchApp';
import { resultOf, timeEach, type BenchResult } from './measure';
import { newTrajectory, uploadRecording } from './recordingUpload';

const MIB = 1024 ** 2;

/** startUpload + Put Blob of 16 MiB through the SAS + register: what a teacher waits for after choosing a file. */
export async function benchRecordingUpload(app: BenchApp, iterations = 8): Promise<BenchResult> {
  const sizeMiB = 16;
  // Random bytes: nothing on the way can make the upload cheaper by compressing it.
  const video = randomFillSync(new Uint8Array(sizeMiB * MIB));
  const teacher = await app.teacher();
  const trajectoryId = await newTrajectory(app, teacher);
  const samples = await timeEach(iterations, () => uploadRecording(app, teacher, trajectoryId, video, 'video/mp4').then(() => undefined), 1);
  return resultOf(`recording upload ${sizeMiB} MiB (Azurite)`, samples, iterations, (medianMs) => `${(sizeMiB / (medianMs / 1000)).toFixed(1)} MiB/s`);
}
