import { isAbandonedUpload } from '../domain/recordings/uploadWindow';
import { recordingSettingLimits } from '../domain/schools/recordingSettings';
import { STAGING_PREFIX } from '../features/recordings/RecordingService';
import type { ClipRepository } from '../storage/recordings/ClipRepository';
import type { RecordingBlobs } from '../storage/recordings/RecordingBlobs';
import type { RecordingRepository } from '../storage/recordings/RecordingRepository';

export interface UploadSweepOptions {
  blobs: RecordingBlobs;
  recordings: RecordingRepository;
  clips: ClipRepository;
  /** The school's largest recording: its upload window decides when an upload is abandoned. */
  maxBytesOf: (tenantId: string, schoolId: string) => Promise<number>;
}

/** The largest upload any school may allow: a blob outside staging is judged by the longest window. */
const LARGEST_UPLOAD_BYTES = recordingSettingLimits.maxGigabytes.max * 1024 ** 3;

/**
 * Deletes what an upload left behind: staging blobs (never registered, or the locked name of a
 * registered one) once their registration window has passed, and any other blob in the
 * recordings container that no recording or clip refers to (an upload from before staging, a
 * copy or clip whose reference was never written) once even the longest window has passed.
 * Returns how many blobs it deleted.
 */
export async function sweepAbandonedUploads(options: UploadSweepOptions, now: Date): Promise<number> {
  const { blobs } = options;
  const maxBytesBySchool = new Map<string, Promise<number>>();
  const maxBytesOf = (tenantId: string, schoolId: string) => {
    const key = `${tenantId}|${schoolId}`;
    if (!maxBytesBySchool.has(key)) maxBytesBySchool.set(key, options.maxBytesOf(tenantId, schoolId));
    return maxBytesBySchool.get(key)!;
  };
  const referenced = new Set<string>([
    ...(await options.recordings.listAll()).map((recording) => recording.blobName),
    ...(await options.clips.listAll()).flatMap((clip) => (clip.blobName ? [clip.blobName] : [])),
  ]);
  let deleted = 0;
  for await (const blob of blobs.listUnder('')) {
    let abandoned: boolean;
    if (blob.name.startsWith(STAGING_PREFIX)) {
      const [tenantId, schoolId] = blob.name.slice(STAGING_PREFIX.length).split('/');
      const maxBytes = tenantId && schoolId ? await maxBytesOf(tenantId, schoolId) : LARGEST_UPLOAD_BYTES;
      abandoned = isAbandonedUpload(blob.createdOn, Math.max(maxBytes, 1), now);
    } else {
      abandoned = !referenced.has(blob.name) && isAbandonedUpload(blob.createdOn, LARGEST_UPLOAD_BYTES, now);
    }
    if (!abandoned) continue;
    await blobs.remove(blob.name);
    deleted++;
  }
  return deleted;
}
