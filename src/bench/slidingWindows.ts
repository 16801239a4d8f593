import type { RateWindow } from '../domain/deliveries/rateLimits';

/**
 * How the throttling connector stub decides, written apart from the sender's own pacing
 * (`earliestSendAt`) so the stub does not simply agree with it: a request is accepted when, for
 * every window, fewer than `max` accepted requests lie in the last `periodMs`; otherwise the
 * answer is the wait until the oldest of those leaves the window. Only accepted requests count
 * (Teams does not document whether a throttled request counts; counting them would only be stricter).
 */
export class SlidingWindows {
  private readonly accepted: number[] = [];

  constructor(private readonly windows: readonly RateWindow[]) {}

  /** Accepts (and records) a request at `now`, or says how many ms until one would be accepted. */
  tryAccept(now: number): { ok: true } | { ok: false; waitMs: number } {
    let waitMs = 0;
    for (const window of this.windows) {
      const inWindow = this.countSince(now - window.periodMs);
      if (inWindow >= window.max) {
        const oldest = this.accepted[this.accepted.length - window.max];
        waitMs = Math.max(waitMs, oldest + window.periodMs - now);
      }
    }
    if (waitMs > 0) return { ok: false, waitMs };
    this.accepted.push(now);
    this.prune(now);
    return { ok: true };
  }

  /** Takes back the request accepted at `at` (another limit refused it after all). */
  forget(at: number): void {
    const index = this.accepted.lastIndexOf(at);
    if (index >= 0) this.accepted.splice(index, 1);
  }

  /** Accepted requests strictly after `since`. */
  private countSince(since: number): number {
    let count = 0;
    for (let index = this.accepted.length - 1; index >= 0 && this.accepted[index] > since; index--) count++;
    return count;
  }

  private prune(now: number): void {
    const longest = Math.max(...this.windows.map((window) => window.periodMs));
    const keep = Math.max(...this.windows.map((window) => window.max));
    let drop = 0;
    while (drop < this.accepted.length && (this.accepted[drop] <= now - longest || this.accepted.length - drop > keep)) drop++;
    if (drop > 0) this.accepted.splice(0, drop);
  }
}

/** HTTP Retry-After is whole seconds: a wait of 1 ms is answered with 1 s, as a real service would. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
