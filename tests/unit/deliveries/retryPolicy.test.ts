import { NO_ATTEMPTS, throttleKeyOf } from '../../../src/domain/deliveries/delivery';
import { backoffMs, decide, DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy } from '../../../src/domain/deliveries/retryPolicy';

const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxFailures: 4, maxThrottles: 3, maxWaits: 2, baseDelayMs: 1000, maxDelayMs: 10_000, defaultRetryAfterMs: 7000 };
const noJitter = () => 0;
const fullJitter = () => 1;

describe('decide', () => {
  it('is done when Teams took the message', () => {
    expect(decide({ kind: 'sent', activityId: 'a1' }, NO_ATTEMPTS, policy, noJitter)).toEqual({ kind: 'done' });
  });

  it('honours Retry-After on a 429, and counts it as a throttle, not a failure', () => {
    expect(decide({ kind: 'status', status: 429, retryAfterMs: 3000 }, NO_ATTEMPTS, policy, noJitter)).toEqual({
      kind: 'retry',
      afterMs: 3000,
      attempts: { failures: 0, throttles: 1, waits: 0 },
    });
  });

  it('adds at most half a base delay of jitter to Retry-After, so instances do not return together', () => {
    const decision = decide({ kind: 'status', status: 429, retryAfterMs: 3000 }, NO_ATTEMPTS, policy, fullJitter);
    expect(decision).toMatchObject({ kind: 'retry', afterMs: 3500 });
  });

  it('waits the default on a 429 without Retry-After', () => {
    expect(decide({ kind: 'status', status: 429 }, NO_ATTEMPTS, policy, noJitter)).toMatchObject({ kind: 'retry', afterMs: 7000 });
  });

  it('gives up into the poison queue when throttled too often', () => {
    expect(decide({ kind: 'status', status: 429, retryAfterMs: 1 }, { failures: 0, throttles: 3, waits: 0 }, policy, noJitter)).toEqual({ kind: 'poison', reason: 'throttled 3 times' });
  });

  it.each([500, 502, 503, 504, 412, 408])('retries HTTP %i with backoff', (status) => {
    expect(decide({ kind: 'status', status }, NO_ATTEMPTS, policy, noJitter)).toEqual({ kind: 'retry', afterMs: 500, attempts: { failures: 1, throttles: 0, waits: 0 } });
  });

  it('retries timeouts and broken connections the same way', () => {
    expect(decide({ kind: 'timeout' }, { failures: 1, throttles: 5, waits: 0 }, policy, noJitter)).toEqual({ kind: 'retry', afterMs: 1000, attempts: { failures: 2, throttles: 5, waits: 0 } });
    expect(decide({ kind: 'networkError' }, NO_ATTEMPTS, policy, noJitter)).toMatchObject({ kind: 'retry' });
  });

  it('stops after the bound of failures, into the poison queue', () => {
    expect(decide({ kind: 'status', status: 502 }, { failures: 3, throttles: 0, waits: 0 }, policy, noJitter)).toEqual({ kind: 'poison', reason: 'HTTP 502 after 4 tries' });
  });

  it('never retries a 403: the bot was removed or blocked there', () => {
    expect(decide({ kind: 'status', status: 403 }, NO_ATTEMPTS, policy, noJitter)).toEqual({ kind: 'forbidden' });
    expect(decide({ kind: 'status', status: 403 }, { failures: 2, throttles: 2, waits: 0 }, policy, noJitter)).toEqual({ kind: 'forbidden' });
  });

  it.each([400, 401, 404, 413])('puts HTTP %i in the poison queue at once: the same request fails the same way', (status) => {
    expect(decide({ kind: 'status', status }, NO_ATTEMPTS, policy, noJitter)).toEqual({ kind: 'poison', reason: `HTTP ${status}` });
  });

  it('lets an update wait for its card a bounded number of times', () => {
    expect(decide({ kind: 'notReady' }, NO_ATTEMPTS, policy, noJitter)).toMatchObject({ kind: 'retry', attempts: { waits: 1 } });
    expect(decide({ kind: 'notReady' }, { failures: 0, throttles: 0, waits: 2 }, policy, noJitter)).toEqual({ kind: 'poison', reason: 'the card to update was never sent' });
  });

  it('drops a delivery whose conversation was uninstalled since', () => {
    expect(decide({ kind: 'gone' }, NO_ATTEMPTS, policy, noJitter)).toEqual({ kind: 'drop', reason: 'conversation no longer installed' });
  });

  it('drops, never retries, a delivery whose reference this process may not send to', () => {
    expect(decide({ kind: 'notAllowed' }, NO_ATTEMPTS, policy, noJitter)).toEqual({ kind: 'drop', reason: expect.stringContaining('loopback') });
  });
});

describe('backoffMs', () => {
  it('doubles per failure, half fixed and half jitter, up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((failures) => backoffMs(failures, policy, noJitter))).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
    expect([1, 2, 3, 4, 5, 6].map((failures) => backoffMs(failures, policy, fullJitter))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-02T10:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('throttleKeyOf', () => {
  it('counts card updates against the personal chat of their person, and conversations apart', () => {
    const chat = throttleKeyOf({ kind: 'conversation', tenantId: 't', partitionKey: 't', rowKey: 'user_a', userId: 'a' });
    const channel = throttleKeyOf({ kind: 'conversation', tenantId: 't', partitionKey: 't', rowKey: 'team_x' });
    const groupChat = throttleKeyOf({ kind: 'conversation', tenantId: 't', partitionKey: 't', rowKey: 'chat_y' });
    expect(new Set([chat, channel, groupChat]).size).toBe(3);
    expect(throttleKeyOf({ kind: 'trackedCard', tenantId: 't', subject: 's', purpose: 'p', userId: 'a' })).toBe(chat);
  });
});
