import { fillIn, fillInMessage } from './fillIn';
import { goalMaxLength, reasonMaxLength } from '../domain/trajectories/freeText';
import type {
  BasiscommunicatieAspect,
  DayPart,
  FocusArea,
  HelpQuestionKind,
  SchoolDay,
} from '../domain/trajectories/intake';
import { intakeLimits, type IntakeErrorCode, type IntakeField } from '../domain/trajectories/intakeForm';
import type { NextStep, NextStepCode } from '../domain/trajectories/nextStep';
import {
  maxCycles,
  minCycles,
  type PhaseKind,
  type RefusalReason,
  type TimelineEvent,
  type TimelineEventKind,
  type TrajectoryPhase,
} from '../domain/trajectories/trajectory';

/**
 * The Dutch words of a trajectory. The domain only speaks in codes; every code has its text
 * here, and the types make a missing one a compile error. Placeholders in {braces} are filled
 * by fillIn, so the texts stay plain data like the rest of the texts.
 */
const phase = {
  voorgesteld: 'Voorgesteld',
  aangevraagd: 'Aangevraagd',
  toegewezen: 'Toegewezen',
  intake: 'Intakegesprek',
  opname: 'Opname {cycle}',
  nagesprek: 'Nagesprek {cycle}',
  eindgesprek: 'Eindgesprek',
  afgesloten: 'Afgesloten',
  geannuleerd: 'Geannuleerd',
} as const satisfies Record<PhaseKind | 'eindgesprek', string>;

const refusal = {
  'not-owning-teacher': 'Dit kan alleen de leerkracht van wie dit traject is.',
  'not-svibber': "Dit kan alleen een SVIB'er van jouw school.",
  'not-assigned-svibber': 'Dit kan alleen de begeleider van dit traject.',
  'not-directie-or-svibber': "Een traject voorstellen kan alleen de directie of een SVIB'er.",
  'own-trajectory': "Dit is je eigen aanvraag: die pakt een andere SVIB'er voor je op. Intrekken kan bij Mijn trajecten.",
  'already-taken': "Een andere SVIB'er heeft deze aanvraag al opgepakt.",
  'already-taken-by-you': 'Je hebt deze aanvraag al opgepakt. Je vindt hem bij Mijn begeleidingen.',
  'not-in-this-phase': 'Dat kan nu niet: het traject is al een stap verder, of nog niet zo ver.',
  'trajectory-closed': 'Dit traject is al afgesloten.',
  'trajectory-cancelled': 'Dit traject is gestopt.',
  'wrong-cycle': 'Deze knop hoort bij een andere opname. Open het traject opnieuw en kijk waar jullie nu zijn.',
  'cycles-out-of-range': `Kies een aantal opnames van ${minCycles} tot en met ${maxCycles}.`,
  'cycles-below-done': 'Jullie zijn al verder dan dit aantal opnames. Kies een hoger aantal.',
  'reason-required': 'Schrijf kort op waarom, zodat de leerkracht weet waar die aan toe is.',
  'reason-too-long': `Je toelichting is te lang. Houd het bij ${reasonMaxLength} tekens.`,
  'goal-required': 'Beschrijf kort het doel van de scholingsopdracht.',
  'goal-too-long': `Het doel is te lang. Houd het bij ${goalMaxLength} tekens.`,
  'proposal-to-self': 'Voor jezelf hoef je niets voor te stellen: vraag gewoon zelf begeleiding aan.',
  'handover-to-self': "Je bent zelf al de begeleider. Kies een andere SVIB'er.",
  'handover-to-teacher': "De leerkracht kan niet de eigen begeleider zijn. Kies een andere SVIB'er.",
  'handover-target-not-svibber': "Deze persoon is geen SVIB'er op jouw school. Kies een SVIB'er.",
} as const satisfies Record<RefusalReason, string>;

/** "Mijn trajecten": what happens next, told to the teacher. */
const nextStepForTeacher = {
  'teacher-decides-on-proposal': 'Je bent uitgenodigd voor een traject. Jij beslist of je meedoet.',
  'await-take-up': "Je aanvraag is verstuurd. Een SVIB'er pakt hem zo snel mogelijk op.",
  'plan-intake': 'Je begeleider neemt contact met je op om het intakegesprek te plannen.',
  'complete-intake': 'Het intakegesprek: samen maken jullie je leervraag scherp.',
  'make-recording': 'Opname {cycle}: je begeleider filmt een paar minuten van je les.',
  'hold-after-talk': 'Nagesprek {cycle}: samen bekijken jullie de beelden.',
  'hold-final-talk': 'Het eindgesprek: je kijkt terug op wat je hebt bereikt.',
  none: 'Er hoeft niets meer te gebeuren.',
} as const satisfies Record<NextStepCode, string>;

/** "Mijn begeleidingen": what the SVIB'er does next. */
const nextStepForSvibber = {
  'teacher-decides-on-proposal': 'De leerkracht beslist nog of die meedoet.',
  'await-take-up': 'Nieuwe aanvraag: pak hem op als jij de begeleiding kunt doen.',
  'plan-intake': 'Plan het intakegesprek met de leerkracht.',
  'complete-intake': 'Houd het intakegesprek en spreek het aantal opnames af.',
  'make-recording': 'Maak opname {cycle}.',
  'hold-after-talk': 'Analyseer opname {cycle} en houd nagesprek {cycle}.',
  'hold-final-talk': 'Analyseer de laatste opname en houd het eindgesprek.',
  none: 'Er hoeft niets meer te gebeuren.',
} as const satisfies Record<NextStepCode, string>;

const timeline = {
  proposed: '{by} heeft dit traject voorgesteld.',
  proposalAccepted: '{by} heeft het voorstel aangenomen.',
  proposalDeclined: '{by} doet niet mee met het voorstel.',
  requested: '{by} heeft begeleiding aangevraagd.',
  takenUp: '{by} heeft de aanvraag opgepakt.',
  handedOver: '{by} heeft het traject overgedragen aan {to}.',
  requestDeclined: '{by} heeft de aanvraag afgewezen.',
  cancelled: '{by} heeft het traject geannuleerd.',
  withdrawn: '{by} is gestopt met het traject.',
  intakeStarted: '{by} is begonnen met het intakegesprek.',
  intakeCompleted: 'Het intakegesprek is gehouden. Aantal opnames: {cycles}.',
  cyclesChanged: 'Het aantal opnames is nu {cycles}.',
  recordingCompleted: 'Opname {cycle} is gemaakt.',
  afterTalkCompleted: 'Nagesprek {cycle} is gehouden.',
  finalTalkCompleted: 'Het eindgesprek is gehouden. Het traject is afgesloten.',
  closedInactive: 'Er gebeurde lange tijd niets. Het traject is afgesloten.',
} as const satisfies Record<TimelineEventKind, string>;

const fieldLabel = {
  helpQuestionKind: 'Waar gaat je hulpvraag over?',
  otherKindDescription: 'Waar gaat het over?',
  whatHappens: 'Wat gebeurt er?',
  whatDifferent: 'Wat wil ik anders?',
  whatToReach: 'Wat wil ik bereiken?',
  focus: 'Waar wil je naar laten kijken?',
  basiscommunicatieAspects: 'Welke onderdelen van basiscommunicatie? (mag je openlaten)',
  group: 'In welke groep geef je les?',
  preferredDays: 'Op welke dagen kan er gefilmd worden?',
  preferredDayParts: 'Welk deel van de dag past het best?',
  acknowledgedVoluntary: 'Ik weet dat meedoen vrijwillig is en dat het traject van mij blijft.',
  acknowledgedParentsInformed: 'Ouders zijn of worden geïnformeerd volgens het protocol van school.',
} as const satisfies Record<IntakeField, string>;

const fieldError = {
  required: 'Vul dit nog in.',
  'too-short': `Vertel er iets meer over: minstens ${intakeLimits.storyMinLength} tekens.`,
  'too-long': 'Dit is te lang. Maak het wat korter.',
  'unknown-choice': 'Deze keuze ken ik niet. Kies een van de mogelijkheden.',
  'must-accept': 'Vink dit aan om je aanvraag te versturen.',
  'needs-basiscommunicatie': 'Deze onderdelen horen bij basiscommunicatie. Kies ook basiscommunicatie, of haal de vinkjes weg.',
  invalid: 'Hier ging iets mis. Vul het nog een keer in.',
} as const satisfies Record<IntakeErrorCode, string>;

/** Where a field deserves a more precise word than the general one for its code. */
const fieldErrorFor: Partial<Record<IntakeField, Partial<Record<IntakeErrorCode, string>>>> = {
  helpQuestionKind: { required: 'Kies waar je hulpvraag over gaat.' },
  otherKindDescription: { required: 'Vertel in een paar woorden waar je hulpvraag over gaat.' },
  focus: { required: 'Kies minstens één punt om naar te kijken.' },
  group: { 'too-long': `Houd het kort, bijvoorbeeld "groep 5" (hooguit ${intakeLimits.groupMaxLength} tekens).` },
  whatHappens: { 'too-long': `Dit is te lang. Houd het bij ${intakeLimits.storyMaxLength} tekens.` },
  whatDifferent: { 'too-long': `Dit is te lang. Houd het bij ${intakeLimits.storyMaxLength} tekens.` },
  whatToReach: { 'too-long': `Dit is te lang. Houd het bij ${intakeLimits.storyMaxLength} tekens.` },
};

const helpQuestionKind = {
  pupil: 'Eén leerling',
  group: 'De groep',
  starter: 'Startende leerkracht',
  didactics: 'Didactiek of een nieuwe methode',
  leadership: 'Begeleiding van MT, directie of coördinator',
  other: 'Anders',
} as const satisfies Record<HelpQuestionKind, string>;

const focus = {
  basiscommunicatie: 'Basiscommunicatie',
  organisatie: 'Organisatie en klassenmanagement',
  didactiek: 'Didactiek',
} as const satisfies Record<FocusArea, string>;

const basiscommunicatieAspect = {
  'initiatief-volgen': 'Initiatief volgen',
  ontvangstbevestiging: 'Ontvangstbevestiging',
  'instemmend-benoemen': 'Instemmend benoemen',
  beurtverdeling: 'Beurtverdeling',
  'leiding-geven': 'Leiding geven',
} as const satisfies Record<BasiscommunicatieAspect, string>;

const day = {
  ma: 'Maandag',
  di: 'Dinsdag',
  wo: 'Woensdag',
  do: 'Donderdag',
  vr: 'Vrijdag',
} as const satisfies Record<SchoolDay, string>;

const dayPart = {
  ochtend: 'Ochtend',
  middag: 'Middag',
} as const satisfies Record<DayPart, string>;

export const nlTrajectories = {
  phase,
  refusal,
  nextStep: { teacher: nextStepForTeacher, svibber: nextStepForSvibber },
  timeline,
  intakeForm: {
    fieldLabel,
    fieldError,
    fieldErrorFor,
    choices: { helpQuestionKind, focus, basiscommunicatieAspect, day, dayPart },
  },
} as const;

/** "Opname 2", and the nagesprek of the last cycle reads "Eindgesprek". */
export function phaseLabel(trajectoryPhase: TrajectoryPhase, cycles: number): string {
  if (trajectoryPhase.kind === 'nagesprek' && trajectoryPhase.cycle >= cycles) return phase.eindgesprek;
  const cycle = trajectoryPhase.kind === 'opname' || trajectoryPhase.kind === 'nagesprek' ? trajectoryPhase.cycle : undefined;
  return fillIn(phase[trajectoryPhase.kind], { cycle });
}

export function nextStepText(step: NextStep, reader: 'teacher' | 'svibber'): string {
  return fillIn(nlTrajectories.nextStep[reader][step.code], { cycle: step.cycle });
}

export function timelineText(event: TimelineEvent): string {
  return fillIn(timeline[event.what], timelineValues(event));
}

/** The same, as a text message: the names in it escaped for Teams' markdown (a card escapes its own data). */
export function timelineMessage(event: TimelineEvent): string {
  return fillInMessage(timeline[event.what], timelineValues(event));
}

function timelineValues(event: TimelineEvent) {
  return { by: event.by.name, to: event.to?.name, cycle: event.cycle, cycles: event.cycles };
}

export function intakeErrorText(field: IntakeField, code: IntakeErrorCode): string {
  return fieldErrorFor[field]?.[code] ?? fieldError[code];
}
