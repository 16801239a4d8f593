import { TEAMS_RATE_LIMITS } from '../domain/deliveries/rateLimits';
import { installationKeyOf, recordInstall } from '../domain/installations/installation';
import { postDueSummaries } from '../jobs/directieSummaryJob';
import { DEFAULT_SHARED_LIMIT_SETTINGS } from '../jobs/sendLimits';
import { DeliveryLimitRows } from '../storage/deliveries/DeliveryLimitRows';
import type { BenchApp } from './benchApp';
import { PAUSE_MS, tallyDeliveries, type DeliveryTally } from './deliveryTally';
import { figure, type Figure } from './figures';
import { TENANT_ID } from './fixtures';
import { closingDate, startBoardRound, type BoardSchool } from './kijkwijzerSeed';
import { msSince, nowNs } from './measure';
import { forEachLimited } from './parallel';
import type { ThrottlingConnector } from './throttlingConnector';

const BOT = { id: '28:svib-bot', name: 'SVIB-bot' };

export const personalConversationOf = (userId: string) => `a:board-${userId}`;
export const directieChannelOf = (schoolId: string) => `19:directie-${schoolId}@thread.tacv2`;

/**
 * Every teacher has the bot in a personal chat and every school's beheerder chose a directie
 * channel (summary "when a round closes"), all with references to the throttling stub. The
 * installs are stored through the repository and the domain's `recordInstall`, as the install
 * handler stores them (8,000 install turns over HTTP would only time the turn again); the channel
 * is chosen through `DirectieSummaryService`, as the beheerder's command does.
 */
export async function connectBoard(app: BenchApp, schools: readonly BoardSchool[], serviceUrl: string): Promise<void> {
  const { composed } = app;
  await forEachLimited(schools, 2, async (school) => {
    await forEachLimited(school.teachers, 8, async (teacher) => {
      const key = installationKeyOf({ tenantId: TENANT_ID, conversationType: 'personal', conversationId: '', userAadObjectId: teacher.userId });
      const reference = {
        user: { id: `29:board-${teacher.userId}`, name: teacher.name, aadObjectId: teacher.userId },
        bot: BOT,
        conversation: { id: personalConversationOf(teacher.userId), conversationType: 'personal', tenantId: TENANT_ID },
        channelId: 'msteams',
        locale: 'nl-NL',
        serviceUrl,
      };
      const existing = await composed.repositories.installations.get(key);
      await composed.repositories.installations.save(recordInstall(existing, key, JSON.stringify(reference), new Date()));
    });
    const schedule = await composed.directieSummary.saveSchedule(school.beheerder, { kind: 'roundClosed' });
    if (!schedule.ok) throw new Error(`summary schedule of ${school.schoolId} refused: ${schedule.reason}`);
    const channelId = directieChannelOf(school.schoolId);
    const reference = {
      activityId: `board-${school.schoolId}-command`,
      user: { id: `29:board-${school.beheerder.userId}`, name: school.beheerder.name, aadObjectId: school.beheerder.userId },
      bot: BOT,
      conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
      channelId: 'msteams',
      locale: 'nl-NL',
      serviceUrl,
    };
    const chosen = await composed.directieSummary.chooseChannel(school.beheerder, { reference: JSON.stringify(reference), channelId, teamId: `19:team-${school.schoolId}@thread.tacv2` });
    if (!chosen.ok) throw new Error(`directie channel of ${school.schoolId} refused: ${chosen.reason}`);
  });
}

export interface BoardDeliveryResult {
  schools: number;
  invitationsQueued: number;
  summariesQueued: number;
  /** Filling the queue: starting every school's round and the summary job's round. */
  enqueueSeconds: number;
  tally: DeliveryTally;
  /** Arrivals at conversations outside the fan-out (should be none). */
  strayArrivals: number;
  throttled: number;
  retryAfterSeconds: { min: number; max: number } | undefined;
  binding: string;
  /** False when not every queued message had arrived at the time limit: the rest counts as lost. */
  drained: boolean;
  poisoned: number;
}

/**
 * All schools' summaries (the summary job's round, to each school's directie channel) and one
 * kijkwijzer invitation per teacher (a new round started at every school through the service)
 * through the real delivery path: Deliveries → outbox → Storage Queue on Azurite → this process's
 * DeliverySender → BotConnectorTransport → the throttling stub. The sender is stopped while the
 * queue fills and started on the full queue, so the figure is the sender's rate, not the
 * producers'. Allowed rate: each conversation gets one message, so the per-conversation limits
 * never bind; the binding limit is the per-tenant one (the whole board is one tenant).
 */
export async function benchBoardDeliveries(app: BenchApp, schools: readonly BoardSchool[], stub: ThrottlingConnector, progress: (line: string) => void): Promise<BoardDeliveryResult> {
  const { composed } = app;
  const before = stub.accepted().length;
  const throttledBefore = stub.throttled().count;

  const enqueueStart = nowNs();
  let invitationsQueued = 0;
  await forEachLimited(schools, 4, async (school) => {
    const { sent } = await startBoardRound(app, school, closingDate(42));
    invitationsQueued += sent;
  });
  // The summary job's round as its clock runs it: one delivery per school whose round closed.
  // 'already' means its clock got there first during the run: queued all the same, once.
  const posted = await postDueSummaries(composed.directieSummaryJobOptions);
  const summariesQueued = posted.filter((result) => result !== 'failed').length;
  await composed.deliveries.outgoing.settled();
  const enqueueSeconds = msSince(enqueueStart) / 1000;
  const queued = invitationsQueued + summariesQueued;
  progress(`board deliveries: ${invitationsQueued} invitations and ${summariesQueued} summaries queued in ${enqueueSeconds.toFixed(0)} s; sending`);
  if (stub.accepted().length !== before) throw new Error('the sender was not stopped: deliveries arrived while the queue filled');

  const startedAt = Date.now();
  composed.deliveries.startSender();
  const binding = TEAMS_RATE_LIMITS.perTenant[0];
  // Done when every queued message of the fan-out has arrived, not when the whole queue is empty:
  // the turn benchmarks leave a backlog of notices to a few SVIB'ers that their per-conversation
  // limits drain at a few a second, and it shares the queue. Generous time limit: ten times what
  // the binding limit needs plus two minutes; what has not arrived by then counts as lost.
  const timeoutMs = Math.ceil((queued / binding.max) * binding.periodMs * 10) + 120_000;
  const expected = new Set([...schools.flatMap((school) => school.teachers.map((teacher) => personalConversationOf(teacher.userId))), ...schools.map((school) => directieChannelOf(school.schoolId))]);
  const ourArrivals = () => stub.accepted().slice(before).filter((arrival) => expected.has(arrival.conversationId));
  const distinctArrived = () => new Set(ourArrivals().map((arrival) => `${arrival.conversationId}\n${arrival.fingerprint}`)).size;
  let lastProgress = Date.now();
  let drained = false;
  while (Date.now() - startedAt < timeoutMs) {
    if (distinctArrived() >= queued) {
      drained = true;
      break;
    }
    if (Date.now() - lastProgress >= 15_000) {
      lastProgress = Date.now();
      const figures = await composed.deliveries.queue.figures(new Date());
      progress(`  … ${Math.round((Date.now() - startedAt) / 1000)} s: ${distinctArrived()} of ${queued} delivered, ${stub.throttled().count - throttledBefore} × 429, ${figures.depth} on the queue (with other sections' backlog), ${figures.poisoned} poisoned; given back ${JSON.stringify(composed.deliveries.sender.givenBack)}; tenant row ${await tenantLead(app)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // A message sent twice would arrive after the first copy: give late copies a moment to show.
  await new Promise((resolve) => setTimeout(resolve, 2_000));

  const arrivals = stub.accepted().slice(before);
  const ours = ourArrivals();
  const retryAfters = stub.throttled().retryAfterSeconds.slice(throttledBefore);
  return {
    schools: schools.length,
    invitationsQueued,
    summariesQueued,
    enqueueSeconds,
    tally: tallyDeliveries({ queued, arrivals: ours, startedAt, binding }),
    strayArrivals: arrivals.length - ours.length,
    throttled: retryAfters.length,
    retryAfterSeconds: retryAfters.length > 0 ? { min: Math.min(...retryAfters), max: Math.max(...retryAfters) } : undefined,
    binding: `per tenant: ${binding.max} per ${binding.periodMs / 1000} s`,
    drained,
    poisoned: (await composed.deliveries.queue.figures(new Date())).poisoned,
  };
}

export function boardDeliveryFigures(result: BoardDeliveryResult): Figure[] {
  const { tally } = result;
  const what = `${result.summariesQueued} summaries + ${result.invitationsQueued.toLocaleString('en')} invitations`;
  return [
    figure({
      item: 4,
      name: `${what} through the queue to a 429 + Retry-After stub: achieved rate`,
      value: tally.achievedPerSecond,
      unit: 'msg/s',
      baseline: { name: `allowed (${result.binding})`, value: tally.allowedPerSecond },
      goal: { on: 'ratio', bound: 'atLeast', limit: 0.9 },
      note: `${tally.distinct} distinct in ${(tally.spanMs / 1000).toFixed(1)} s from the sender's start; busiest conversation ${tally.busiestConversation} message(s), so the per-conversation limits never bind; ${result.throttled} × 429 answered; longest time nothing arrived ${(tally.longestGapMs / 1000).toFixed(1)} s; queue filled in ${result.enqueueSeconds.toFixed(0)} s before`,
    }),
    figure({
      item: 4,
      name: `${what}: rate outside storage pauses (no goal; the figure above is the one judged)`,
      value: tally.perSecondOutsidePauses,
      unit: 'msg/s',
      baseline: { name: `allowed (${result.binding})`, value: tally.allowedPerSecond },
      note: `the same messages over the span without its ${((tally.pausedMs / 1000).toFixed(1))} s of gaps of ${PAUSE_MS / 1000} s or more, when nothing arrived at all (Azurite stopped answering: see bench/README)`,
    }),
    figure({
      item: 4,
      name: `${what}: lost (queued − distinct delivered)`,
      value: tally.lost,
      unit: '',
      goal: { on: 'value', bound: 'atMost', limit: 0 },
      note: `${tally.queued} queued, ${tally.distinct} distinct delivered, ${result.poisoned} in the poison queue${result.drained ? '' : '; the queue had not drained at the time limit'}`,
    }),
    figure({ item: 4, name: `${what}: doubled (delivered − distinct)`, value: tally.doubled, unit: '', goal: { on: 'value', bound: 'atMost', limit: 0 }, note: `${tally.delivered} activities accepted by the stub; ${result.strayArrivals} to other conversations` }),
    figure({ item: 4, name: `${what}: 429s received`, value: result.throttled, unit: '', note: result.retryAfterSeconds ? `Retry-After ${result.retryAfterSeconds.min}–${result.retryAfterSeconds.max} s` : 'none: the sender kept within the limits itself' }),
  ];
}

/** How far ahead of now the tenant's budget row has reserved (a row far ahead stalls every sender). */
async function tenantLead(app: BenchApp): Promise<string> {
  const { composed } = app;
  const rows = new DeliveryLimitRows(composed.storage.table(composed.storage.names.deliveryLimitsTable));
  const bucketMs = DEFAULT_SHARED_LIMIT_SETTINGS.tenantBucketMs;
  const row = await rows.readBudget(TENANT_ID, bucketMs);
  return row ? `${row.value.bucket * bucketMs - Date.now()} ms ahead` : 'none';
}
