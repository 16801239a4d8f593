import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { loadConfig, type LoadOptions } from '../../src/config/config';
import { composeApp, type ComposedApp, type ComposeOverrides } from '../../src/composition/composeApp';
import { createLogger } from '../../src/logging/logger';
import { scaledLimits, TEAMS_RATE_LIMITS } from '../../src/domain/deliveries/rateLimits';
import type { DeliverySettings } from '../../src/jobs/deliverySender';
import { registerDrain, unregisterDrain } from './deliveries';

export function testConnectionString(): string {
  const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connectionString) throw new Error('TEST_STORAGE_CONNECTION_STRING is set by the jest global set-up');
  return connectionString;
}

/** A fresh prefix, so every test file works in tables and containers of its own. */
export function uniquePrefix(): string {
  return `t${randomBytes(6).toString('hex')}`;
}

/** Collects the structured log lines the app writes. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) this.lines.push(JSON.parse(line));
    done();
  }
}

export interface TestApp {
  composed: ComposedApp;
  baseUrl: string;
  logs: LogCapture;
  close(): Promise<void>;
}

/**
 * Teams' limits and the retry waits, a hundred times faster: the same shape, so tests check the
 * sender keeps them without waiting for real seconds.
 */
export const FAST_DELIVERY: Partial<DeliverySettings> = {
  limits: scaledLimits(TEAMS_RATE_LIMITS, 0.01),
  retry: { maxFailures: 6, maxThrottles: 20, maxWaits: 10, baseDelayMs: 20, maxDelayMs: 200, defaultRetryAfterMs: 100 },
  // A timeout is an unknown outcome (Teams may have shown it), so it stays well above a busy test machine's delays.
  // A send starts only while its message has more than sendTimeoutMs of its hold left.
  holdMs: 30_000,
  maxWaitMs: 1_000,
  sendTimeoutMs: 15_000,
  minPollMs: 20,
  maxPollMs: 100,
  // Tenant buckets twenty times the scaled tenant window: 25 sends a bucket, few writes.
  shared: { conversationLeaseMs: 2_000, tenantBucketMs: 200, tenantBatch: 10 },
};

/**
 * Composes the real app on a free port against the test run's storage, in local mode unless the
 * test gives BOT_ID. `loadOptions` only for the Teams SSO tests (SSO settings on a local bot);
 * `overrides` for ports a test supplies itself (kijkwijzer figures, delivery settings).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  now?: () => Date,
  loadOptions: LoadOptions = {},
  overrides: Omit<ComposeOverrides, 'logger' | 'now'> = {},
): Promise<TestApp> {
  const config = loadConfig(
    {
      PORT: '0',
      LOG_LEVEL: 'info',
      AZURE_STORAGE_CONNECTION_STRING: testConnectionString(),
      STORAGE_NAME_PREFIX: uniquePrefix(),
      ...(env.BOT_ID ? {} : { LOCAL_MODE: 'true' }),
      ...env,
    },
    loadOptions,
  );
  const logs = new LogCapture();
  const composed = await composeApp(config, {
    ...overrides,
    logger: createLogger('info', logs),
    now,
    deliverySettings: { ...FAST_DELIVERY, ...overrides.deliverySettings },
  });
  const port = await composed.listen();
  const baseUrl = `http://127.0.0.1:${port}`;
  registerDrain(baseUrl, () => composed.deliveries.idle());
  return {
    composed,
    baseUrl,
    logs,
    close: async () => {
      unregisterDrain(baseUrl);
      await composed.close();
    },
  };
}
