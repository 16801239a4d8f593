import { allowedInSpan, tallyDeliveries } from '../../../src/bench/deliveryTally';
import { retryAfterSeconds, SlidingWindows } from '../../../src/bench/slidingWindows';

describe('the throttling stub’s windows', () => {
  it('accepts up to max in a period and names the wait until the oldest leaves', () => {
    const windows = new SlidingWindows([{ periodMs: 1000, max: 2 }]);
    expect(windows.tryAccept(0)).toEqual({ ok: true });
    expect(windows.tryAccept(400)).toEqual({ ok: true });
    expect(windows.tryAccept(900)).toEqual({ ok: false, waitMs: 100 });
    expect(windows.tryAccept(1000)).toEqual({ ok: true });
    expect(windows.tryAccept(1100)).toEqual({ ok: false, waitMs: 300 });
  });

  it('applies every window: the longest one binds once the short ones have room', () => {
    const windows = new SlidingWindows([
      { periodMs: 1000, max: 2 },
      { periodMs: 10_000, max: 3 },
    ]);
    for (const at of [0, 1, 2000]) expect(windows.tryAccept(at).ok).toBe(true);
    expect(windows.tryAccept(5000)).toEqual({ ok: false, waitMs: 5000 });
  });

  it('takes back a request another limit refused, so it does not count', () => {
    const windows = new SlidingWindows([{ periodMs: 1000, max: 1 }]);
    expect(windows.tryAccept(0).ok).toBe(true);
    windows.forget(0);
    expect(windows.tryAccept(10).ok).toBe(true);
  });

  it('answers Retry-After in whole seconds, at least one', () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1000)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
  });
});

describe('tallying a fan-out', () => {
  const binding = { periodMs: 1000, max: 50 };

  it('names the longest time nothing arrived, counted from the start', () => {
    const arrivals = [900, 100, 4100, 4200].map((at, index) => ({ at, conversationId: `c${index}`, fingerprint: 'x' }));
    expect(tallyDeliveries({ queued: 4, startedAt: 0, binding, arrivals }).longestGapMs).toBe(3200);
    expect(tallyDeliveries({ queued: 1, startedAt: 0, binding, arrivals: [{ at: 700, conversationId: 'a', fingerprint: 'x' }] }).longestGapMs).toBe(700);
  });

  it('leaves pauses of five seconds or more out of the second rate only', () => {
    const arrivals = [500, 1000, 7000, 7500].map((at, index) => ({ at, conversationId: `c${index}`, fingerprint: 'x' }));
    const tally = tallyDeliveries({ queued: 4, startedAt: 0, binding, arrivals });
    expect(tally.pausedMs).toBe(6000);
    expect(tally.achievedPerSecond).toBeCloseTo(4 / 7.5);
    expect(tally.perSecondOutsidePauses).toBeCloseTo(4 / 1.5);
  });

  it('does not count the wait for the first arrival as a pause: that is the sender starting', () => {
    const arrivals = [6000, 6500].map((at, index) => ({ at, conversationId: `c${index}`, fingerprint: 'x' }));
    expect(tallyDeliveries({ queued: 2, startedAt: 0, binding, arrivals }).pausedMs).toBe(0);
  });

  it('counts lost and doubled messages by conversation and content', () => {
    const tally = tallyDeliveries({
      queued: 4,
      startedAt: 0,
      binding,
      arrivals: [
        { at: 10, conversationId: 'a', fingerprint: 'x' },
        { at: 20, conversationId: 'a', fingerprint: 'x' },
        { at: 30, conversationId: 'b', fingerprint: 'x' },
        { at: 40, conversationId: 'b', fingerprint: 'y' },
      ],
    });
    expect(tally).toMatchObject({ delivered: 4, distinct: 3, lost: 1, doubled: 1, busiestConversation: 2, spanMs: 40 });
  });

  it('compares the rate with what the window allows in the same span', () => {
    expect(allowedInSpan(binding, 0)).toBe(50);
    expect(allowedInSpan(binding, 999)).toBe(50);
    expect(allowedInSpan(binding, 1000)).toBe(100);
    // 100 messages in a span of 1 s: exactly what 50 per second allows (50 at once, 50 a second later).
    const arrivals = Array.from({ length: 100 }, (_, index) => ({ at: index < 50 ? 0 : 1000, conversationId: `c${index}`, fingerprint: 'x' }));
    const tally = tallyDeliveries({ queued: 100, startedAt: 0, binding, arrivals });
    expect(tally.achievedPerSecond).toBe(100);
    expect(tally.ratio).toBe(1);
    expect(tally.lost).toBe(0);
  });
});
