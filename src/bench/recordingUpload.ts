import type { Actor } from '../features/schools/SchoolDirectory';
import type { Recording } from '../domain/recordings/recording';
import type { BenchApp } from './benchApp';
import { validIntake } from './fixtures';

/** A fresh trajectory the teacher asked for: they own it, so they may upload to it. */
export async function newTrajectory(app: BenchApp, teacher: Actor): Promise<string> {
  const created = await app.composed.trajectoryService.requestSupport(teacher, `bench-${Math.random()}`, validIntake);
  if (created.kind !== 'created') throw new Error(`requestSupport: ${created.kind}`);
  return created.trajectory.id;
}

/**
 * What the upload page does: ask for a write-only link, one Put Blob through it, then register.
 * The video is a plain ArrayBuffer-backed array because that is what fetch accepts without a copy.
 */
export async function uploadRecording(app: BenchApp, teacher: Actor, trajectoryId: string, video: Uint8Array<ArrayBuffer>, contentType: string): Promise<Recording> {
  const { recordings } = app.composed;
  const started = await recordings.startUpload(teacher, trajectoryId);
  if (!started.ok) throw new Error(`startUpload: ${started.reason}`);
  const response = await fetch(started.uploadUrl, {
    method: 'PUT',
    headers: { 'x-ms-blob-type': 'BlockBlob', 'x-ms-version': '2021-12-02', 'content-type': contentType },
    body: video,
  });
  await response.arrayBuffer();
  if (response.status !== 201) throw new Error(`Put Blob answered ${response.status}`);
  const registered = await recordings.register(teacher, trajectoryId, 1, started.blobName);
  if (!registered.ok) throw new Error(`register: ${registered.reason}`);
  return registered.recording;
}
