import type { Fragment, Grant, GrantScope, Recording } from './recording';

/**
 * A clip is a fragment cut out of its recording as a video of its own. A colleague with a
 * fragment-only grant watches clips and never the recording itself: a read link always covers a
 * whole blob, so the only honest way to show just a fragment is a blob that holds just it.
 */
export type ClipState = 'pending' | 'ready' | 'failed';

export interface Clip {
  tenantId: string;
  schoolId: string;
  trajectoryId: string;
  recordingId: string;
  fragmentId: string;
  startSecond: number;
  endSecond: number;
  state: ClipState;
  /** Set once the clip is cut; random and unguessable like the recording's own name. */
  blobName?: string;
  attempts: number;
  requestedAt: Date;
  readyAt?: Date;
}

/** Cutting is retried on the next rounds; after this many failures the teacher is told. */
export const MAX_CLIP_ATTEMPTS = 3;

/** Clips live beside their recording, under the same school and trajectory prefix. */
export function clipBlobName(recording: Recording, random: string): string {
  return `${recording.tenantId}/${recording.schoolId}/${recording.trajectoryId}/clips/${random}.mp4`;
}

/** The fragment ids the scope names that really are fragments of this recording, in playing order. */
export function scopedFragments(scope: GrantScope, fragments: readonly Fragment[], recordingId: string): Fragment[] {
  if (scope.kind === 'recording') return [];
  const wanted = new Set(scope.fragmentIds);
  return fragments.filter((fragment) => fragment.recordingId === recordingId && wanted.has(fragment.id)).sort((a, b) => a.startSecond - b.startSecond);
}

/**
 * What a new fragment grant asks to be cut: every fragment without a usable clip. A failed clip
 * is asked again (the teacher grants anew, so trying once more is what she expects).
 */
export function clipsToRequest(fragments: readonly Fragment[], existing: readonly Clip[]): Fragment[] {
  const byFragment = new Map(existing.map((clip) => [clip.fragmentId, clip]));
  return fragments.filter((fragment) => {
    const clip = byFragment.get(fragment.id);
    return clip === undefined || clip.state === 'failed';
  });
}

export function newClip(recording: Recording, fragment: Fragment, now: Date): Clip {
  return {
    tenantId: recording.tenantId,
    schoolId: recording.schoolId,
    trajectoryId: recording.trajectoryId,
    recordingId: recording.id,
    fragmentId: fragment.id,
    startSecond: fragment.startSecond,
    endSecond: fragment.endSecond,
    state: 'pending',
    attempts: 0,
    requestedAt: now,
  };
}

export type CutOutcome = { ok: true; blobName: string } | { ok: false };

/** The clip after one cutting attempt: ready, or pending again until the attempts run out. */
export function afterCut(clip: Clip, outcome: CutOutcome, now: Date): Clip {
  if (outcome.ok) return { ...clip, state: 'ready', blobName: outcome.blobName, attempts: clip.attempts + 1, readyAt: now };
  const attempts = clip.attempts + 1;
  return { ...clip, state: attempts >= MAX_CLIP_ATTEMPTS ? 'failed' : 'pending', blobName: undefined, attempts };
}

export type GrantClipStatus = 'not-needed' | 'ready' | 'pending' | 'failed';

/**
 * Whether a grant's clips are all there. A fragment that no longer exists counts as nothing to
 * show rather than as waiting forever; a grant whose fragments are all gone is 'failed'.
 */
export function grantClipStatus(grant: Grant, fragments: readonly Fragment[], clips: readonly Clip[]): GrantClipStatus {
  if (grant.scope.kind === 'recording') return 'not-needed';
  const wanted = scopedFragments(grant.scope, fragments, grant.recordingId);
  if (wanted.length === 0) return 'failed';
  const states = wanted.map((fragment) => clips.find((clip) => clip.fragmentId === fragment.id)?.state);
  if (states.some((state) => state === 'failed')) return 'failed';
  if (states.every((state) => state === 'ready')) return 'ready';
  return 'pending';
}
