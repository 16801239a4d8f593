import { randomUUID } from 'node:crypto';
import { afterCut, clipBlobName, grantClipStatus, type CutOutcome } from '../../domain/recordings/clips';
import type { Grant, Recording } from '../../domain/recordings/recording';
import type { Logger } from '../../logging/logger';
import type { Clipper } from '../../media/ffmpegClipper';
import type { AuditLog } from '../../storage/audit/AuditLog';
import type { ClipRepository } from '../../storage/recordings/ClipRepository';
import type { RecordingBlobs } from '../../storage/recordings/RecordingBlobs';
import type { RecordingRepository } from '../../storage/recordings/RecordingRepository';
import type { AnnouncedChanges } from '../notifications/Deliveries';

export interface ClipCutterOptions {
  clips: ClipRepository;
  recordings: RecordingRepository;
  blobs: RecordingBlobs;
  clipper: Clipper;
  audit: AuditLog;
  logger: Logger;
  now: () => Date;
  /** True for the first caller only (a conditional write), so a grantee is told once. */
  claimOnce: (key: string, now: Date) => Promise<boolean>;
  /** The colleague can watch now; or the teacher hears the fragments could not be prepared. */
  announce: { ready(grant: Grant, recording: Recording): Promise<unknown>; failed(grant: Grant, recording: Recording): Promise<void> };
  /** The once-only claim and the message it is for are written as one (a crash loses neither). */
  changes: AnnouncedChanges;
}

/** ffmpeg reads the recording through a read link that lives as long as a long cut may take. */
const SOURCE_LINK_MINUTES = 60;

/**
 * Cuts the waiting clips, one at a time (video encoding takes both cores of a small server),
 * and tells each colleague once when all fragments granted to them can be watched.
 */
export class ClipCutter {
  constructor(private readonly options: ClipCutterOptions) {}

  /** One round over every waiting clip; returns how many are ready now. */
  async cutPending(): Promise<number> {
    const { clips, recordings } = this.options;
    const touched = new Map<string, Recording>();
    let ready = 0;
    for (const clip of await clips.listPending()) {
      const recording = await recordings.get(clip.tenantId, clip.schoolId, clip.recordingId);
      if (!recording) {
        await clips.remove(clip);
        continue;
      }
      const outcome = await this.cut(recording, clip.startSecond, clip.endSecond);
      // Deleted while we were cutting: the clip must not outlive its recording.
      if (!(await recordings.get(clip.tenantId, clip.schoolId, clip.recordingId))) {
        if (outcome.ok) await this.options.blobs.remove(outcome.blobName);
        await clips.remove(clip);
        continue;
      }
      const next = afterCut(clip, outcome, this.options.now());
      await clips.put(next);
      if (next.state === 'ready') {
        ready++;
        await this.options.audit.append(recording.tenantId, recording.schoolId, recording.trajectoryId, {
          at: this.options.now(),
          actorId: 'svib-bot',
          action: 'cutClip',
          objectType: 'fragment',
          objectId: clip.fragmentId,
          result: 'allowed',
        });
      }
      touched.set(recording.id, recording);
    }
    for (const recording of touched.values()) await this.announce(recording);
    return ready;
  }

  private async cut(recording: Recording, startSecond: number, endSecond: number): Promise<CutOutcome> {
    const { blobs, clipper, logger, now } = this.options;
    const source = await blobs.readUrl(recording.blobName, new Date(now().getTime() + SOURCE_LINK_MINUTES * 60_000));
    const cut = await clipper.cut(source, startSecond, endSecond);
    if (!cut.ok) {
      logger.warn({ recordingId: recording.id, reason: cut.reason }, 'cutting a clip failed');
      return { ok: false };
    }
    try {
      const blobName = clipBlobName(recording, randomUUID());
      await blobs.putFile(blobName, cut.file, 'video/mp4');
      return { ok: true, blobName };
    } finally {
      await cut.cleanup();
    }
  }

  /** Tells the colleagues of one recording whose clips are all ready (or failed), each once. */
  async announceFor(tenantId: string, schoolId: string, recordingId: string): Promise<void> {
    const recording = await this.options.recordings.get(tenantId, schoolId, recordingId);
    if (recording) await this.announce(recording);
  }

  private async announce(recording: Recording): Promise<void> {
    const { recordings, clips, announce, now } = this.options;
    const fragments = await recordings.listFragments(recording);
    const clipList = await clips.listForRecording(recording.id);
    for (const grant of await recordings.listGrants(recording.tenantId, recording.schoolId, recording.id)) {
      const current = grant.withdrawnAt === undefined && (grant.until === undefined || now() < grant.until);
      if (!current) continue;
      const status = grantClipStatus(grant, fragments, clipList);
      if (status === 'ready') await this.claimed(`clips-ready|${grant.id}`, async () => void (await announce.ready(grant, recording)));
      if (status === 'failed') await this.claimed(`clips-failed|${grant.id}`, () => announce.failed(grant, recording));
    }
  }

  private async claimed(key: string, tell: () => Promise<void>): Promise<void> {
    const at = this.options.now();
    await this.options.changes.withChange({ kind: 'onceClaim', key, at: at.toISOString() }, tell, () => this.options.claimOnce(key, at), (first) => first);
  }
}
