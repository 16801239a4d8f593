import { effectiveRecordingSettings, gigabytesOf, parseRecordingSettings } from '../../../src/domain/schools/recordingSettings';

const GB = 1024 ** 3;

describe('parseRecordingSettings', () => {
  it.each([
    [{ maxGigabytes: '4', retentionDays: '30' }, 4 * GB, 30],
    [{ maxGigabytes: '1,5', retentionDays: '14' }, 1.5 * GB, 14],
    [{ maxGigabytes: '0.5', retentionDays: '1' }, 0.5 * GB, 1],
    [{ maxGigabytes: 20, retentionDays: 365 }, 20 * GB, 365],
  ])('accepts %j', (input, maxBytes, retentionDays) => {
    expect(parseRecordingSettings(input)).toEqual({ ok: true, settings: { maxBytes, retentionDays } });
  });

  it.each([
    [{ maxGigabytes: '', retentionDays: '30' }, { maxGigabytes: 'required' }],
    [{ maxGigabytes: undefined, retentionDays: undefined }, { maxGigabytes: 'required', retentionDays: 'required' }],
    [{ maxGigabytes: 'veel', retentionDays: '30' }, { maxGigabytes: 'not-a-number' }],
    [{ maxGigabytes: '-1', retentionDays: '30' }, { maxGigabytes: 'not-a-number' }],
    [{ maxGigabytes: '0,4', retentionDays: '30' }, { maxGigabytes: 'too-small' }],
    [{ maxGigabytes: '21', retentionDays: '30' }, { maxGigabytes: 'too-large' }],
    [{ maxGigabytes: '4', retentionDays: '2,5' }, { retentionDays: 'not-whole' }],
    [{ maxGigabytes: '4', retentionDays: '0' }, { retentionDays: 'too-small' }],
    [{ maxGigabytes: '4', retentionDays: '366' }, { retentionDays: 'too-large' }],
    [{ maxGigabytes: Number.NaN, retentionDays: Number.POSITIVE_INFINITY }, { maxGigabytes: 'not-a-number', retentionDays: 'not-a-number' }],
  ])('names every problem in %j and keeps nothing', (input, problems) => {
    expect(parseRecordingSettings(input)).toEqual({ ok: false, problems });
  });
});

describe('effectiveRecordingSettings', () => {
  const defaults = { maxBytes: 4 * GB, retentionDays: 30 };

  it('takes the school’s own choice, and the default where it made none', () => {
    expect(effectiveRecordingSettings(undefined, defaults)).toEqual(defaults);
    expect(effectiveRecordingSettings({ retentionDays: 10 }, defaults)).toEqual({ maxBytes: 4 * GB, retentionDays: 10 });
    expect(effectiveRecordingSettings({ maxBytes: GB, retentionDays: 60 }, defaults)).toEqual({ maxBytes: GB, retentionDays: 60 });
  });
});

describe('gigabytesOf', () => {
  it('shows gigabytes the Dutch way, to one decimal', () => {
    expect(gigabytesOf(4 * GB)).toBe('4');
    expect(gigabytesOf(1.5 * GB)).toBe('1,5');
  });
});
