import type { DirectieSummary } from '../domain/directieSummary/directieSummary';
import type { Distribution, RoundSummary, StatementRow } from '../domain/directieSummary/kijkwijzerComparison';
import type { ScheduleField, ScheduleProblem, SummarySchedule } from '../domain/directieSummary/schedule';
import type { Shown } from '../domain/directieSummary/suppression';
import type { Median, Share } from '../domain/directieSummary/trajectoryFigures';
import { fillIn, formatDate, formatDateTime, type Texts, textsFor } from '../texts';
import { renderCard, type AdaptiveCardJson } from './renderCard';

/**
 * The directie summary as a card, and the same aggregates as CSV rows. Everything shown comes
 * from a DirectieSummary (counts, medians, statement wordings): no name, id or free text can
 * reach the card because none is in its input.
 */
export interface SummaryCardOptions {
  schoolName: string;
  /** The chart as a data: URL; left out when there is nothing to draw. */
  chartUrl?: string;
  /** The period the "Volledig rapport" button asks for; no button when absent. */
  reportPeriod?: string;
  /** The full report's CSV link, signed for the one person who asked. */
  csvUrl?: string;
  /** The full report: every round's distribution next to each statement. */
  full?: boolean;
}

export function shownText(shown: Shown, texts: Texts): string {
  return shown.kind === 'count' ? String(shown.value) : texts.summary.smallNumber;
}

function medianText(median: Median, texts: Texts): string {
  if (median.kind === 'none') return texts.summary.noneYet;
  if (median.kind === 'hidden') return texts.summary.notShown;
  return fillIn(texts.summary.schoolDays, { days: String(median.value).replace('.', ',') });
}

function shareText(share: Share, texts: Texts): string {
  if (share.kind === 'unknown') return texts.summary.unknownShare;
  if (share.kind === 'hidden') return texts.summary.smallNumber;
  return fillIn(texts.summary.percent, { value: share.value });
}

export function distributionText(distribution: Distribution, texts: Texts): string {
  return fillIn(texts.summary.distribution, {
    plus: shownText(distribution.plus, texts),
    partly: shownText(distribution.partly, texts),
    minus: shownText(distribution.minus, texts),
  });
}

export function periodText(summary: DirectieSummary, texts: Texts): string {
  const words = texts.summary;
  const end = formatDateTime(summary.period.end);
  switch (summary.period.kind) {
    case 'weekly':
      return fillIn(words.periodWeekly, { end });
    case 'monthly':
      return fillIn(words.periodMonthly, { end });
    case 'roundClosed':
      return fillIn(words.periodRound, { end });
    case 'onDemand':
      return fillIn(words.periodOnDemand, { start: formatDate(summary.period.start) });
  }
}

/** Label and value of every trajectory figure, in the order the card and the CSV show them. */
export function trajectoryFacts(summary: DirectieSummary, texts: Texts): { title: string; value: string }[] {
  const figures = summary.trajectories;
  const words = texts.summary.figures;
  return [
    { title: words.newRequests, value: shownText(figures.newRequests, texts) },
    { title: words.running, value: shownText(figures.running, texts) },
    { title: words.finished, value: shownText(figures.finished, texts) },
    { title: words.medianToIntake, value: medianText(figures.medianSchoolDaysToIntake, texts) },
    { title: words.medianToFinalTalk, value: medianText(figures.medianSchoolDaysToFinalTalk, texts) },
    { title: words.teachers, value: shownText(figures.teachersTakingPart, texts) },
    { title: words.starters, value: shownText(figures.startersWithTrajectory, texts) },
    { title: words.startersShare, value: shareText(figures.startersShare, texts) },
    { title: words.recordingsMade, value: shownText(figures.recordingsMade, texts) },
    { title: words.deletedOnTime, value: shownText(figures.recordingsDeletedOnTime, texts) },
    { title: words.deletedLate, value: shownText(figures.recordingsDeletedLateOrOverdue, texts) },
  ];
}

function responseText(round: RoundSummary, texts: Texts): string {
  if (round.responseRate.kind === 'hidden' || round.completed.kind === 'hidden') return texts.summary.responseHidden;
  return fillIn(texts.summary.responseRate, { rate: fillIn(texts.summary.percent, { value: round.responseRate.value }), completed: round.completed.value });
}

function statementLine(statement: StatementRow, texts: Texts, full: boolean): string {
  const words = texts.summary;
  const arrows = `${words.arrows[statement.sincePrevious]} ${words.sincePrevious} · ${words.arrows[statement.sinceNulmeting]} ${words.sinceNulmeting}`;
  const now = `${words.roundLabels.current}: ${distributionText(statement.current, texts)}`;
  if (!full) return `${now} · ${arrows}`;
  const earlier = [
    statement.previous && `${words.roundLabels.previous}: ${distributionText(statement.previous, texts)}`,
    statement.nulmeting && `${words.roundLabels.nulmeting}: ${distributionText(statement.nulmeting, texts)}`,
  ].filter(Boolean);
  return [now, ...earlier, arrows].join('\n\n');
}

export function directieSummaryCard(summary: DirectieSummary, options: SummaryCardOptions, texts: Texts = textsFor()): AdaptiveCardJson {
  const words = texts.summary;
  const kijkwijzer = summary.kijkwijzer;
  return renderCard(
    'directieSummary',
    {
      title: fillIn(options.full ? words.report.title : words.title, { school: options.schoolName }),
      periodText: periodText(summary, texts),
      late: summary.late ? words.late : '',
      empty: summary.empty ? words.empty : '',
      facts: trajectoryFacts(summary, texts),
      kijkwijzerHeading: kijkwijzer ? fillIn(words.kijkwijzerHeading, { sequence: kijkwijzer.current.sequence }) : words.kijkwijzerNone,
      responseText: kijkwijzer ? responseText(kijkwijzer.current, texts) : '',
      chartUrl: options.chartUrl ?? '',
      statements: (kijkwijzer?.statements ?? []).map((statement, index) => ({ text: fillIn(texts.summary.statementLabel, { number: index + 1, text: statement.text }), line: statementLine(statement, texts, options.full === true) })),
      reportPeriod: summary.empty ? '' : (options.reportPeriod ?? ''),
      csvUrl: options.csvUrl ?? '',
    },
    texts,
  );
}

/** The same aggregates as the full report, one figure per row, for a spreadsheet. */
export function summaryCsv(summary: DirectieSummary, texts: Texts = textsFor()): string {
  const words = texts.summary;
  const rows: string[][] = [[words.report.columns.section, words.report.columns.item, words.report.columns.round, words.report.columns.value]];
  for (const fact of trajectoryFacts(summary, texts)) rows.push([words.report.sections.trajectories, fact.title, '', fact.value]);
  const kijkwijzer = summary.kijkwijzer;
  if (kijkwijzer) {
    rows.push([words.report.sections.kijkwijzer, responseText(kijkwijzer.current, texts), String(kijkwijzer.current.sequence), '']);
    for (const statement of kijkwijzer.statements) {
      const rounds = [
        [words.roundLabels.current, statement.current],
        [words.roundLabels.previous, statement.previous],
        [words.roundLabels.nulmeting, statement.nulmeting],
      ] as const;
      for (const [round, distribution] of rounds) {
        if (!distribution) continue;
        rows.push([words.report.sections.kijkwijzer, statement.text, round, distributionText(distribution, texts)]);
      }
    }
  }
  return `${rows.map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`;
}

/** Semicolons for Dutch Excel; quotes doubled; a leading = + - @ is defused against formula injection. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface ScheduleCardInput {
  schedule?: SummarySchedule;
  enabled: boolean;
  hasChannel: boolean;
  startingTeachers?: number;
  typed?: { kind: string; weekday: string; day: string; time: string; startingTeachers: string };
  problems?: Partial<Record<ScheduleField | 'startingTeachers', ScheduleProblem | 'starters'>>;
  notice?: { text: string; tone: 'good' | 'attention' };
}

export function scheduleSettingsCard(input: ScheduleCardInput, texts: Texts = textsFor()): AdaptiveCardJson {
  const words = texts.summary.settings;
  const schedule = input.schedule;
  const values = input.typed ?? {
    kind: schedule?.kind ?? 'weekly',
    weekday: String(schedule?.kind === 'weekly' ? schedule.weekday : 5),
    day: String(schedule?.kind === 'monthly' ? schedule.day : 1),
    time: schedule && schedule.kind !== 'roundClosed' ? schedule.time : '16:00',
    startingTeachers: input.startingTeachers === undefined ? '' : String(input.startingTeachers),
  };
  const problem = (field: ScheduleField | 'startingTeachers') => {
    const code = input.problems?.[field];
    return code ? words.problems[code] : '';
  };
  return renderCard(
    'summarySchedule',
    {
      notice: input.notice?.text ?? '',
      noticeColor: input.notice?.tone === 'attention' ? 'Attention' : 'Good',
      channelText: input.hasChannel ? fillIn(words.channelChosen, { state: input.enabled ? words.on : words.off }) : words.channelNone,
      values,
      weekdays: words.weekdays.map((title, index) => ({ title, value: String(index + 1) })),
      errors: { kind: problem('kind'), weekday: problem('weekday'), day: problem('day'), time: problem('time'), startingTeachers: problem('startingTeachers') },
      enabled: input.hasChannel && input.enabled,
      canSwitchOn: input.hasChannel && !input.enabled,
    },
    texts,
  );
}

export function scheduleDescription(schedule: SummarySchedule, texts: Texts = textsFor()): string {
  const words = texts.summary.settings;
  if (schedule.kind === 'weekly') return fillIn(words.savedWeekly, { weekday: words.weekdays[schedule.weekday - 1], time: schedule.time });
  if (schedule.kind === 'monthly') return fillIn(words.savedMonthly, { day: schedule.day, time: schedule.time });
  return words.savedRound;
}
