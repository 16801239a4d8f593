import type { DeliveryAttempts } from './delivery';

/** What came of one try to hand a delivery to Teams. */
export type SendOutcome =
  | { kind: 'sent'; activityId?: string }
  /** Teams answered with an HTTP status (429 with its Retry-After in ms when given). */
  | { kind: 'status'; status: number; retryAfterMs?: number }
  /** No answer in time, or the connection broke. */
  | { kind: 'timeout' }
  | { kind: 'networkError' }
  /** An in-place update whose card was not sent yet (it is still on the queue). */
  | { kind: 'notReady' }
  /** The conversation is no longer installed (removed after the delivery was queued). */
  | { kind: 'gone' }
  /** This process may not send there (local mode talks to the loopback only). */
  | { kind: 'notAllowed' };

export interface RetryPolicy {
  /** Failures (5xx, timeouts, network errors) after which a delivery goes to the poison queue. */
  maxFailures: number;
  /** 429s after which it goes to the poison queue; Teams throttling for this long is an incident. */
  maxThrottles: number;
  /** How often an in-place update waits for its card to be sent first. */
  maxWaits: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** When a 429 carries no Retry-After. */
  defaultRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxFailures: 6,
  maxThrottles: 20,
  maxWaits: 10,
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  defaultRetryAfterMs: 5_000,
};

export type Decision =
  | { kind: 'done' }
  /** Try again after `afterMs`, with the counts recorded in the message. */
  | { kind: 'retry'; afterMs: number; attempts: DeliveryAttempts }
  | { kind: 'poison'; reason: string }
  /** 403: the bot was removed or blocked there. Never retried; the owner is told once. */
  | { kind: 'forbidden' }
  /** Nothing to send any more (the chat was uninstalled since). */
  | { kind: 'drop'; reason: string };

/** Teams asks to retry these besides 429 (rate-limit page): 412, 502, 503, 504; other 5xx too. */
function isTransientStatus(status: number): boolean {
  return status === 412 || status === 408 || status >= 500;
}

/** Exponential backoff with jitter: half the step fixed, half random, so retries spread out. */
export function backoffMs(failures: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

/** Reads a Retry-After header: seconds, or an HTTP date relative to `now`. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** What the sender does after one try: pure, so every branch is tested without a queue. */
export function decide(outcome: SendOutcome, attempts: DeliveryAttempts, policy: RetryPolicy, random: () => number): Decision {
  switch (outcome.kind) {
    case 'sent':
      return { kind: 'done' };
    case 'gone':
      return { kind: 'drop', reason: 'conversation no longer installed' };
    case 'notAllowed':
      return { kind: 'drop', reason: 'service URL not allowed here (local mode sends to the loopback only)' };
    case 'notReady': {
      const waits = attempts.waits + 1;
      if (waits > policy.maxWaits) return { kind: 'poison', reason: 'the card to update was never sent' };
      return { kind: 'retry', afterMs: backoffMs(Math.min(waits, 3), policy, random), attempts: { ...attempts, waits } };
    }
    case 'timeout':
    case 'networkError':
      return failure(outcome.kind, attempts, policy, random);
    case 'status': {
      if (outcome.status === 403) return { kind: 'forbidden' };
      if (outcome.status === 429) {
        const throttles = attempts.throttles + 1;
        if (throttles > policy.maxThrottles) return { kind: 'poison', reason: `throttled ${throttles - 1} times` };
        // Teams said when; a little jitter keeps instances from coming back in the same instant.
        const afterMs = (outcome.retryAfterMs ?? policy.defaultRetryAfterMs) + Math.round(random() * Math.min(1000, policy.baseDelayMs / 2));
        return { kind: 'retry', afterMs, attempts: { ...attempts, throttles } };
      }
      if (isTransientStatus(outcome.status)) return failure(`HTTP ${outcome.status}`, attempts, policy, random);
      // 400, 401, 404, 413...: the same request would fail the same way.
      return { kind: 'poison', reason: `HTTP ${outcome.status}` };
    }
  }
}

function failure(reason: string, attempts: DeliveryAttempts, policy: RetryPolicy, random: () => number): Decision {
  const failures = attempts.failures + 1;
  if (failures >= policy.maxFailures) return { kind: 'poison', reason: `${reason} after ${failures} tries` };
  return { kind: 'retry', afterMs: backoffMs(failures, policy, random), attempts: { ...attempts, failures } };
}
