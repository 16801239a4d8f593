import { installationKeyOf } from '../../src/domain/installations/installation';
import { busiestSpan } from '../../src/domain/deliveries/rateLimits';
import type { DeliverySender } from '../../src/jobs/deliverySender';
import { asDeliveryOwner } from '../../src/features/notifications/deliveryOwner';
import type { NewDelivery } from '../../src/features/notifications/Deliveries';
import { waitFor } from '../support/deliveries';
import { validIntake } from '../support/requestFlow';
import { useSchool } from '../support/school';
import { botAdded, cardAction, joost, lotte, marieke, personalChatOf, post, postOnly, sanne, TENANT_ID, type Person } from '../support/teamsActivities';
import { FAST_DELIVERY } from '../support/testApp';

/** Fifty colleagues who installed the bot: the conversations of the burst. */
const colleagues: Person[] = Array.from({ length: 50 }, (_, index) => ({
  id: `29:colleague-${index}`,
  name: `Collega ${index}`,
  aadObjectId: `0a1b2c3d-0000-4000-9000-${String(index).padStart(12, '0')}`,
}));

function textTo(person: Person, text: string): NewDelivery {
  const key = installationKeyOf({ tenantId: TENANT_ID, conversationType: 'personal', conversationId: '', userAadObjectId: person.aadObjectId });
  return { target: { kind: 'conversation', tenantId: TENANT_ID, partitionKey: key.partitionKey, rowKey: key.rowKey, userId: person.aadObjectId }, content: { kind: 'text', text } };
}

/** `count` messages spread over `people`, each text unique so doubles and gaps show. */
function burst(people: Person[], count: number, label: string): { deliveries: NewDelivery[]; expected: Map<string, string[]> } {
  const expected = new Map<string, string[]>();
  const deliveries = Array.from({ length: count }, (_, index) => {
    const person = people[index % people.length];
    const text = `${label} ${index}`;
    expected.set(personalChatOf(person), [...(expected.get(personalChatOf(person)) ?? []), text]);
    return textTo(person, text);
  });
  return { deliveries, expected };
}

describe('every proactive message goes through the delivery queue (real queues on Azurite)', () => {
  const school = useSchool({ svibbers: [marieke, joost], others: [sanne, lotte] });
  const extraSenders: DeliverySender[] = [];
  const replacements: DeliverySender[] = [];

  beforeAll(async () => {
    for (const colleague of colleagues) await postOnly(school.app.baseUrl, botAdded({ serviceUrl: school.serviceUrl, from: colleague }));
    await school.app.composed.deliveries.idle();
  }, 60_000);
  afterEach(async () => {
    school.connector.release();
    await Promise.all(extraSenders.splice(0).map((sender) => sender.stop()));
  });
  afterAll(async () => {
    await Promise.all(replacements.map((sender) => sender.stop()));
  });

  const { deliveries } = { deliveries: () => school.app.composed.deliveries };

  function expectExactlyOnce(expected: Map<string, string[]>): void {
    for (const [conversationId, texts] of expected) {
      const shown = school.connector.to(conversationId).map((sent) => sent.activity.text);
      expect([...shown].sort()).toEqual([...texts].sort());
    }
  }

  it('delivers a burst of 500 across 50 conversations with 429s, 502s and timeouts: complete, each once, never faster than Teams allows', async () => {
    school.connector.fail({ kind: 'status', status: 429, retryAfterSeconds: 1 }, 20);
    school.connector.fail({ kind: 'status', status: 502 }, 20);
    school.connector.fail({ kind: 'status', status: 503 }, 5);
    school.connector.fail({ kind: 'timeout' }, 5);
    const { deliveries: messages, expected } = burst(colleagues, 500, 'burst');

    await deliveries().outgoing.enqueue(messages);
    await deliveries().idle(280_000);

    expect(school.connector.faultsAnswered).toHaveLength(50);
    expect(school.connector.sent).toHaveLength(500);
    expectExactlyOnce(expected);
    const limits = FAST_DELIVERY.limits!;
    for (const conversationId of expected.keys()) {
      const times = school.connector.to(conversationId).map((sent) => sent.at);
      for (const window of limits.perConversation) expect(busiestSpan(times, window.periodMs)).toBeLessThanOrEqual(window.max);
    }
    // A 429 said "after one second": that message came back no sooner.
    const throttled = school.connector.faultLog.filter((entry) => entry.fault.kind === 'status' && entry.fault.status === 429);
    expect(throttled).toHaveLength(20);
    for (const refusal of throttled) {
      const shown = school.connector.to(refusal.conversationId).find((sent) => sent.activity.text === refusal.text)!;
      expect(shown.at - refusal.at).toBeGreaterThanOrEqual(1000);
    }
    expect((await deliveries().queue.figures(new Date())).poisoned).toBe(0);
  }, 300_000);

  it('loses nothing and doubles nothing when the sender dies mid-batch and another starts', async () => {
    const { deliveries: messages, expected } = burst(colleagues.slice(0, 20), 200, 'crash');
    await deliveries().outgoing.enqueue(messages);
    await waitFor(() => school.connector.sent.length >= 40, 'the first messages');
    // Teams stops answering; the sender has messages claimed, in flight and waiting for a slot when it dies.
    school.connector.hold();
    await waitFor(() => school.connector.holding() >= 3, 'messages in flight');
    deliveries().sender.kill();
    // A dead process has hung up its calls before Teams answers them.
    await waitFor(() => school.connector.holdingConnected() === 0, 'the dead sender to hang up');
    school.connector.release();

    // Keeps running for the tests below, as the process that replaced the dead one.
    const restarted = deliveries().newSender();
    replacements.push(restarted);
    restarted.start();
    await deliveries().idle(120_000);

    expect(restarted.sentCount).toBeGreaterThan(0);
    expect(school.connector.sent).toHaveLength(200);
    expectExactlyOnce(expected);
  }, 180_000);

  it('shares one queue between two senders, each message shown once', async () => {
    const first = deliveries().newSender({ maxInFlight: 8 });
    const second = deliveries().newSender({ maxInFlight: 8 });
    extraSenders.push(first, second);
    const { deliveries: messages, expected } = burst(colleagues.slice(20, 50), 300, 'two');

    await deliveries().outgoing.enqueue(messages);
    first.start();
    second.start();
    await deliveries().idle(120_000);

    expect(first.sentCount).toBeGreaterThan(0);
    expect(second.sentCount).toBeGreaterThan(0);
    expect(school.connector.sent).toHaveLength(300);
    expectExactlyOnce(expected);
  }, 180_000);

  it('shows a message once when its queue message is handled twice', async () => {
    const [delivery] = await deliveries().outgoing.enqueue([textTo(lotte, 'één keer')]);
    await deliveries().idle();
    // The queue gives it again (a sender died after sending, before deleting it).
    await deliveries().queue.send(delivery);
    await deliveries().idle();

    expect(school.connector.to(personalChatOf(lotte)).map((sent) => sent.activity.text)).toEqual(['één keer']);
  });

  it('updates a tracked card in place once it is sent, also when the update was queued first', async () => {
    const { notifier } = school.app.composed;
    school.connector.hold();
    await notifier.sendCard(TENANT_ID, joost.aadObjectId, { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'versie 1' }] }, { subject: 'kaart-1', purpose: 'test' });
    await notifier.updateTracked({ subject: 'kaart-1', purpose: 'test' }, () => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'versie 2' }] }));
    school.connector.release();
    await deliveries().idle();

    const [card, update] = school.connector.to(personalChatOf(joost));
    expect(JSON.stringify(card.activity)).toContain('versie 1');
    expect(update.updatedActivityId).toBe(card.activity.id);
    expect(JSON.stringify(update.activity)).toContain('versie 2');
    expect(school.connector.to(personalChatOf(joost))).toHaveLength(2);
  });

  it('updates the card an update was queued for, also when a newer card takes over its tracking before it is sent', async () => {
    const { notifier } = school.app.composed;
    const tracking = { subject: 'kaart-2', purpose: 'test' };
    const card = (text: string) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] });
    await notifier.sendCard(TENANT_ID, joost.aadObjectId, card('oude kaart'), tracking);
    await deliveries().idle();
    const [old] = school.connector.to(personalChatOf(joost));
    // Nothing is sent until both are queued, so the update is looked up after the new card took over.
    await deliveries().sender.stop();
    // As a new proposal does: the old card lapses, and a new card takes over the tracking.
    await notifier.updateTracked(tracking, () => card('vervallen'));
    await notifier.sendCard(TENANT_ID, joost.aadObjectId, card('nieuwe kaart'), tracking);
    deliveries().startSender();
    await deliveries().idle();

    const shown = school.connector.to(personalChatOf(joost));
    const lapsed = shown.find((sent) => JSON.stringify(sent.activity).includes('vervallen'))!;
    const fresh = shown.find((sent) => JSON.stringify(sent.activity).includes('nieuwe kaart'))!;
    expect(lapsed.updatedActivityId).toBe(old.activity.id);
    expect(fresh.updatedActivityId).toBeUndefined();
    expect(shown.filter((sent) => sent.updatedActivityId === fresh.activity.id)).toHaveLength(0);
  });

  it('recovers, with the sweep, the notices of a turn that crashed between its state write and the queue', async () => {
    const queue = deliveries().queue;
    const formId = await openIntakeForm(sanne);
    const send = jest.spyOn(queue, 'send').mockRejectedValue(new Error('the process died here'));
    const answer = await submitIntake(sanne, formId);
    send.mockRestore();

    expect(answer.status).toBe(200);
    expect(school.connector.to(personalChatOf(marieke))).toHaveLength(0);
    expect(await deliveries().sweep(0)).toBe(2);
    await deliveries().idle();

    expectOneNewRequestCardPerSvibber();
  });

  it('sends nothing for a request whose turn died before its state write: the sweep holds, then drops, its notices', async () => {
    const { outbox } = deliveries();
    const formId = await openIntakeForm(sanne);
    const create = jest.spyOn(school.app.composed.repositories.trajectories, 'create').mockRejectedValue(new Error('the process died here'));
    const remove = jest.spyOn(outbox, 'remove').mockRejectedValue(new Error('the process died here'));
    await submitIntake(sanne, formId);
    create.mockRestore();
    remove.mockRestore();

    // Written down before the request itself, held by it.
    expect(await outbox.count()).toBe(2);
    expect(await deliveries().sweep(0)).toBe(0);
    expect(await outbox.count()).toBe(2);
    // Long after any write in flight would have ended, the request is still not stored: dropped.
    expect(await deliveries().sweep(0, 0)).toBe(0);
    expect(await outbox.count()).toBe(0);
    await deliveries().idle();
    expect(school.connector.to(personalChatOf(marieke))).toHaveLength(0);
    expect(school.connector.to(personalChatOf(joost))).toHaveLength(0);
  });

  it('still announces a request whose state write landed although its answer was lost', async () => {
    const trajectories = school.app.composed.repositories.trajectories;
    const stored = trajectories.create.bind(trajectories);
    const formId = await openIntakeForm(sanne);
    const create = jest.spyOn(trajectories, 'create').mockImplementation(async (...args) => {
      await stored(...args);
      throw new Error('the answer timed out');
    });
    await submitIntake(sanne, formId);
    create.mockRestore();
    await deliveries().idle();

    expectOneNewRequestCardPerSvibber();
  });

  it('returns the teacher’s submitted card while Teams does not answer the SVIB’ers’ notices', async () => {
    const formId = await openIntakeForm(lotte);
    school.connector.hold();
    const answer = await submitIntake(lotte, formId);

    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).toContain('Je aanvraag is verstuurd');
    await waitFor(() => school.connector.holding() >= 2, 'the notices on their way');
    expect(school.connector.to(personalChatOf(marieke))).toHaveLength(0);

    school.connector.release();
    await deliveries().idle();
    for (const svibber of [marieke, joost]) expect(school.connector.to(personalChatOf(svibber))).toHaveLength(1);
  });

  it('never retries a 403, stops sending there, and tells the person who started it once, in Dutch', async () => {
    school.connector.fail({ kind: 'status', status: 403 }, 10, personalChatOf(colleagues[0]));
    await asDeliveryOwner({ tenantId: TENANT_ID, userId: sanne.aadObjectId }, () =>
      deliveries().outgoing.enqueue([textTo(colleagues[0], 'eerste'), textTo(colleagues[0], 'tweede'), textTo(colleagues[0], 'derde')]),
    );
    await deliveries().idle();

    expect(school.connector.faultsAnswered).toEqual([{ kind: 'status', status: 403 }]);
    const toldSanne = school.connector.to(personalChatOf(sanne)).map((sent) => sent.activity.text);
    expect(toldSanne).toEqual([expect.stringContaining('Een bericht van de SVIB-bot aan Collega 0 kon niet worden bezorgd')]);
    expect(await school.app.composed.notifier.sendText(TENANT_ID, colleagues[0].aadObjectId, 'nog een')).toBe(false);

    // The same refusal again tells her nothing new.
    await asDeliveryOwner({ tenantId: TENANT_ID, userId: sanne.aadObjectId }, () => deliveries().outgoing.enqueue([textTo(colleagues[0], 'vierde')]));
    await deliveries().idle();
    expect(school.connector.to(personalChatOf(sanne))).toHaveLength(1);
  });

  it('shows queue depth, the oldest message’s age and the poison count on /healthz', async () => {
    school.connector.fail({ kind: 'status', status: 400 }, 1);
    await deliveries().outgoing.enqueue([textTo(lotte, 'onleesbaar voor Teams')]);
    await deliveries().idle();

    const health = (await (await fetch(`${school.app.baseUrl}/healthz`)).json()) as { deliveries: { depth: number; oldestAgeSeconds: number; poisoned: number } };
    expect(health.deliveries).toEqual({ depth: 0, oldestAgeSeconds: 0, poisoned: 1 });
    const [poisoned] = await deliveries().queue.peekPoisoned();
    expect(poisoned).toMatchObject({ reason: 'HTTP 400', delivery: { content: { kind: 'text', text: 'onleesbaar voor Teams' } } });
  });

  function expectOneNewRequestCardPerSvibber(): void {
    for (const svibber of [marieke, joost]) {
      const cards = school.connector.to(personalChatOf(svibber));
      expect(cards).toHaveLength(1);
      expect(JSON.stringify(cards[0].activity.attachments)).toContain('Nieuwe aanvraag');
    }
  }

  async function openIntakeForm(person: Person): Promise<string> {
    await post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: person }, 'request.start'));
    const form = school.connector.to(personalChatOf(person)).at(-1)!.activity.attachments![0].content;
    school.connector.clear();
    return String(form.actions!.find((action) => action.verb === 'intake.submit')!.data!.formId);
  }

  /** Submits without waiting for the deliveries the turn queued: the answer is all the teacher waits for. */
  function submitIntake(person: Person, formId: string) {
    return postOnly(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: person }, 'intake.submit', { formId, ...validIntake }));
  }
});
