import type { AuditEntry } from '../../domain/recordings/auditEntry';
import { buildDirectieSummary, type DirectieSummary } from '../../domain/directieSummary/directieSummary';
import { latestDuePeriod, onDemandPeriod, readSchedule, roundPeriod, type ScheduleField, type ScheduleProblem, type SummaryPeriod, type SummarySchedule } from '../../domain/directieSummary/schedule';
import type { RecordingFacts } from '../../domain/directieSummary/trajectoryFigures';
import type { KijkwijzerFigures } from '../../domain/kijkwijzer/roundFigures';
import { retentionDeadline } from '../../domain/recordings/retention';
import { hasRole } from '../../domain/schools/roles';
import { schoolIdForTeam } from '../../domain/schools/school';
import { lastMovedAt } from '../../domain/trajectories/nextStep';
import { isClosed, type Trajectory } from '../../domain/trajectories/trajectory';
import type { AppointmentRepository } from '../../storage/appointments/AppointmentRepository';
import type { AuditLog } from '../../storage/audit/AuditLog';
import type { Claim, SummaryLedger } from '../../storage/directieSummary/SummaryLedger';
import { defaultSchedule, type SummarySettings, type SummarySettingsRepository } from '../../storage/directieSummary/SummarySettingsRepository';
import type { TrajectoryRepository } from '../../storage/trajectories/TrajectoryRepository';
import type { Actor, SchoolDirectory } from '../schools/SchoolDirectory';

export interface DirectieSummaryServiceOptions {
  settings: SummarySettingsRepository;
  ledger: SummaryLedger;
  trajectories: TrajectoryRepository;
  appointments: AppointmentRepository;
  audit: AuditLog;
  directory: SchoolDirectory;
  kijkwijzer: KijkwijzerFigures;
  now: () => Date;
}

export interface ChannelChoice {
  /** Serialized conversation reference of the channel the command was typed in. */
  reference: string;
  channelId: string;
  teamId?: string;
}

export type ChannelChoiceOutcome = { ok: true; settings: SummarySettings; schoolName: string } | { ok: false; reason: 'not-beheerder' | 'not-in-channel' | 'other-school' };

export type ScheduleSaveOutcome =
  | { ok: true; settings: SummarySettings }
  | { ok: false; reason: 'not-beheerder' }
  | { ok: false; reason: 'invalid'; problems: Partial<Record<ScheduleField | 'startingTeachers', ScheduleProblem | 'starters'>> };

/** A school whose summary is due now, with the period it is due for. */
export interface DueSummary {
  settings: SummarySettings & { channelReference: string };
  period: SummaryPeriod;
}

const MAX_STARTING_TEACHERS = 500;

/**
 * The directie summary's use cases: choosing the channel and schedule (beheerders), gathering the
 * figures of a period (from trajectories, appointments, the audit log and the kijkwijzer port) and
 * claiming each period once. Rendering and posting happen in the job and the Teams layer.
 */
export class DirectieSummaryService {
  constructor(private readonly options: DirectieSummaryServiceOptions) {}

  async settingsOf(tenantId: string, schoolId: string): Promise<SummarySettings | undefined> {
    return this.options.settings.get(tenantId, schoolId);
  }

  async chooseChannel(actor: Actor, choice: ChannelChoice | undefined): Promise<ChannelChoiceOutcome> {
    if (!hasRole(actor.roles, 'beheerder')) return { ok: false, reason: 'not-beheerder' };
    if (!choice) return { ok: false, reason: 'not-in-channel' };
    if (choice.teamId) {
      // A channel of another school's team can never become this school's directie channel.
      const teamSchool = await this.options.directory.schoolOf(actor.tenantId, schoolIdForTeam(choice.teamId));
      if (teamSchool && teamSchool.schoolId !== actor.schoolId) return { ok: false, reason: 'other-school' };
    }
    const existing = await this.options.settings.get(actor.tenantId, actor.schoolId);
    const settings: SummarySettings = {
      tenantId: actor.tenantId,
      schoolId: actor.schoolId,
      channelReference: choice.reference,
      channelId: choice.channelId,
      enabled: true,
      schedule: existing?.schedule ?? defaultSchedule,
      activeSince: this.options.now(),
      startingTeachers: existing?.startingTeachers,
      beheerderId: actor.userId,
    };
    await this.options.settings.save(settings);
    const school = await this.options.directory.schoolOf(actor.tenantId, actor.schoolId);
    return { ok: true, settings, schoolName: school?.name ?? '' };
  }

  async switchOnOff(actor: Actor, enabled: boolean): Promise<{ ok: true; settings?: SummarySettings } | { ok: false; reason: 'not-beheerder' }> {
    if (!hasRole(actor.roles, 'beheerder')) return { ok: false, reason: 'not-beheerder' };
    const existing = await this.options.settings.get(actor.tenantId, actor.schoolId);
    if (!existing?.channelReference) return { ok: true, settings: existing };
    // Switching on again starts afresh: periods while it was off are not posted afterwards.
    const settings = { ...existing, enabled, activeSince: enabled && !existing.enabled ? this.options.now() : existing.activeSince };
    await this.options.settings.save(settings);
    return { ok: true, settings };
  }

  async saveSchedule(actor: Actor, input: { kind?: unknown; weekday?: unknown; day?: unknown; time?: unknown; startingTeachers?: unknown }): Promise<ScheduleSaveOutcome> {
    if (!hasRole(actor.roles, 'beheerder')) return { ok: false, reason: 'not-beheerder' };
    const read = readSchedule(input);
    const starters = readStartingTeachers(input.startingTeachers);
    const problems = { ...(read.ok ? {} : read.problems), ...(starters === 'invalid' ? { startingTeachers: 'starters' as const } : {}) };
    if (!read.ok || starters === 'invalid') return { ok: false, reason: 'invalid', problems };
    const existing = await this.options.settings.get(actor.tenantId, actor.schoolId);
    const settings: SummarySettings = {
      tenantId: actor.tenantId,
      schoolId: actor.schoolId,
      enabled: existing?.enabled ?? false,
      activeSince: existing?.activeSince ?? this.options.now(),
      ...existing,
      schedule: read.schedule,
      startingTeachers: starters,
    };
    await this.options.settings.save(settings);
    return { ok: true, settings };
  }

  /** Only directie asks for the summary; everyone else is refused, whatever else they are. */
  mayRead(actor: Actor): boolean {
    return hasRole(actor.roles, 'directie');
  }

  async onDemand(actor: Actor): Promise<{ ok: true; summary: DirectieSummary; period: SummaryPeriod } | { ok: false }> {
    if (!this.mayRead(actor)) return { ok: false };
    const settings = await this.options.settings.get(actor.tenantId, actor.schoolId);
    const period = onDemandPeriod(settings?.schedule, this.options.now());
    return { ok: true, period, summary: await this.summaryFor(actor.tenantId, actor.schoolId, period, settings) };
  }

  /** The period a "Volledig rapport" button names, re-read from storage for the actor's own school. */
  async reportFor(actor: Actor, periodKey: string): Promise<{ ok: true; summary: DirectieSummary; period: SummaryPeriod } | { ok: false }> {
    if (!this.mayRead(actor)) return { ok: false };
    if (periodKey === 'now') return this.onDemand(actor);
    const sent = await this.options.ledger.get(actor.tenantId, actor.schoolId, periodKey);
    if (!sent) return { ok: false };
    const period: SummaryPeriod = { key: periodKey, kind: kindOfKey(periodKey), start: sent.start, end: sent.end, dueAt: sent.end };
    const settings = await this.options.settings.get(actor.tenantId, actor.schoolId);
    const summary = await this.summaryFor(actor.tenantId, actor.schoolId, period, settings);
    return { ok: true, period, summary: { ...summary, late: sent.late } };
  }

  /**
   * Every school with a period due now that was due after its channel was chosen: the clock
   * schedules, and for "when a round closes" the latest closed round (so a round that closed while
   * the bot was down is posted when it is back; its key makes it once).
   */
  async dueNow(): Promise<DueSummary[]> {
    const now = this.options.now();
    const due: DueSummary[] = [];
    for (const settings of await this.options.settings.listEnabled()) {
      if (!settings.channelReference) continue;
      if (settings.schedule.kind === 'roundClosed') {
        const afterRound = await this.dueAfterRoundClosed(settings.tenantId, settings.schoolId);
        if (afterRound && afterRound.period.dueAt >= settings.activeSince) due.push(afterRound);
        continue;
      }
      const period = latestDuePeriod(settings.schedule, now);
      if (!period || period.dueAt < settings.activeSince) continue;
      due.push({ settings: { ...settings, channelReference: settings.channelReference }, period });
    }
    return due;
  }

  /** The round-closed period of a school whose schedule follows the kijkwijzer, if one is due. */
  async dueAfterRoundClosed(tenantId: string, schoolId: string): Promise<DueSummary | undefined> {
    const settings = await this.options.settings.get(tenantId, schoolId);
    if (!settings?.enabled || !settings.channelReference || settings.schedule.kind !== 'roundClosed') return undefined;
    const comparison = await this.options.kijkwijzer.latestClosedComparison(tenantId, schoolId);
    if (!comparison?.current.closedAt) return undefined;
    const before = comparison.previous ?? comparison.nulmeting;
    const previousClosedAt = before && before.roundId !== comparison.current.roundId ? before.closedAt : undefined;
    return { settings: { ...settings, channelReference: settings.channelReference }, period: roundPeriod(comparison.current, previousClosedAt) };
  }

  claim(due: DueSummary, late: boolean): Promise<Claim | undefined> {
    return this.options.ledger.claim(due.settings.tenantId, due.settings.schoolId, due.period, late, this.options.now());
  }

  settle(claim: Claim, outcome: 'posted' | 'failed'): Promise<void> {
    return outcome === 'failed' ? this.options.ledger.release(claim) : this.options.ledger.mark(claim, outcome);
  }

  async summaryFor(tenantId: string, schoolId: string, period: SummaryPeriod, settings?: SummarySettings): Promise<DirectieSummary> {
    const { trajectories, appointments, directory, kijkwijzer } = this.options;
    const all = await trajectories.listForSchool(tenantId, schoolId);
    const retentionDays = (await directory.recordingSettingsOf(tenantId, schoolId)).retentionDays;
    // A whole school in a few queries: its appointments' partition and its audit partitions as one range.
    const [schoolAppointments, recordingChanges] = await Promise.all([
      appointments.listForSchool(tenantId, schoolId),
      this.options.audit.recordingChangesAtSchool(
        tenantId,
        schoolId,
        all.map((trajectory) => trajectory.id),
      ),
    ]);
    const recordingLists = all.map((trajectory) => recordingFactsOf(recordingChanges.get(trajectory.id) ?? [], trajectory, retentionDays));
    const comparison = await kijkwijzer.latestClosedComparison(tenantId, schoolId);
    // A round that closed after the period is not part of it (a weekly summary looks back).
    const roundInPeriod = comparison && comparison.current.closedAt && comparison.current.closedAt <= period.end ? comparison : undefined;
    return buildDirectieSummary(
      {
        trajectories: all,
        appointments: schoolAppointments.map((stored) => stored.appointment),
        recordings: recordingLists.flat(),
        startingTeachers: settings?.startingTeachers,
        kijkwijzer: roundInPeriod,
      },
      period,
      this.options.now(),
    );
  }

}

/** Uploads and deletions from the append-only audit log: deleted recordings are gone from their table. */
function recordingFactsOf(entries: readonly AuditEntry[], trajectory: Trajectory, retentionDays: number): RecordingFacts[] {
  const deleteBy = isClosed(trajectory.phase) ? retentionDeadline(lastMovedAt(trajectory), retentionDays) : undefined;
  const byRecording = new Map<string, RecordingFacts>();
  for (const entry of entries) {
    if (entry.objectType !== 'recording' || entry.result !== 'allowed') continue;
    if (entry.action === 'upload') byRecording.set(entry.objectId, { ...byRecording.get(entry.objectId), uploadedAt: entry.at, deleteBy });
    if (entry.action === 'delete') {
      const known = byRecording.get(entry.objectId);
      byRecording.set(entry.objectId, { uploadedAt: known?.uploadedAt ?? entry.at, deleteBy, deletedAt: entry.at });
    }
  }
  return [...byRecording.values()];
}

function kindOfKey(key: string): SummaryPeriod['kind'] {
  if (key.startsWith('week-')) return 'weekly';
  if (key.startsWith('month-')) return 'monthly';
  return 'roundClosed';
}

function readStartingTeachers(value: unknown): number | undefined | 'invalid' {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  if (text === '') return undefined;
  if (!/^\d{1,3}$/.test(text) || Number(text) > MAX_STARTING_TEACHERS) return 'invalid';
  return Number(text);
}

export type { SummarySchedule };
