import type { ComposedApp } from '../composition/composeApp';
import type { AccessSubject, Recording } from '../domain/recordings/recording';

/**
 * What the upload page does for a small file: ask for a write-only link, one Put Blob through it,
 * then register. The video is a plain ArrayBuffer-backed array because fetch takes it without a copy.
 */
export async function uploadRecording(composed: ComposedApp, uploader: AccessSubject, trajectoryId: string, video: Uint8Array<ArrayBuffer>, contentType: string): Promise<Recording> {
  const { recordings } = composed;
  const started = await recordings.startUpload(uploader, trajectoryId);
  if (!started.ok) throw new Error(`startUpload: ${started.reason}`);
  const response = await fetch(started.uploadUrl, {
    method: 'PUT',
    headers: { 'x-ms-blob-type': 'BlockBlob', 'x-ms-version': '2021-12-02', 'content-type': contentType },
    body: video,
  });
  await response.arrayBuffer();
  if (response.status !== 201) throw new Error(`Put Blob answered ${response.status}`);
  const registered = await recordings.register(uploader, trajectoryId, 1, started.blobName);
  if (!registered.ok) throw new Error(`register: ${registered.reason}`);
  return registered.recording;
}
