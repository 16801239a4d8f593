/**
 * Teams' documented limits for a bot (learn.microsoft.com, "Optimize your bot with rate limiting
 * in Teams"): per bot per conversation ("thread") 7 sends a second, 8 in 2 s, 60 in 30 s and
 * 1800 an hour; per app per tenant 50 requests a second. The sender never goes faster, and still
 * honours a 429 when Teams throttles earlier.
 */
export interface RateWindow {
  periodMs: number;
  max: number;
}

export interface RateLimits {
  perConversation: readonly RateWindow[];
  perTenant: readonly RateWindow[];
}

export const TEAMS_RATE_LIMITS: RateLimits = {
  perConversation: [
    { periodMs: 1_000, max: 7 },
    { periodMs: 2_000, max: 8 },
    { periodMs: 30_000, max: 60 },
    { periodMs: 3_600_000, max: 1800 },
  ],
  perTenant: [{ periodMs: 1_000, max: 50 }],
};

/** The same limits with every period multiplied by `factor` (tests run them fast, the shape kept). */
export function scaledLimits(limits: RateLimits, factor: number): RateLimits {
  const scale = (windows: readonly RateWindow[]) => windows.map((window) => ({ ...window, periodMs: Math.max(1, Math.round(window.periodMs * factor)) }));
  return { perConversation: scale(limits.perConversation), perTenant: scale(limits.perTenant) };
}

/**
 * The earliest moment (ms) at or after `now` when one more send keeps every window within its
 * maximum, given the earlier sends in ascending order: in any span of `periodMs` ending at the
 * new send, at most `max` sends including the new one.
 */
export function earliestSendAt(history: readonly number[], windows: readonly RateWindow[], now: number): number {
  let earliest = now;
  for (const window of windows) {
    if (window.max < 1) throw new Error('a rate window allows at least one send');
    if (history.length < window.max) continue;
    // The send `max` places back must have left the window, by a millisecond so no span holds max + 1.
    earliest = Math.max(earliest, history[history.length - window.max] + window.periodMs + 1);
  }
  return earliest;
}

/** Drops the sends that no window can count any more, so the history stays small. */
export function pruneHistory(history: readonly number[], windows: readonly RateWindow[], now: number): number[] {
  const longest = Math.max(0, ...windows.map((window) => window.periodMs));
  const keep = Math.max(0, ...windows.map((window) => window.max));
  const recent = history.filter((at) => at > now - longest);
  return recent.slice(Math.max(0, recent.length - keep));
}

/** The largest number of sends any span of `periodMs` holds: what a test checks against `max`. */
export function busiestSpan(times: readonly number[], periodMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= periodMs) start++;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}
