import { TEAMS_RATE_LIMITS } from '../domain/deliveries/rateLimits';
import { installationKeyOf, recordInstall } from '../domain/installations/installation';
import { postDueSummaries } from '../jobs/directieSummaryJob';
import type { BenchApp } from './benchApp';
import { tallyDeliveries, type DeliveryTally } from './deliveryTally';
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
  /** False when the queue still held messages at the time limit: what had not arrived counts as lost. */
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
  // Generous: ten times what the binding limit needs, plus two minutes for retries after a 429.
  // A queue that does not drain by then is reported with what did arrive, not as a failed run.
  const timeoutMs = Math.ceil((queued / binding.max) * binding.periodMs * 10) + 120_000;
  const watch = setInterval(() => {
    void composed.deliveries.queue.figures(new Date()).then(
      (figures) => progress(`  … ${(Date.now() - startedAt) / 1000 | 0} s: ${stub.accepted().length - before} delivered, ${stub.throttled().count - throttledBefore} × 429, ${figures.depth} on the queue, ${figures.poisoned} poisoned`),
      () => undefined,
    );
  }, 15_000);
  let drained = true;
  try {
    await composed.deliveries.idle(timeoutMs);
  } catch {
    drained = false;
  } finally {
    clearInterval(watch);
  }

  const expected = new Set([...schools.flatMap((school) => school.teachers.map((teacher) => personalConversationOf(teacher.userId))), ...schools.map((school) => directieChannelOf(school.schoolId))]);
  const arrivals = stub.accepted().slice(before);
  const ours = arrivals.filter((arrival) => expected.has(arrival.conversationId));
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
      note: `${tally.distinct} distinct in ${(tally.spanMs / 1000).toFixed(1)} s from the sender's start; busiest conversation ${tally.busiestConversation} message(s), so the per-conversation limits never bind; ${result.throttled} × 429 answered; queue filled in ${result.enqueueSeconds.toFixed(0)} s before`,
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

