/**
 * A complete, valid intake as the card submits it (multi-selects as comma-separated strings):
 * what a mock teacher of De Regenboog would fill in. Tests and benchmarks use the same one.
 */
export const sampleIntake = {
  helpQuestionKind: 'group',
  otherKindDescription: '',
  whatHappens: 'De groep luistert slecht bij de instructie na de pauze.',
  whatDifferent: 'Ik wil rustiger beginnen en beter aansluiten bij de kinderen.',
  whatToReach: 'Een groep die na de pauze binnen vijf minuten aan het werk is.',
  focus: 'basiscommunicatie,organisatie',
  basiscommunicatieAspects: 'beurtverdeling',
  group: 'groep 5',
  preferredDays: 'di,do',
  preferredDayParts: 'ochtend',
  acknowledgedVoluntary: 'true',
  acknowledgedParentsInformed: 'true',
};
