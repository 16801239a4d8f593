import { createHash } from 'node:crypto';
import { isLate } from '../domain/directieSummary/schedule';
import type { SummaryPeriod } from '../domain/directieSummary/schedule';
import { renderSummaryChart } from '../cards/summaryChart';
import { directieSummaryCard } from '../cards/summaryCards';
import type { DirectieSummaryService, DueSummary } from '../features/directieSummary/DirectieSummaryService';
import type { Deliveries } from '../features/notifications/Deliveries';
import type { SchoolDirectory } from '../features/schools/SchoolDirectory';
import type { Logger } from '../logging/logger';
import type { Texts } from '../texts';

export interface DirectieSummaryJobOptions {
  service: DirectieSummaryService;
  /** The delivery queue: it sends, retries 429/5xx/timeouts and tells the beheerder about a 403. */
  deliveries: Deliveries;
  directory: SchoolDirectory;
  texts: Texts;
  logger: Logger;
  now: () => Date;
}

/** 'posted': the summary is on the delivery queue; 'failed': it could not be built or queued, the period is given back. */
export type PostResult = 'posted' | 'already' | 'failed';

/**
 * One delivery per school and period: a second instance, a takeover of a stale claim or a
 * redelivered queue message all carry this id, and the delivery ledger sends an id once.
 */
export function summaryDeliveryId(tenantId: string, schoolId: string, period: Pick<SummaryPeriod, 'key'>): string {
  return `directie-summary-${createHash('sha256').update(`${tenantId}\n${schoolId}\n${period.key}`).digest('hex').slice(0, 32)}`;
}

/**
 * The channel's conversation as a delivery target. The stored reference is that of the
 * beheerder's message that chose the channel: without its user and activity, the summary is a new
 * post addressed to nobody in particular, not a reply naming the beheerder.
 */
function channelTargetOf(tenantId: string, serializedReference: string) {
  const reference = JSON.parse(serializedReference) as { conversation?: { id?: unknown }; user?: unknown; activityId?: unknown };
  delete reference.user;
  delete reference.activityId;
  const conversationId = reference.conversation?.id;
  if (typeof conversationId !== 'string' || !conversationId) throw new Error('the stored directie channel reference names no conversation');
  return { kind: 'reference' as const, tenantId, conversationId, reference: JSON.stringify(reference) };
}

/**
 * Handles one due summary: the period is claimed first (a conditional insert), then the card is
 * built and queued to the chosen channel. Teams' answers are the delivery sender's business; only
 * a failure before the queue took it gives the claim back, so the next round tries again.
 */
export async function postDueSummary(options: DirectieSummaryJobOptions, due: DueSummary): Promise<PostResult> {
  const { service } = options;
  const { settings } = due;
  const late = isLate(due.period, options.now());
  const claim = await service.claim(due, late);
  if (!claim) return 'already';
  let outcome: PostResult;
  try {
    const target = channelTargetOf(settings.tenantId, settings.channelReference);
    const summary = await service.summaryFor(settings.tenantId, settings.schoolId, due.period, settings);
    const school = await options.directory.schoolOf(settings.tenantId, settings.schoolId);
    const chart = summary.empty ? undefined : await renderSummaryChart(summary.kijkwijzer, options.texts);
    const card = directieSummaryCard(
      summary,
      { schoolName: school?.name ?? options.texts.team.unnamedSchool, chartUrl: chart && `data:image/png;base64,${chart.toString('base64')}`, reportPeriod: due.period.key },
      options.texts,
    );
    await options.deliveries.enqueue([
      {
        id: summaryDeliveryId(settings.tenantId, settings.schoolId, due.period),
        target,
        content: { kind: 'card', card },
        // The beheerder who chose the channel hears once when the bot may no longer post there.
        ...(settings.beheerderId ? { owner: { tenantId: settings.tenantId, userId: settings.beheerderId } } : {}),
        tellOwnerOnFailure: Boolean(settings.beheerderId),
        // Once per choice of the channel: chosen again (or switched on again), a new block is told again.
        failureNotice: { text: options.texts.summary.channel.blocked, onceFor: `directie-channel|${target.conversationId}|${settings.activeSince.toISOString()}` },
      },
    ]);
    outcome = 'posted';
  } catch (error) {
    options.logger.error({ err: { message: (error as Error).message }, period: due.period.key }, 'directie summary could not be built or queued');
    outcome = 'failed';
  }
  await service.settle(claim, outcome);
  options.logger.info({ period: due.period.key, outcome, late }, 'directie summary round');
  return outcome;
}

/** One round of the clock: every school whose period is due and not yet posted. */
export async function postDueSummaries(options: DirectieSummaryJobOptions): Promise<PostResult[]> {
  const results: PostResult[] = [];
  for (const due of await options.service.dueNow()) results.push(await postDueSummary(options, due));
  return results;
}

/**
 * What the kijkwijzer feature calls after it closed a round: a school that wants its summary
 * "when a round closes" gets it now, once per round.
 */
export async function onRoundClosed(options: DirectieSummaryJobOptions, tenantId: string, schoolId: string): Promise<PostResult | undefined> {
  const due = await options.service.dueAfterRoundClosed(tenantId, schoolId);
  return due && postDueSummary(options, due);
}
