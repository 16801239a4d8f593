import { busiestSpan, TEAMS_RATE_LIMITS } from '../../src/domain/deliveries/rateLimits';
import { DEFAULT_SHARED_LIMIT_SETTINGS, SharedSendLimits, type Slot } from '../../src/jobs/sendLimits';
import { DeliveryLimitRows } from '../../src/storage/deliveries/DeliveryLimitRows';
import { createStorageClients, ensureStorage } from '../../src/storage/storageClients';
import { testConnectionString, uniquePrefix } from '../support/testApp';

const TENANT = 'tenant-of-the-board';
const MAX_WAIT_MS = 5_000;
const BUCKET_MS = DEFAULT_SHARED_LIMIT_SETTINGS.tenantBucketMs;
const TENANT_WINDOW = TEAMS_RATE_LIMITS.perTenant[0];

type At = Extract<Slot, { kind: 'at' }>;
const isAt = (slot: Slot): slot is At => slot.kind === 'at';

/**
 * The tenant's budget row only moves forward, so a reservation a sender does not use (its message
 * went back to the queue) is spent for every sender. Senders that reserved on for messages they
 * then gave back once pushed the row minutes ahead after a storage pause, and nothing was sent any
 * more. Storage answers here as slowly as each test makes it (the clock moves only when told).
 */
describe("the tenant's shared budget never reserves further ahead than a send may wait (tables on Azurite)", () => {
  let rows: DeliveryLimitRows;
  let clock: number;
  /** Every budget write takes this long, as slow storage would. */
  let writeTakesMs: () => number;

  const newSender = () => {
    const slowRows = Object.create(rows) as DeliveryLimitRows;
    slowRows.writeBudget = async (...args) => {
      const written = await rows.writeBudget(...args);
      clock += writeTakesMs();
      return written;
    };
    return new SharedSendLimits(slowRows, TEAMS_RATE_LIMITS, DEFAULT_SHARED_LIMIT_SETTINGS, 20_000, () => clock);
  };

  beforeEach(async () => {
    const clients = createStorageClients({ kind: 'connectionString', connectionString: testConnectionString() }, uniquePrefix());
    await ensureStorage(clients);
    rows = new DeliveryLimitRows(clients.table(clients.names.deliveryLimitsTable));
    clock = Date.UTC(2026, 10, 30, 9);
    writeTakesMs = () => 0;
  });

  it('gives messages back unreserved once the next sends are further out than the wait, and sends again when time comes', async () => {
    const senders = [newSender(), newSender()];
    const slots: Slot[] = [];
    // Far more conversations at one moment than the tenant's limit lets through within the wait.
    for (let index = 0; index < 600; index++) slots.push(await senders[index % 2].reserve(`conversation-${index}`, TENANT, clock, MAX_WAIT_MS));

    const granted = slots.filter(isAt);
    // As many as the limit allows within the wait (about 45 a second), none later, none beyond the limit.
    expect(granted.length).toBeGreaterThanOrEqual(200);
    expect(granted.every((slot) => slot.at <= clock + MAX_WAIT_MS)).toBe(true);
    expect(busiestSpan(granted.map((slot) => slot.at), TENANT_WINDOW.periodMs)).toBeLessThanOrEqual(TENANT_WINDOW.max);
    const later = slots.filter((slot) => slot.kind === 'later');
    expect(later.length).toBe(600 - granted.length);
    expect(later.every((slot) => slot.afterMs > MAX_WAIT_MS)).toBe(true);

    // None of those slots was used; once the wait and one tenant window have passed, a new message gets one at once.
    clock += MAX_WAIT_MS + TENANT_WINDOW.periodMs + BUCKET_MS;
    const next = await senders[0].reserve('conversation-late', TENANT, clock, MAX_WAIT_MS);
    expect(next).toMatchObject({ kind: 'at' });
    expect((next as At).at - clock).toBeLessThan(BUCKET_MS * 2);
  });

  it('after one answer slower than the wait, the very next message still gets a slot within its wait', async () => {
    const sender = newSender();
    let first = true;
    writeTakesMs = () => {
      const ms = first ? MAX_WAIT_MS + 1_000 : 0;
      first = false;
      return ms;
    };
    const stalled = await sender.reserve('conversation-during-the-pause', TENANT, clock, MAX_WAIT_MS);
    expect(stalled).toMatchObject({ kind: 'later' });

    const after = await sender.reserve('conversation-after-the-pause', TENANT, clock, MAX_WAIT_MS);
    expect(after).toMatchObject({ kind: 'at' });
    expect((after as At).at - clock).toBeLessThanOrEqual(MAX_WAIT_MS);
  });

  it('keeps sending while every reservation takes longer than a bucket', async () => {
    const sender = newSender();
    writeTakesMs = () => 600;
    const slots: Slot[] = [];
    for (let index = 0; index < 40; index++) {
      const slot = await sender.reserve(`conversation-${index}`, TENANT, clock, MAX_WAIT_MS);
      slots.push(slot);
      // The message waits for its slot, as the sender does, before the next one asks.
      if (isAt(slot)) clock = Math.max(clock, slot.at);
    }
    expect(slots.every(isAt)).toBe(true);
  });
});
