import { z } from 'zod';
import {
  basiscommunicatieAspects,
  dayParts,
  focusAreas,
  helpQuestionKinds,
  schoolDays,
  type IntakeAnswers,
} from './intake';

/**
 * Checks the teacher's intake submit. The input is untrusted (anything a client can post as a
 * card submit), so every field is checked on its own and every problem is reported at once:
 * the card shows each next to its field.
 */
export const intakeFields = [
  'helpQuestionKind',
  'otherKindDescription',
  'whatHappens',
  'whatDifferent',
  'whatToReach',
  'focus',
  'basiscommunicatieAspects',
  'group',
  'preferredDays',
  'preferredDayParts',
  'acknowledgedVoluntary',
  'acknowledgedParentsInformed',
] as const;
export type IntakeField = (typeof intakeFields)[number];

export const intakeErrorCodes = [
  'required',
  'too-short',
  'too-long',
  'unknown-choice',
  'must-accept',
  'needs-basiscommunicatie',
  'invalid',
] as const;
export type IntakeErrorCode = (typeof intakeErrorCodes)[number];

export type IntakeErrors = Partial<Record<IntakeField, IntakeErrorCode>>;

export type IntakeFormResult = { ok: true; value: IntakeAnswers } | { ok: false; errors: IntakeErrors };

export const intakeLimits = {
  storyMinLength: 10,
  storyMaxLength: 1000,
  groupMaxLength: 40,
  otherKindMaxLength: 200,
} as const;

// Every schema below reports an IntakeErrorCode as its message, so no zod wording leaks out.
const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const present = z.unknown().refine((value) => !isBlank(value), { message: 'required' });

function requiredText(min: number, max: number) {
  return present.pipe(
    z.string({ message: 'invalid' }).trim().min(min, { message: 'too-short' }).max(max, { message: 'too-long' }),
  );
}

function oneOf<T extends string>(options: readonly [T, ...T[]]) {
  return present.pipe(z.enum(options, { message: 'unknown-choice' }));
}

/** Adaptive Card multi-select ChoiceSets submit "ma,wo"; an array is accepted too. */
function splitChoices(value: unknown, ctx: z.RefinementCtx): string[] {
  if (isBlank(value)) return [];
  if (typeof value === 'string') return value.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (Array.isArray(value) && value.every((part) => typeof part === 'string')) return value.map((part) => part.trim());
  ctx.addIssue({ code: 'custom', message: 'invalid' });
  return z.NEVER;
}

function someOf<T extends string>(options: readonly [T, ...T[]]) {
  return z
    .unknown()
    .transform(splitChoices)
    .pipe(z.array(z.enum(options, { message: 'unknown-choice' })))
    // Stored without duplicates and in the card's order, whatever order the client sent.
    .transform((chosen) => options.filter((option) => chosen.includes(option)));
}

/** Input.Toggle submits its valueOn, 'true' by default. */
const accepted = z
  .unknown()
  .refine((value) => value === true || value === 'true', { message: 'must-accept' })
  .transform((): true => true);

const fieldSchemas = {
  helpQuestionKind: oneOf(helpQuestionKinds),
  otherKindDescription: requiredText(1, intakeLimits.otherKindMaxLength),
  whatHappens: requiredText(intakeLimits.storyMinLength, intakeLimits.storyMaxLength),
  whatDifferent: requiredText(intakeLimits.storyMinLength, intakeLimits.storyMaxLength),
  whatToReach: requiredText(intakeLimits.storyMinLength, intakeLimits.storyMaxLength),
  focus: someOf(focusAreas),
  basiscommunicatieAspects: someOf(basiscommunicatieAspects),
  group: requiredText(1, intakeLimits.groupMaxLength),
  preferredDays: someOf(schoolDays),
  preferredDayParts: someOf(dayParts),
  acknowledgedVoluntary: accepted,
  acknowledgedParentsInformed: accepted,
} satisfies Record<IntakeField, unknown>;

type Parsed<T> = { ok: true; value: T } | { ok: false; code: IntakeErrorCode };

interface FieldSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ message: string }> } };
}

function parseField<T>(schema: FieldSchema<T>, value: unknown): Parsed<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const message = result.error.issues[0]?.message;
  const code = intakeErrorCodes.find((known) => known === message) ?? 'invalid';
  return { ok: false, code };
}

function asRecord(raw: unknown): Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

export function validateIntakeForm(raw: unknown): IntakeFormResult {
  const input = asRecord(raw);
  const errors: IntakeErrors = {};
  function field<T>(name: IntakeField, schema: FieldSchema<T>): T | undefined {
    const parsed = parseField(schema, input[name]);
    if (parsed.ok) return parsed.value;
    errors[name] = parsed.code;
    return undefined;
  }

  const helpQuestionKind = field('helpQuestionKind', fieldSchemas.helpQuestionKind);
  // The description only belongs to 'other'; for any other kind a leftover value is dropped.
  const otherKindDescription =
    helpQuestionKind === 'other' ? field('otherKindDescription', fieldSchemas.otherKindDescription) : undefined;
  const whatHappens = field('whatHappens', fieldSchemas.whatHappens);
  const whatDifferent = field('whatDifferent', fieldSchemas.whatDifferent);
  const whatToReach = field('whatToReach', fieldSchemas.whatToReach);
  const focus = field('focus', fieldSchemas.focus);
  if (focus && focus.length === 0) errors.focus = 'required';
  const aspects = field('basiscommunicatieAspects', fieldSchemas.basiscommunicatieAspects);
  if (focus && focus.length > 0 && aspects && aspects.length > 0 && !focus.includes('basiscommunicatie')) {
    errors.basiscommunicatieAspects = 'needs-basiscommunicatie';
  }
  const group = field('group', fieldSchemas.group);
  const preferredDays = field('preferredDays', fieldSchemas.preferredDays);
  const preferredDayParts = field('preferredDayParts', fieldSchemas.preferredDayParts);
  const acknowledgedVoluntary = field('acknowledgedVoluntary', fieldSchemas.acknowledgedVoluntary);
  const acknowledgedParentsInformed = field('acknowledgedParentsInformed', fieldSchemas.acknowledgedParentsInformed);

  // Any error means a value is missing; the undefined checks only tell the compiler so.
  if (
    Object.keys(errors).length > 0 ||
    !helpQuestionKind ||
    !whatHappens ||
    !whatDifferent ||
    !whatToReach ||
    !focus ||
    !aspects ||
    !group ||
    !preferredDays ||
    !preferredDayParts ||
    !acknowledgedVoluntary ||
    !acknowledgedParentsInformed
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      helpQuestionKind,
      ...(otherKindDescription !== undefined ? { otherKindDescription } : {}),
      whatHappens,
      whatDifferent,
      whatToReach,
      focus,
      basiscommunicatieAspects: aspects,
      group,
      preferredDays,
      preferredDayParts,
      acknowledgedVoluntary,
      acknowledgedParentsInformed,
    },
  };
}
