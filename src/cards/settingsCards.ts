import { gigabytesOf, recordingSettingLimits, type RecordingSettingField, type RecordingSettingProblem, type RecordingSettings } from '../domain/schools/recordingSettings';
import { fillIn, type Texts, textsFor } from '../texts';
import { renderCard, type AdaptiveCardJson } from './renderCard';

export interface RecordingSettingsCardInput {
  schoolName: string;
  settings: RecordingSettings;
  /** What the beheerder typed, shown again with the problems named when it was not right. */
  typed?: { maxGigabytes: string; retentionDays: string };
  problems?: Partial<Record<RecordingSettingField, RecordingSettingProblem>>;
  notice?: { text: string; tone: 'good' | 'attention' };
}

/** "Instellingen → Opnames": the largest video the school accepts and how long recordings stay after closing. */
export function recordingSettingsCard(input: RecordingSettingsCardInput, texts: Texts = textsFor()): AdaptiveCardJson {
  const words = texts.settings;
  const problemText = (field: RecordingSettingField) => {
    const problem = input.problems?.[field];
    if (!problem) return '';
    const { min, max } = recordingSettingLimits[field];
    return fillIn(words.recordingProblems[problem], { min: String(min).replace('.', ','), max });
  };
  return renderCard(
    'recordingSettings',
    {
      schoolName: input.schoolName,
      notice: input.notice?.text ?? '',
      noticeColor: input.notice?.tone === 'attention' ? 'Attention' : 'Good',
      values: input.typed ?? { maxGigabytes: gigabytesOf(input.settings.maxBytes), retentionDays: String(input.settings.retentionDays) },
      errors: { maxGigabytes: problemText('maxGigabytes'), retentionDays: problemText('retentionDays') },
    },
    texts,
  );
}
