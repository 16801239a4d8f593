import { validateIntakeForm } from '../../../src/domain/trajectories/intakeForm';
import { validIntake } from './trajectoryFixtures';

/** What the intake card submits when filled in well: every value a string, as Adaptive Cards send them. */
const submit = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  helpQuestionKind: 'group',
  whatHappens: '  De groep luistert slecht na de pauze.  ',
  whatDifferent: 'Ik wil rustiger beginnen na de pauze.',
  whatToReach: 'Dat iedereen binnen vijf minuten aan het werk is.',
  focus: 'organisatie,basiscommunicatie',
  basiscommunicatieAspects: 'beurtverdeling',
  group: ' groep 5 ',
  preferredDays: 'wo,ma',
  preferredDayParts: 'ochtend',
  acknowledgedVoluntary: 'true',
  acknowledgedParentsInformed: 'true',
  ...overrides,
});

function errorsOf(input: unknown): unknown {
  const result = validateIntakeForm(input);
  return result.ok ? 'valid' : result.errors;
}

describe('validateIntakeForm', () => {
  it('accepts a good submit: trimmed texts, choices in the card\u2019s order, acknowledgements kept', () => {
    expect(validateIntakeForm({ ...submit(), verb: 'intake.submit', extra: 'ignored' })).toEqual({ ok: true, value: validIntake });
  });

  it('treats days, day parts and aspects as optional', () => {
    const result = validateIntakeForm(submit({ basiscommunicatieAspects: '', preferredDays: undefined, preferredDayParts: '' }));
    expect(result.ok && [result.value.basiscommunicatieAspects, result.value.preferredDays, result.value.preferredDayParts]).toEqual([[], [], []]);
  });

  it.each([
    ['a comma-separated string with spaces and doubles', ' vr , ma,ma,', ['ma', 'vr']],
    ['every day', 'ma,di,wo,do,vr', ['ma', 'di', 'wo', 'do', 'vr']],
    ['an array', ['do', 'di'], ['di', 'do']],
  ])('reads a multi-select given as %s', (_, preferredDays, expected) => {
    const result = validateIntakeForm(submit({ preferredDays }));
    expect(result.ok && result.value.preferredDays).toEqual(expected);
  });

  it('reports every missing field at once', () => {
    expect(errorsOf({})).toEqual({
      helpQuestionKind: 'required',
      whatHappens: 'required',
      whatDifferent: 'required',
      whatToReach: 'required',
      focus: 'required',
      group: 'required',
      acknowledgedVoluntary: 'must-accept',
      acknowledgedParentsInformed: 'must-accept',
    });
  });

  it.each([null, 'text', 42, ['focus']])('treats %p as an empty submit', (input) => {
    expect(errorsOf(input)).toEqual(errorsOf({}));
  });

  it('reports problems of different kinds in one go', () => {
    expect(
      errorsOf(
        submit({
          helpQuestionKind: 'weather',
          whatHappens: '   ',
          whatDifferent: 'te kort',
          whatToReach: 'x'.repeat(1001),
          focus: 'didactiek,muziek',
          group: 'g'.repeat(41),
          preferredDays: 'ma,za',
          preferredDayParts: 'avond',
          acknowledgedVoluntary: 'false',
        }),
      ),
    ).toEqual({
      helpQuestionKind: 'unknown-choice',
      whatHappens: 'required',
      whatDifferent: 'too-short',
      whatToReach: 'too-long',
      focus: 'unknown-choice',
      group: 'too-long',
      preferredDays: 'unknown-choice',
      preferredDayParts: 'unknown-choice',
      acknowledgedVoluntary: 'must-accept',
    });
  });

  it.each([
    ['9 characters after trimming', '  123456789  ', { whatHappens: 'too-short' }],
    ['exactly 10 characters', '1234567890', 'valid'],
    ['exactly 1000 characters', 'x'.repeat(1000), 'valid'],
    ['1001 characters', 'x'.repeat(1001), { whatHappens: 'too-long' }],
    ['a number instead of text', 1234567890, { whatHappens: 'invalid' }],
  ])('checks the length of an intake answer: %s', (_, whatHappens, expected) => {
    expect(errorsOf(submit({ whatHappens }))).toEqual(expected);
  });

  it.each([
    ['40 characters', 'g'.repeat(40), 'valid'],
    ['41 characters', 'g'.repeat(41), { group: 'too-long' }],
    ['only spaces', '    ', { group: 'required' }],
  ])('checks the group: %s', (_, group, expected) => {
    expect(errorsOf(submit({ group }))).toEqual(expected);
  });

  it.each([
    ['an empty focus', { focus: '' }, { focus: 'required' }],
    ['only commas as focus', { focus: ' , ,' }, { focus: 'required' }],
    ['an unknown aspect', { basiscommunicatieAspects: 'beurtverdeling,humor' }, { basiscommunicatieAspects: 'unknown-choice' }],
    ['aspects without basiscommunicatie', { focus: 'didactiek' }, { basiscommunicatieAspects: 'needs-basiscommunicatie' }],
    ['a multi-select that is neither text nor a list', { preferredDays: 5 }, { preferredDays: 'invalid' }],
    ['a list with a number in it', { preferredDays: ['ma', 3] }, { preferredDays: 'invalid' }],
    ['a day in capitals', { preferredDays: 'MA' }, { preferredDays: 'unknown-choice' }],
  ])('checks the choices: %s', (_, overrides, expected) => {
    expect(errorsOf(submit(overrides))).toEqual(expected);
  });

  it('does not also blame the aspects when the focus itself is wrong', () => {
    expect(errorsOf(submit({ focus: 'muziek' }))).toEqual({ focus: 'unknown-choice' });
  });

  it('keeps all five aspects of basiscommunicatie', () => {
    const aspects = 'leiding-geven,initiatief-volgen,ontvangstbevestiging,instemmend-benoemen,beurtverdeling';
    const result = validateIntakeForm(submit({ basiscommunicatieAspects: aspects }));
    expect(result.ok && result.value.basiscommunicatieAspects).toEqual([
      'initiatief-volgen',
      'ontvangstbevestiging',
      'instemmend-benoemen',
      'beurtverdeling',
      'leiding-geven',
    ]);
  });

  describe('the kind "other"', () => {
    it('requires a description', () => {
      expect(errorsOf(submit({ helpQuestionKind: 'other' }))).toEqual({ otherKindDescription: 'required' });
      expect(errorsOf(submit({ helpQuestionKind: 'other', otherKindDescription: '  ' }))).toEqual({ otherKindDescription: 'required' });
      expect(errorsOf(submit({ helpQuestionKind: 'other', otherKindDescription: 'x'.repeat(201) }))).toEqual({
        otherKindDescription: 'too-long',
      });
    });

    it('keeps the description, trimmed', () => {
      const result = validateIntakeForm(submit({ helpQuestionKind: 'other', otherKindDescription: ' Samenwerking met de duo-collega ' }));
      expect(result.ok && result.value.otherKindDescription).toBe('Samenwerking met de duo-collega');
    });

    it('drops a leftover description for any other kind', () => {
      const result = validateIntakeForm(submit({ helpQuestionKind: 'pupil', otherKindDescription: 'x'.repeat(500) }));
      expect(result.ok && 'otherKindDescription' in result.value).toBe(false);
    });
  });

  it.each([
    ['the text true', 'true', 'valid'],
    ['the boolean true', true, 'valid'],
    ['false', 'false', { acknowledgedParentsInformed: 'must-accept' }],
    ['TRUE in capitals', 'TRUE', { acknowledgedParentsInformed: 'must-accept' }],
    ['missing', undefined, { acknowledgedParentsInformed: 'must-accept' }],
  ])('needs each acknowledgement to be ticked: %s', (_, acknowledgedParentsInformed, expected) => {
    expect(errorsOf(submit({ acknowledgedParentsInformed }))).toEqual(expected);
  });

  it.each(['pupil', 'group', 'starter', 'didactics', 'leadership'])('accepts the kind %s', (helpQuestionKind) => {
    expect(errorsOf(submit({ helpQuestionKind }))).toBe('valid');
  });
});
