import { busiestSpan, earliestSendAt, pruneHistory, scaledLimits, TEAMS_RATE_LIMITS, type RateWindow } from '../../../src/domain/deliveries/rateLimits';

const perSecond: RateWindow[] = [{ periodMs: 1000, max: 7 }];

/** Sends as fast as the limits allow, starting at `start`, and returns the send times. */
function sendAsFastAsAllowed(count: number, windows: readonly RateWindow[], start = 0): number[] {
  const history: number[] = [];
  let now = start;
  for (let index = 0; index < count; index++) {
    now = earliestSendAt(history, windows, now);
    history.push(now);
  }
  return history;
}

describe("Teams' documented limits", () => {
  it('are 7 a second, 8 in two seconds, 60 in 30 seconds and 1800 an hour per conversation, 50 a second per tenant', () => {
    expect(TEAMS_RATE_LIMITS.perConversation).toEqual([
      { periodMs: 1000, max: 7 },
      { periodMs: 2000, max: 8 },
      { periodMs: 30_000, max: 60 },
      { periodMs: 3_600_000, max: 1800 },
    ]);
    expect(TEAMS_RATE_LIMITS.perTenant).toEqual([{ periodMs: 1000, max: 50 }]);
  });

  it('scale in time only, so tests keep the same shape faster', () => {
    const fast = scaledLimits(TEAMS_RATE_LIMITS, 0.01);
    expect(fast.perConversation.map((window) => window.max)).toEqual([7, 8, 60, 1800]);
    expect(fast.perConversation.map((window) => window.periodMs)).toEqual([10, 20, 300, 36_000]);
  });
});

describe('earliestSendAt', () => {
  it('sends at once while the window has room', () => {
    expect(earliestSendAt([], perSecond, 500)).toBe(500);
    expect(earliestSendAt([100, 200, 300, 400, 450, 460], perSecond, 500)).toBe(500);
  });

  it('waits until the oldest send of a full window has left it', () => {
    expect(earliestSendAt([100, 200, 300, 400, 450, 460, 470], perSecond, 500)).toBe(1101);
  });

  it('takes the strictest of several windows', () => {
    const windows = TEAMS_RATE_LIMITS.perConversation;
    const times = sendAsFastAsAllowed(9, windows);
    // Seven in the first second, the eighth only because two seconds allow eight, the ninth after the first left those two seconds.
    expect(times.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(times[7]).toBe(1001);
    expect(times[8]).toBe(2001);
  });

  it('never lets any span hold more than a window allows, over an hour of sending', () => {
    const windows = TEAMS_RATE_LIMITS.perConversation;
    const times = sendAsFastAsAllowed(1900, windows);
    for (const window of windows) expect(busiestSpan(times, window.periodMs)).toBeLessThanOrEqual(window.max);
    expect(busiestSpan(times, 3_600_000)).toBe(1800);
  });

  it('refuses a window that allows nothing', () => {
    expect(() => earliestSendAt([1], [{ periodMs: 1000, max: 0 }], 0)).toThrow();
  });
});

describe('pruneHistory', () => {
  it('keeps only what a window can still count', () => {
    expect(pruneHistory([1, 2, 500, 1500, 1600], perSecond, 2000)).toEqual([1500, 1600]);
    expect(pruneHistory([1, 2, 3, 4, 5, 6, 7, 8, 9], perSecond, 10)).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('busiestSpan', () => {
  it('counts the most sends in any span shorter than the period', () => {
    expect(busiestSpan([], 1000)).toBe(0);
    expect(busiestSpan([0, 999, 1000, 1999], 1000)).toBe(2);
    expect(busiestSpan([5, 0, 1, 2000], 1000)).toBe(3);
  });
});
