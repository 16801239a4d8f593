import { decideAfterAttempt, retryAfterMs } from '../../../src/domain/delivery/retryPolicy';

const now = new Date('2026-12-01T10:00:00Z');
const limits = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000 };

describe('what to do after one delivery attempt', () => {
  it('is done on 2xx', () => {
    expect(decideAfterAttempt({ attempt: 1, status: 201, now }, limits)).toEqual({ kind: 'delivered' });
  });

  it('waits as long as a 429 asks, in seconds or as a date, never longer than the cap', () => {
    expect(decideAfterAttempt({ attempt: 1, status: 429, retryAfter: '7', now }, limits)).toEqual({ kind: 'retry', delayMs: 7000 });
    expect(decideAfterAttempt({ attempt: 1, status: 429, retryAfter: 'Tue, 01 Dec 2026 10:00:12 GMT', now }, limits)).toEqual({ kind: 'retry', delayMs: 12_000 });
    expect(decideAfterAttempt({ attempt: 1, status: 429, retryAfter: '3600', now }, limits)).toEqual({ kind: 'retry', delayMs: 30_000 });
  });

  it('backs off exponentially with jitter on 5xx and network errors, within bounds', () => {
    expect(decideAfterAttempt({ attempt: 1, status: 503, now }, limits, () => 0)).toEqual({ kind: 'retry', delayMs: 500 });
    expect(decideAfterAttempt({ attempt: 3, status: 500, now }, limits, () => 1)).toEqual({ kind: 'retry', delayMs: 4000 });
    expect(decideAfterAttempt({ attempt: 2, now }, limits, () => 0.5)).toEqual({ kind: 'retry', delayMs: 1500 });
  });

  it('gives up after the last attempt', () => {
    expect(decideAfterAttempt({ attempt: 4, status: 502, now }, limits)).toEqual({ kind: 'gaveUp' });
    expect(decideAfterAttempt({ attempt: 4, status: 429, retryAfter: '1', now }, limits)).toEqual({ kind: 'gaveUp' });
  });

  it('stops on 403 and rejects other 4xx without retrying', () => {
    expect(decideAfterAttempt({ attempt: 1, status: 403, now }, limits)).toEqual({ kind: 'blocked' });
    expect(decideAfterAttempt({ attempt: 1, status: 404, now }, limits)).toEqual({ kind: 'rejected' });
    expect(decideAfterAttempt({ attempt: 1, status: 400, now }, limits)).toEqual({ kind: 'rejected' });
  });

  it('reads no nonsense from Retry-After', () => {
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('Mon, 30 Nov 2026 10:00:00 GMT', now)).toBe(0);
  });
});
