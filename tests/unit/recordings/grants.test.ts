import { isRepeatOf, keepsObservationsChoice } from '../../../src/domain/recordings/grants';
import type { Grant } from '../../../src/domain/recordings/recording';

const now = new Date('2026-03-02T10:00:00Z');
const until = new Date('2026-03-31T22:59:00Z');
const existing: Grant = {
  id: 'g-1',
  tenantId: 't',
  schoolId: 's',
  trajectoryId: 'tr',
  recordingId: 'r',
  granteeId: 'lotte',
  granteeName: 'Lotte',
  scope: { kind: 'fragments', fragmentIds: ['f-1', 'f-2'] },
  until,
  grantedAt: now,
};
const same = { granteeId: 'lotte', scope: { kind: 'fragments' as const, fragmentIds: ['f-2', 'f-1'] }, until: new Date(until) };

describe('isRepeatOf', () => {
  it('recognises the same colleague, fragments (in any order) and end date', () => {
    expect(isRepeatOf(existing, same, now)).toBe(true);
  });

  it('recognises a repeated whole-recording grant without an end date', () => {
    const whole = { ...existing, scope: { kind: 'recording' as const }, until: undefined };
    expect(isRepeatOf(whole, { granteeId: 'lotte', scope: { kind: 'recording' }, until: undefined }, now)).toBe(true);
  });

  it.each([
    ['another colleague', { ...same, granteeId: 'peter' }],
    ['other fragments', { ...same, scope: { kind: 'fragments' as const, fragmentIds: ['f-1'] } }],
    ['the whole recording', { ...same, scope: { kind: 'recording' as const } }],
    ['another end date', { ...same, until: new Date('2026-04-30T21:59:00Z') }],
    ['no end date', { ...same, until: undefined }],
  ])('is a new grant for %s', (_name, candidate) => {
    expect(isRepeatOf(existing, candidate, now)).toBe(false);
  });

  it('is a new grant when the earlier one was withdrawn or has expired', () => {
    expect(isRepeatOf({ ...existing, withdrawnAt: now }, same, now)).toBe(false);
    expect(isRepeatOf(existing, same, until)).toBe(false);
  });
});

describe('keepsObservationsChoice', () => {
  it('counts a grant without the choice as "no", and sees a changed choice', () => {
    expect(keepsObservationsChoice(existing, false)).toBe(true);
    expect(keepsObservationsChoice(existing, true)).toBe(false);
    expect(keepsObservationsChoice({ ...existing, includeObservations: true }, true)).toBe(true);
    expect(keepsObservationsChoice({ ...existing, includeObservations: true }, false)).toBe(false);
  });

  it('does not make the choice part of a repeat: the same access with another choice is still the same grant', () => {
    expect(isRepeatOf({ ...existing, includeObservations: true }, same, now)).toBe(true);
  });
});
