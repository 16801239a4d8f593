import { cleanUpTables, TABLE_RETENTION, usedLinkForgetAfter, type TableCleanupOptions } from '../../src/jobs/tableCleanupJob';
import { startTestApp, type TestApp } from '../support/testApp';

const DAY_MS = 86_400_000;

describe('the nightly clean-up of the bookkeeping tables (real Azurite)', () => {
  let app: TestApp;
  let tables: TableCleanupOptions;
  /** Rows carry the storage's own timestamp, so the clean-up is run at moments after the real now. */
  let writtenAt: Date;
  const daysLater = (days: number) => new Date(writtenAt.getTime() + days * DAY_MS);
  const card = { subject: 'trajectory-1', purpose: 'newRequest', userId: 'svib-er', conversationReference: '{}', activityId: 'activity-1' };

  beforeAll(async () => {
    app = await startTestApp();
    tables = app.composed.tableCleanupOptions;
    writtenAt = new Date();
    // More rows in one partition than one table transaction takes.
    for (let i = 0; i < 150; i++) expect(await tables.processedActivities.claim('conversation-1', `activity-${i}`, writtenAt)).toBe(true);
    expect(await tables.usedLinks.useOnce('link-nonce', writtenAt, usedLinkForgetAfter(writtenAt))).toBe(true);
    expect(await tables.usedLinks.useOnce('clips-ready|grant-1', writtenAt)).toBe(true);
    await tables.sentCards.put(card);
    const claim = await tables.deliveryLedger.claim('delivery-1', writtenAt.getTime(), 60_000);
    expect(claim.kind).toBe('claimed');
    if (claim.kind === 'claimed') expect(await tables.deliveryLedger.markSent('delivery-1', claim.etag, 'activity-1')).toBe(true);
  });
  afterAll(() => app.close());

  it('keeps every row while it can still matter', async () => {
    expect(await cleanUpTables(tables, daysLater(TABLE_RETENTION.processedActivityDays - 1))).toEqual({ processedActivities: 0, usedLinks: 0, sentCards: 0, deliveryLedger: 0, delayedDeliveries: 0 });
    expect(await tables.processedActivities.claim('conversation-1', 'activity-0', new Date())).toBe(false);
    expect(await tables.usedLinks.useOnce('link-nonce', new Date())).toBe(false);
  });

  it('forgets processed activities and used link nonces after a week, and keeps the jobs\' claims and recent cards', async () => {
    expect(await cleanUpTables(tables, daysLater(TABLE_RETENTION.processedActivityDays + 1))).toEqual({ processedActivities: 150, usedLinks: 1, sentCards: 0, deliveryLedger: 0, delayedDeliveries: 0 });
    expect(await tables.processedActivities.claim('conversation-1', 'activity-0', new Date())).toBe(true);
    expect(await tables.usedLinks.useOnce('clips-ready|grant-1', new Date())).toBe(false);
    expect(await tables.sentCards.list(card.subject, card.purpose)).toHaveLength(1);
  });

  it('remembers a sent delivery for as long as a copy of it can come back on the queue, then forgets it', async () => {
    expect(await cleanUpTables(tables, daysLater(TABLE_RETENTION.deliveryLedgerDays - 1))).toMatchObject({ deliveryLedger: 0 });
    expect(await tables.deliveryLedger.wasSent('delivery-1')).toBe(true);
    expect(await tables.deliveryLedger.claim('delivery-1', Date.now(), 60_000)).toEqual({ kind: 'sent' });

    expect(await cleanUpTables(tables, daysLater(TABLE_RETENTION.deliveryLedgerDays + 1))).toMatchObject({ deliveryLedger: 1 });
    expect(await tables.deliveryLedger.wasSent('delivery-1')).toBe(false);
  });

  it('forgets a delayed delivery’s row a day after its message showed again, when nobody removed it', async () => {
    const showsAgain = daysLater(0.5);
    await tables.delayedDeliveries.delayed('message-of-a-dead-sender', writtenAt, showsAgain);
    expect(await tables.delayedDeliveries.oldestWaiting(writtenAt)).toEqual(writtenAt);
    expect(await tables.delayedDeliveries.oldestWaiting(showsAgain)).toBeUndefined();

    expect(await cleanUpTables(tables, daysLater(1.4))).toMatchObject({ delayedDeliveries: 0 });
    expect(await cleanUpTables(tables, daysLater(1.6))).toMatchObject({ delayedDeliveries: 1 });
  });

  it('forgets a sent card nobody wrote for longer than a school year', async () => {
    expect(await cleanUpTables(tables, daysLater(TABLE_RETENTION.sentCardDays - 1))).toMatchObject({ sentCards: 0 });
    expect(await cleanUpTables(tables, daysLater(TABLE_RETENTION.sentCardDays + 1))).toMatchObject({ sentCards: 1 });
    expect(await tables.sentCards.list(card.subject, card.purpose)).toEqual([]);
  });
});
