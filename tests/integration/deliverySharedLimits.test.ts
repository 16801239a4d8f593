import { installationKeyOf } from '../../src/domain/installations/installation';
import { busiestSpan, type RateLimits } from '../../src/domain/deliveries/rateLimits';
import type { DeliverySender } from '../../src/jobs/deliverySender';
import type { NewDelivery } from '../../src/features/notifications/Deliveries';
import { useSchool } from '../support/school';
import { lotte, marieke, personalChatOf, sanne, TENANT_ID, type Person } from '../support/teamsActivities';

/**
 * Slower than Teams' own (scaled) limits, so that senders that each kept the limits alone would
 * together clearly go faster: one sender reaches these rates easily on this machine.
 */
const LIMITS: RateLimits = {
  perConversation: [
    { periodMs: 300, max: 3 },
    { periodMs: 1_000, max: 5 },
  ],
  perTenant: [{ periodMs: 100, max: 20 }],
};

function textTo(person: Person, text: string): NewDelivery {
  const key = installationKeyOf({ tenantId: TENANT_ID, conversationType: 'personal', conversationId: '', userAadObjectId: person.aadObjectId });
  return { target: { kind: 'conversation', tenantId: TENANT_ID, partitionKey: key.partitionKey, rowKey: key.rowKey, userId: person.aadObjectId }, content: { kind: 'text', text } };
}

describe("senders on one queue keep Teams' limits together (real queue and tables on Azurite)", () => {
  const school = useSchool({ svibbers: [marieke], others: [sanne, lotte] }, { overrides: { deliverySettings: { limits: LIMITS, maxInFlight: 8 } } });
  const started: DeliverySender[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((sender) => sender.stop()));
  });

  it('never delivers into a conversation faster than allowed across three senders, and each delivery once', async () => {
    const deliveries = school.app.composed.deliveries;
    // The app's own sender and two more, as three instances would run them.
    const senders = [deliveries.sender, deliveries.newSender(), deliveries.newSender()];
    for (const sender of senders.slice(1)) {
      started.push(sender);
      sender.start();
    }
    const people = [sanne, lotte, marieke];
    const expected = new Map(people.map((person) => [personalChatOf(person), Array.from({ length: 15 }, (_, index) => `gedeeld ${person.name} ${index}`)]));
    const burst = people.flatMap((person) => expected.get(personalChatOf(person))!.map((text) => textTo(person, text)));

    await deliveries.outgoing.enqueue(burst);
    await deliveries.idle(120_000);

    for (const [conversationId, texts] of expected) {
      const shown = school.connector.to(conversationId);
      expect(shown.map((sent) => sent.activity.text).sort()).toEqual([...texts].sort());
      const times = shown.map((sent) => sent.at);
      for (const window of LIMITS.perConversation) expect(busiestSpan(times, window.periodMs)).toBeLessThanOrEqual(window.max);
    }
    // The work was shared: more than one sender handed messages to Teams.
    expect(senders.filter((sender) => sender.sentCount > 0).length).toBeGreaterThan(1);
  }, 150_000);
});
