/**
 * What a teacher tells when asking for support. The codes are stable English words, stored
 * and sent in card submits; the Dutch labels live in the texts.
 */
export const helpQuestionKinds = ['pupil', 'group', 'starter', 'didactics', 'leadership', 'other'] as const;
export type HelpQuestionKind = (typeof helpQuestionKinds)[number];

/** The three uitgangspunten of SVIB. */
export const focusAreas = ['basiscommunicatie', 'organisatie', 'didactiek'] as const;
export type FocusArea = (typeof focusAreas)[number];

/** The five aspects of basiscommunicatie; only meaningful when that focus is chosen. */
export const basiscommunicatieAspects = [
  'initiatief-volgen',
  'ontvangstbevestiging',
  'instemmend-benoemen',
  'beurtverdeling',
  'leiding-geven',
] as const;
export type BasiscommunicatieAspect = (typeof basiscommunicatieAspects)[number];

export const schoolDays = ['ma', 'di', 'wo', 'do', 'vr'] as const;
export type SchoolDay = (typeof schoolDays)[number];

export const dayParts = ['ochtend', 'middag'] as const;
export type DayPart = (typeof dayParts)[number];

/** A validated intake: only intakeForm.ts produces these from untrusted input. */
export interface IntakeAnswers {
  helpQuestionKind: HelpQuestionKind;
  /** Only for kind 'other'. */
  otherKindDescription?: string;
  /** Wat gebeurt er? */
  whatHappens: string;
  /** Wat wil ik anders? */
  whatDifferent: string;
  /** Wat wil ik bereiken? */
  whatToReach: string;
  focus: readonly FocusArea[];
  /** Empty unless focus includes basiscommunicatie. */
  basiscommunicatieAspects: readonly BasiscommunicatieAspect[];
  /** The group taught, e.g. "groep 5". */
  group: string;
  /** Empty means no preference. */
  preferredDays: readonly SchoolDay[];
  preferredDayParts: readonly DayPart[];
  /** Kept so the trajectory shows the teacher agreed: taking part is voluntary and stays theirs. */
  acknowledgedVoluntary: true;
  /** Kept so the trajectory shows the teacher confirmed parents are informed per the school's protocol. */
  acknowledgedParentsInformed: true;
}
