/**
 * What to do after one attempt to deliver a message to Teams. Pure, so the same policy serves a
 * sender that waits in process today and a queue that re-schedules the message later.
 */
export interface DeliveryAttempt {
  /** 1 for the first try. */
  attempt: number;
  /** The HTTP status Teams answered with; undefined when no answer came (network error). */
  status?: number;
  /** The Retry-After header as Teams sent it: seconds, or an HTTP date. */
  retryAfter?: string;
  /** When the answer came, to read an HTTP-date Retry-After against. */
  now: Date;
}

export interface RetryLimits {
  /** The attempt after which we give up (the first try counts). */
  maxAttempts: number;
  /** The first backoff for a 5xx or a network error, doubled per attempt. */
  baseDelayMs: number;
  /** No single wait is longer than this, Retry-After included. */
  maxDelayMs: number;
}

export const defaultRetryLimits: RetryLimits = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000 };

export type DeliveryDecision =
  | { kind: 'delivered' }
  | { kind: 'retry'; delayMs: number }
  /** 403: the bot was removed from the team or may not post; retrying cannot help. */
  | { kind: 'blocked' }
  /** 404 or another 4xx: the conversation is gone or the message is wrong. */
  | { kind: 'rejected' }
  /** Retries used up. */
  | { kind: 'gaveUp' };

/** Seconds ("120") or an HTTP date; undefined when it is neither. */
export function retryAfterMs(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/**
 * 2xx delivered; 429 waits as long as Teams asks (or backs off when it does not say); 5xx and
 * network errors back off exponentially with full jitter; 403 stops; other 4xx are rejected.
 * `random` is Math.random in production and fixed in tests.
 */
export function decideAfterAttempt(attempt: DeliveryAttempt, limits: RetryLimits = defaultRetryLimits, random: () => number = Math.random): DeliveryDecision {
  const { status } = attempt;
  if (status !== undefined && status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 403) return { kind: 'blocked' };
  const retryable = status === undefined || status === 429 || status >= 500;
  if (!retryable) return { kind: 'rejected' };
  if (attempt.attempt >= limits.maxAttempts) return { kind: 'gaveUp' };
  const backoff = Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** (attempt.attempt - 1));
  if (status === 429) {
    const asked = retryAfterMs(attempt.retryAfter, attempt.now);
    // Teams' own answer wins; without one, the same backoff as for a 5xx.
    if (asked !== undefined) return { kind: 'retry', delayMs: Math.min(limits.maxDelayMs, asked) };
  }
  // Equal jitter (half fixed, half random): spreads the retries of many schools posting at the same hour.
  return { kind: 'retry', delayMs: Math.round(backoff / 2 + (random() * backoff) / 2) };
}
