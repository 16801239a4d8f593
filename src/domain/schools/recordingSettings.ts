/**
 * What a school decides about its recordings: the largest video it accepts and how many days
 * after a trajectory closes its recordings are deleted. Absent values take the deployment's
 * defaults (4 GB, 30 days unless configured otherwise).
 */
export interface RecordingSettings {
  maxBytes: number;
  retentionDays: number;
}

const GB = 1024 ** 3;

/**
 * The bounds a beheerder can choose within. The upper retention bound stays below the storage
 * lifecycle rule (400 days, infra/azure.bicep), which deletes anything the job ever missed.
 */
export const recordingSettingLimits = {
  maxGigabytes: { min: 0.5, max: 20 },
  retentionDays: { min: 1, max: 365 },
} as const;

export type RecordingSettingField = keyof typeof recordingSettingLimits;
export type RecordingSettingProblem = 'required' | 'not-a-number' | 'not-whole' | 'too-small' | 'too-large';

export type RecordingSettingsParse =
  | { ok: true; settings: RecordingSettings }
  | { ok: false; problems: Partial<Record<RecordingSettingField, RecordingSettingProblem>> };

/** "1,5" as Dutch people type it, "1.5" as a number field sends it. */
function numberFrom(value: unknown): number | 'required' | 'not-a-number' {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 'not-a-number';
  if (typeof value !== 'string' || value.trim() === '') return 'required';
  const text = value.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : 'not-a-number';
}

function check(field: RecordingSettingField, value: unknown, whole: boolean): number | RecordingSettingProblem {
  const parsed = numberFrom(value);
  if (typeof parsed !== 'number') return parsed;
  if (whole && !Number.isInteger(parsed)) return 'not-whole';
  const { min, max } = recordingSettingLimits[field];
  if (parsed < min) return 'too-small';
  if (parsed > max) return 'too-large';
  return parsed;
}

/** Reads what the beheerder typed; every problem is named, and nothing counts unless all is right. */
export function parseRecordingSettings(input: { maxGigabytes: unknown; retentionDays: unknown }): RecordingSettingsParse {
  const maxGigabytes = check('maxGigabytes', input.maxGigabytes, false);
  const retentionDays = check('retentionDays', input.retentionDays, true);
  if (typeof maxGigabytes === 'number' && typeof retentionDays === 'number') {
    return { ok: true, settings: { maxBytes: Math.round(maxGigabytes * GB), retentionDays } };
  }
  const problems: Partial<Record<RecordingSettingField, RecordingSettingProblem>> = {};
  if (typeof maxGigabytes !== 'number') problems.maxGigabytes = maxGigabytes;
  if (typeof retentionDays !== 'number') problems.retentionDays = retentionDays;
  return { ok: false, problems };
}

/** The school's own choice where it made one, the deployment's default otherwise. */
export function effectiveRecordingSettings(chosen: Partial<RecordingSettings> | undefined, defaults: RecordingSettings): RecordingSettings {
  return { maxBytes: chosen?.maxBytes ?? defaults.maxBytes, retentionDays: chosen?.retentionDays ?? defaults.retentionDays };
}

/** "4" or "1,5": gigabytes as the settings card shows them. */
export function gigabytesOf(bytes: number): string {
  return String(Math.round((bytes / GB) * 10) / 10).replace('.', ',');
}
