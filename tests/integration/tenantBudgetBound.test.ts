import { TEAMS_RATE_LIMITS } from '../../src/domain/deliveries/rateLimits';
import { DEFAULT_SHARED_LIMIT_SETTINGS, SharedSendLimits, type Slot } from '../../src/jobs/sendLimits';
import { DeliveryLimitRows } from '../../src/storage/deliveries/DeliveryLimitRows';
import { createStorageClients, ensureStorage } from '../../src/storage/storageClients';
import { testConnectionString, uniquePrefix } from '../support/testApp';

const TENANT = 'tenant-of-the-board';
const MAX_WAIT_MS = 5_000;
const BUCKET_MS = DEFAULT_SHARED_LIMIT_SETTINGS.tenantBucketMs;

/**
 * The tenant's budget row only moves forward, so a reservation a sender does not use (its message
 * went back to the queue) is spent for every sender. Senders that reserved on for messages they
 * then gave back once pushed the row minutes ahead under load, and nothing was sent any more.
 */
describe("the tenant's shared budget never reserves further ahead than a send may wait (tables on Azurite)", () => {
  let rows: DeliveryLimitRows;
  let clock: number;
  const newSender = () => new SharedSendLimits(rows, TEAMS_RATE_LIMITS, DEFAULT_SHARED_LIMIT_SETTINGS, 20_000, () => clock);

  beforeEach(async () => {
    const clients = createStorageClients({ kind: 'connectionString', connectionString: testConnectionString() }, uniquePrefix());
    await ensureStorage(clients);
    rows = new DeliveryLimitRows(clients.table(clients.names.deliveryLimitsTable));
    clock = Date.UTC(2026, 10, 30, 9);
  });

  it('gives messages back unreserved once the next sends are further out than the wait, and sends again when time comes', async () => {
    const senders = [newSender(), newSender()];
    const slots: Slot[] = [];
    // Far more conversations at one moment than the tenant's limit lets through within the wait.
    for (let index = 0; index < 600; index++) slots.push(await senders[index % 2].reserve(`conversation-${index}`, TENANT, clock, MAX_WAIT_MS));

    const granted = slots.filter((slot): slot is Extract<Slot, { kind: 'at' }> => slot.kind === 'at');
    expect(granted.length).toBeGreaterThan(0);
    expect(granted.every((slot) => slot.at <= clock + MAX_WAIT_MS)).toBe(true);
    expect(slots.filter((slot) => slot.kind === 'later').length).toBeGreaterThan(0);
    const row = await rows.readBudget(TENANT);
    expect(row!.value.bucket * BUCKET_MS).toBeLessThanOrEqual(clock + MAX_WAIT_MS);

    // None of those slots was used; once the wait and one tenant window have passed, a new message gets one at once.
    clock += MAX_WAIT_MS + TEAMS_RATE_LIMITS.perTenant[0].periodMs + BUCKET_MS;
    const next = await senders[0].reserve('conversation-late', TENANT, clock, MAX_WAIT_MS);
    expect(next).toMatchObject({ kind: 'at' });
    expect((next as Extract<Slot, { kind: 'at' }>).at - clock).toBeLessThan(BUCKET_MS * 2);
  });

  it('does not aim a reservation past the wait after one slow answer', async () => {
    // One reservation answered after 4 s (a starved process): the next must still land near now.
    const slowRows = Object.create(rows) as DeliveryLimitRows;
    let slow = true;
    slowRows.writeBudget = async (...args) => {
      const written = await rows.writeBudget(...args);
      if (slow) clock += 4_000;
      slow = false;
      return written;
    };
    const slowSender = new SharedSendLimits(slowRows, TEAMS_RATE_LIMITS, DEFAULT_SHARED_LIMIT_SETTINGS, 20_000, () => clock);
    await slowSender.reserve('conversation-slow', TENANT, clock, MAX_WAIT_MS);
    for (let index = 0; index < 20; index++) await slowSender.reserve(`conversation-${index}`, TENANT, clock, MAX_WAIT_MS);
    const slot = await slowSender.reserve('conversation-after', TENANT, clock, MAX_WAIT_MS);
    expect(slot).toMatchObject({ kind: 'at' });
    expect((slot as Extract<Slot, { kind: 'at' }>).at - clock).toBeLessThanOrEqual(MAX_WAIT_MS);
  });
});
