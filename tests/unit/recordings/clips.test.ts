import {
  MAX_CLIP_ATTEMPTS,
  afterCut,
  clipBlobName,
  clipsToRequest,
  grantClipStatus,
  newClip,
  scopedFragments,
  type Clip,
} from '../../../src/domain/recordings/clips';
import type { Fragment, Grant, Recording } from '../../../src/domain/recordings/recording';

const now = new Date('2026-03-02T10:00:00Z');
const recording: Recording = {
  id: 'rec-1',
  tenantId: 'tenant-1',
  schoolId: 'school-1',
  trajectoryId: 'traj-1',
  cycle: 1,
  blobName: 'tenant-1/school-1/traj-1/abc',
  uploaderId: 'svibber',
  sizeBytes: 1000,
  contentType: 'video/webm',
  uploadedAt: now,
};
const fragment = (id: string, startSecond: number, recordingId = 'rec-1'): Fragment => ({
  id,
  recordingId,
  startSecond,
  endSecond: startSecond + 10,
  note: '',
  aspect: 'aansluiten',
  createdBy: 'svibber',
  createdAt: now,
});
const fragments = [fragment('f-3', 300), fragment('f-1', 10), fragment('f-2', 100), fragment('other', 5, 'rec-2')];
const clip = (fragmentId: string, state: Clip['state']): Clip => ({ ...newClip(recording, fragment(fragmentId, 0), now), state });
const grant = (scope: Grant['scope']): Grant => ({
  id: 'g-1',
  tenantId: 'tenant-1',
  schoolId: 'school-1',
  trajectoryId: 'traj-1',
  recordingId: 'rec-1',
  granteeId: 'colleague',
  granteeName: 'Collega',
  scope,
  grantedAt: now,
});

describe('clipBlobName', () => {
  it('lies under the school and trajectory of the recording, beside it', () => {
    expect(clipBlobName(recording, 'xyz')).toBe('tenant-1/school-1/traj-1/clips/xyz.mp4');
  });
});

describe('scopedFragments', () => {
  it('takes only fragments of this recording that the scope names, in playing order', () => {
    const scoped = scopedFragments({ kind: 'fragments', fragmentIds: ['f-3', 'f-1', 'other', 'forged'] }, fragments, 'rec-1');
    expect(scoped.map((f) => f.id)).toEqual(['f-1', 'f-3']);
  });

  it('is empty for a whole-recording scope, which needs no clips', () => {
    expect(scopedFragments({ kind: 'recording' }, fragments, 'rec-1')).toEqual([]);
  });
});

describe('clipsToRequest', () => {
  const wanted = [fragment('f-1', 10), fragment('f-2', 100), fragment('f-3', 300)];

  it('asks for every fragment without a clip', () => {
    expect(clipsToRequest(wanted, []).map((f) => f.id)).toEqual(['f-1', 'f-2', 'f-3']);
  });

  it('does not cut again what is ready or already waiting, and retries what failed', () => {
    const existing = [clip('f-1', 'ready'), clip('f-2', 'pending'), clip('f-3', 'failed')];
    expect(clipsToRequest(wanted, existing).map((f) => f.id)).toEqual(['f-3']);
  });
});

describe('newClip', () => {
  it('copies the fragment bounds and waits to be cut', () => {
    expect(newClip(recording, fragment('f-2', 100), now)).toEqual({
      tenantId: 'tenant-1',
      schoolId: 'school-1',
      trajectoryId: 'traj-1',
      recordingId: 'rec-1',
      fragmentId: 'f-2',
      startSecond: 100,
      endSecond: 110,
      state: 'pending',
      attempts: 0,
      requestedAt: now,
    });
  });
});

describe('afterCut', () => {
  const pending = clip('f-1', 'pending');
  const later = new Date('2026-03-02T10:05:00Z');

  it('is ready with its blob after a successful cut', () => {
    expect(afterCut(pending, { ok: true, blobName: 'b' }, later)).toMatchObject({ state: 'ready', blobName: 'b', attempts: 1, readyAt: later });
  });

  it('stays pending after a failure while attempts remain', () => {
    expect(afterCut(pending, { ok: false }, later)).toMatchObject({ state: 'pending', attempts: 1 });
    expect(afterCut({ ...pending, attempts: MAX_CLIP_ATTEMPTS - 2 }, { ok: false }, later).state).toBe('pending');
  });

  it('fails for good on the last attempt', () => {
    expect(afterCut({ ...pending, attempts: MAX_CLIP_ATTEMPTS - 1 }, { ok: false }, later)).toMatchObject({ state: 'failed', attempts: MAX_CLIP_ATTEMPTS });
  });
});

describe('grantClipStatus', () => {
  const scope = { kind: 'fragments' as const, fragmentIds: ['f-1', 'f-2'] };

  it('needs nothing for a whole recording', () => {
    expect(grantClipStatus(grant({ kind: 'recording' }), fragments, [])).toBe('not-needed');
  });

  it('is ready only when every granted fragment has a ready clip', () => {
    expect(grantClipStatus(grant(scope), fragments, [clip('f-1', 'ready'), clip('f-2', 'ready')])).toBe('ready');
    expect(grantClipStatus(grant(scope), fragments, [clip('f-1', 'ready'), clip('f-2', 'pending')])).toBe('pending');
    expect(grantClipStatus(grant(scope), fragments, [clip('f-1', 'ready')])).toBe('pending');
  });

  it('is failed when one clip failed for good', () => {
    expect(grantClipStatus(grant(scope), fragments, [clip('f-1', 'ready'), clip('f-2', 'failed')])).toBe('failed');
  });

  it('is failed rather than waiting forever when the granted fragments are gone', () => {
    expect(grantClipStatus(grant({ kind: 'fragments', fragmentIds: ['gone'] }), fragments, [])).toBe('failed');
  });

  it('ignores a ready clip of a fragment the grant does not name', () => {
    expect(grantClipStatus(grant({ kind: 'fragments', fragmentIds: ['f-3'] }), fragments, [clip('f-1', 'ready')])).toBe('pending');
  });
});
