import { isLate } from '../domain/directieSummary/schedule';
import { renderSummaryChart } from '../cards/summaryChart';
import { directieSummaryCard } from '../cards/summaryCards';
import type { DirectieSummaryService, DueSummary } from '../features/directieSummary/DirectieSummaryService';
import type { ChannelPoster } from '../features/notifications/ChannelPoster';
import type { Notifier } from '../features/notifications/Notifier';
import type { SchoolDirectory } from '../features/schools/SchoolDirectory';
import type { Logger } from '../logging/logger';
import type { Texts } from '../texts';

export interface DirectieSummaryJobOptions {
  service: DirectieSummaryService;
  poster: ChannelPoster;
  notifier: Notifier;
  directory: SchoolDirectory;
  texts: Texts;
  logger: Logger;
  now: () => Date;
}

export type PostResult = 'posted' | 'already' | 'blocked' | 'rejected' | 'failed';

/**
 * Posts one due summary: claimed first (a conditional insert), then built, rendered and posted.
 * A 403 keeps the claim (posting again cannot help) and tells the beheerder once; a message Teams
 * refuses keeps it too; a failure for a passing reason gives the claim back, so the next round
 * tries again.
 */
export async function postDueSummary(options: DirectieSummaryJobOptions, due: DueSummary): Promise<PostResult> {
  const { service } = options;
  const { settings } = due;
  const late = isLate(due.period, options.now());
  const claim = await service.claim(due, late);
  if (!claim) return 'already';
  let outcome: PostResult;
  try {
    const summary = await service.summaryFor(settings.tenantId, settings.schoolId, due.period, settings);
    const school = await options.directory.schoolOf(settings.tenantId, settings.schoolId);
    const chart = summary.empty ? undefined : await renderSummaryChart(summary.kijkwijzer, options.texts);
    const card = directieSummaryCard(
      summary,
      { schoolName: school?.name ?? options.texts.team.unnamedSchool, chartUrl: chart && `data:image/png;base64,${chart.toString('base64')}`, reportPeriod: due.period.key },
      options.texts,
    );
    const posted = await options.poster.post(settings.channelReference, card);
    outcome = posted.kind;
  } catch (error) {
    options.logger.error({ err: { message: (error as Error).message }, period: due.period.key }, 'directie summary could not be built or posted');
    outcome = 'failed';
  }
  await service.settle(claim, outcome);
  if (outcome === 'blocked' && settings.beheerderId && (await service.claimBlockNotice(settings))) {
    await options.notifier.sendText(settings.tenantId, settings.beheerderId, options.texts.summary.channel.blocked);
  }
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
