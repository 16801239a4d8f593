import type { Appointment } from '../domain/scheduling/appointment';
import { intakeFields, type IntakeErrors } from '../domain/trajectories/intakeForm';
import { basiscommunicatieAspects, dayParts, focusAreas, helpQuestionKinds, schoolDays, type IntakeAnswers } from '../domain/trajectories/intake';
import { nextStep } from '../domain/trajectories/nextStep';
import { isOwningTeacher, isAssignedSvibber } from '../domain/trajectories/parties';
import { isClosed, maxCycles, minCycles, type PersonWithRoles, type Trajectory } from '../domain/trajectories/trajectory';
import { canSeeIntakeAnswers } from '../domain/trajectories/visibility';
import { appointmentName, fillIn, formatDate, formatDateTime, formatSlot, intakeErrorText, nextStepText, phaseLabel, type Texts, textsFor, timelineText } from '../texts';
import { cardVerbs } from './cardVerbs';
import { appointmentToPlan } from '../domain/scheduling/nextAppointment';
import { renderCard, type AdaptiveCardJson } from './renderCard';

type Fact = { title: string; value: string };

function choicesOf<T extends string>(codes: readonly T[], labels: Record<T, string>) {
  return codes.map((value) => ({ title: labels[value], value }));
}

function joinLabels<T extends string>(codes: readonly T[], labels: Record<T, string>, none: string): string {
  return codes.length === 0 ? none : codes.map((code) => labels[code]).join(', ');
}

export interface IntakeFormInput {
  formId: string;
  proposalId?: string;
  proposalGoal?: string;
  /** What the teacher entered before, kept when the card comes back with problems. */
  values?: Record<string, unknown>;
  errors?: IntakeErrors;
}

/** The intake questions; on a second showing every problem is named next to its field. */
export function intakeFormCard(input: IntakeFormInput, texts: Texts = textsFor()): AdaptiveCardJson {
  const labels = texts.trajectories.intakeForm.fieldLabel;
  const choices = texts.trajectories.intakeForm.choices;
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const field of intakeFields) {
    const value = input.values?.[field];
    values[field] = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
    const code = input.errors?.[field];
    errors[field] = code ? intakeErrorText(field, code) : '';
  }
  return renderCard(
    'intakeForm',
    {
      formId: input.formId,
      proposalId: input.proposalId ?? '',
      intro: input.proposalGoal ? fillIn(texts.request.proposalIntro, { goal: input.proposalGoal }) : texts.request.formIntro,
      hasErrors: Object.values(errors).some((text) => text !== ''),
      labels,
      values,
      errors,
      choices: {
        helpQuestionKind: choicesOf(helpQuestionKinds, choices.helpQuestionKind),
        focus: choicesOf(focusAreas, choices.focus),
        basiscommunicatieAspects: choicesOf(basiscommunicatieAspects, choices.basiscommunicatieAspect),
        preferredDays: choicesOf(schoolDays, choices.day),
        preferredDayParts: choicesOf(dayParts, choices.dayPart),
      },
    },
    texts,
  );
}

function requestFacts(trajectory: Trajectory, texts: Texts): Fact[] {
  const choices = texts.trajectories.intakeForm.choices;
  return [
    { title: texts.request.factKind, value: choices.helpQuestionKind[trajectory.helpQuestionKind] },
    { title: texts.request.factFocus, value: joinLabels(trajectory.focus, choices.focus, '') },
  ];
}

function intakeAnswerFacts(intake: IntakeAnswers | undefined, texts: Texts): Fact[] {
  if (!intake) return [];
  const labels = texts.trajectories.intakeForm.fieldLabel;
  const facts: Fact[] = [
    { title: labels.whatHappens, value: intake.whatHappens },
    { title: labels.whatDifferent, value: intake.whatDifferent },
    { title: labels.whatToReach, value: intake.whatToReach },
    { title: texts.request.factGroup, value: intake.group },
    preferredDaysFact(intake, texts),
  ];
  if (intake.otherKindDescription) facts.unshift({ title: labels.otherKindDescription, value: intake.otherKindDescription });
  if (intake.basiscommunicatieAspects.length > 0) facts.push(aspectsFact(intake, texts));
  return facts;
}

/** On summaries the label names what was chosen; the form's hint that it may stay empty is not repeated. */
function aspectsFact(intake: IntakeAnswers, texts: Texts): Fact {
  return { title: texts.request.factAspects, value: joinLabels(intake.basiscommunicatieAspects, texts.trajectories.intakeForm.choices.basiscommunicatieAspect, '') };
}

function preferredDaysFact(intake: IntakeAnswers, texts: Texts): Fact {
  const choices = texts.trajectories.intakeForm.choices;
  return {
    title: texts.request.factDays,
    value: [joinLabels(intake.preferredDays, choices.day, texts.request.noPreference), joinLabels(intake.preferredDayParts, choices.dayPart, '')].filter(Boolean).join(' · '),
  };
}

/** Replaces the form once it is sent, so the same form cannot be sent twice. */
export function intakeSummaryCard(trajectory: Trajectory, alreadySent: boolean, texts: Texts = textsFor()): AdaptiveCardJson {
  const intake = trajectory.intake;
  const facts = requestFacts(trajectory, texts);
  // The teacher sees back what she chose: group, days and parts of day, and the aspects to look at.
  if (intake) {
    facts.push({ title: texts.request.factGroup, value: intake.group }, preferredDaysFact(intake, texts));
    if (intake.basiscommunicatieAspects.length > 0) facts.push(aspectsFact(intake, texts));
  }
  return renderCard(
    'intakeSummary',
    { next: alreadySent ? texts.request.alreadySent : texts.request.whatHappensNext, facts },
    texts,
  );
}

export type NewRequestStatus =
  | { kind: 'open' }
  | { kind: 'takenByYou' }
  | { kind: 'takenBy'; name: string }
  | { kind: 'withdrawn' }
  | { kind: 'declined'; name: string }
  | { kind: 'reminder' };

/**
 * The card every SVIB'er of the school gets. Only who, kind and focus are on it; the intake
 * answers appear only on the card of the SVIB'er who took the request up.
 */
export function newRequestCard(trajectory: Trajectory, status: NewRequestStatus, texts: Texts = textsFor(), notice = ''): AdaptiveCardJson {
  const facts = [
    { title: texts.svibber.factTeacher, value: trajectory.teacher.name },
    ...requestFacts(trajectory, texts),
    { title: texts.svibber.factRequestedAt, value: formatDate(trajectory.createdAt) },
  ];
  const statusText = {
    open: '',
    reminder: '',
    takenByYou: texts.svibber.takenByYou,
    takenBy: status.kind === 'takenBy' ? fillIn(texts.svibber.takenBy, { name: status.name }) : '',
    withdrawn: texts.svibber.withdrawn,
    declined: status.kind === 'declined' ? fillIn(texts.svibber.declined, { name: status.name }) : '',
  }[status.kind];
  const open = status.kind === 'open' || status.kind === 'reminder';
  return renderCard(
    'newRequest',
    {
      title: status.kind === 'reminder' ? texts.svibber.reminderTitle : texts.svibber.newRequestTitle,
      notice,
      facts,
      status: statusText,
      privacyNote: open ? texts.svibber.privacyNote : '',
      intake: status.kind === 'takenByYou' ? intakeAnswerFacts(trajectory.intake, texts) : [],
      canTakeUp: open,
      canOpen: status.kind === 'takenByYou',
      trajectoryId: trajectory.id,
    },
    texts,
  );
}

interface ListItem {
  heading: string;
  phase: string;
  detail: string;
  next: string;
  openTitle: string;
  verb: string;
  trajectoryId: string;
}

/** The next step as the stored appointment has it: the planned moment, or who chooses one. */
export function plannedText(appointment: Appointment, reader: 'teacher' | 'svibber', texts: Texts = textsFor()): string {
  const words = texts.scheduling;
  const step = appointmentName(appointment);
  if (appointment.status === 'confirmed' && appointment.chosen) return fillIn(words.plannedConfirmed, { step, slot: formatSlot(appointment.chosen) });
  return fillIn(reader === 'teacher' ? words.plannedProposedTeacher : words.plannedProposedSvibber, { step, svibber: appointment.svibberName, teacher: appointment.teacherName });
}

function plannedTimelineText(appointment: Appointment, texts: Texts): string {
  const step = appointmentName(appointment).toLowerCase();
  if (appointment.status === 'confirmed' && appointment.chosen) return fillIn(texts.scheduling.timelineConfirmed, { step, slot: formatSlot(appointment.chosen) });
  return fillIn(texts.scheduling.timelineProposed, { svibber: appointment.svibberName, step });
}

/** Per trajectory id, the proposed or confirmed appointment of its next step. */
export type PlannedSteps = ReadonlyMap<string, Appointment>;

function nextFor(trajectory: Trajectory, reader: 'teacher' | 'svibber', planned: PlannedSteps, texts: Texts): string {
  const appointment = planned.get(trajectory.id);
  return appointment ? plannedText(appointment, reader, texts) : nextStepText(nextStep(trajectory), reader);
}

function listItem(trajectory: Trajectory, reader: 'teacher' | 'svibber', texts: Texts, planned: PlannedSteps = new Map()): ListItem {
  const choices = texts.trajectories.intakeForm.choices;
  return {
    heading: reader === 'teacher' ? choices.helpQuestionKind[trajectory.helpQuestionKind] : trajectory.teacher.name,
    phase: phaseLabel(trajectory.phase, trajectory.cycles),
    detail:
      reader === 'teacher'
        ? `${texts.trajectory.factBegeleider}: ${trajectory.svibber?.name ?? texts.trajectory.nobodyYet}`
        : `${choices.helpQuestionKind[trajectory.helpQuestionKind]} · ${formatDate(trajectory.createdAt)}`,
    next: nextFor(trajectory, reader, planned, texts),
    openTitle: texts.trajectory.open,
    verb: cardVerbs.trajectoryOpen,
    trajectoryId: trajectory.id,
  };
}

export function myTrajectoriesCard(trajectories: readonly Trajectory[], texts: Texts = textsFor(), planned: PlannedSteps = new Map()): AdaptiveCardJson {
  const sections = trajectories.length === 0 ? [] : [{ heading: '', empty: '', items: trajectories.map((t) => listItem(t, 'teacher', texts, planned)) }];
  return renderCard('trajectoryList', { title: texts.trajectory.myTitle, empty: texts.trajectory.noneYet, sections, showRequest: true, showPropose: false }, texts);
}

export function myGuidanceCard(open: readonly Trajectory[], own: readonly Trajectory[], texts: Texts = textsFor(), planned: PlannedSteps = new Map()): AdaptiveCardJson {
  const openItems = open.map((t) => ({ ...listItem(t, 'svibber', texts), openTitle: texts.svibber.takeUp, verb: cardVerbs.requestTakeUp }));
  const sections = [
    { heading: texts.svibber.openRequestsHeading, empty: texts.svibber.noOpenRequests, items: openItems },
    { heading: texts.svibber.ownHeading, empty: texts.svibber.noOwn, items: own.map((t) => listItem(t, 'svibber', texts, planned)) },
  ];
  return renderCard('trajectoryList', { title: texts.svibber.guidanceTitle, empty: '', sections, showRequest: false, showPropose: true }, texts);
}

/** A button that opens a recording page as a Teams dialog. */
export type RecordingDialog = { title: string; page: 'watch'; recordingId: string } | { title: string; page: 'upload'; trajectoryId: string; cycle: number };

export interface DetailOptions {
  notice?: { text: string; tone: 'good' | 'attention' };
  /** SVIB'ers of the school the trajectory can be handed to. */
  handOverChoices?: { userId: string; name: string }[];
  /** Signed, short-lived links for this viewer: add a recording, watch each one they may see. */
  recordingLinks?: { title: string; url: string }[];
  /** Inside Teams with SSO: the same pages, opened as Teams dialogs. */
  recordingDialogs?: RecordingDialog[];
  /** For the owning teacher: who may see each recording. */
  recordingAccess?: { title: string; recordingId: string }[];
  /** Buttons that mint a fresh single-use watch link on every click. */
  watchButtons?: { title: string; recordingId: string }[];
  /** The proposed or confirmed appointment of the next step: moved or cancelled, not planned again. */
  planned?: Appointment;
  /** The teacher and her begeleider open the observation kijkwijzers of the recordings from here. */
  observations?: boolean;
}

/** The step the begeleider marks done next, with its button title; none when nothing is theirs to do. */
function stepFor(trajectory: Trajectory, texts: Texts): { step: string; cycle: number; title: string } | undefined {
  const { phase } = trajectory;
  switch (phase.kind) {
    case 'toegewezen':
      return { step: 'startIntake', cycle: 0, title: texts.svibber.stepStartIntake };
    case 'intake':
      return { step: 'completeIntake', cycle: 0, title: texts.svibber.stepCompleteIntake };
    case 'opname':
      return { step: 'completeRecording', cycle: phase.cycle, title: fillIn(texts.svibber.stepCompleteRecording, { cycle: phase.cycle }) };
    case 'nagesprek':
      return {
        step: 'completeAfterTalk',
        cycle: phase.cycle,
        title: phase.cycle >= trajectory.cycles ? texts.svibber.stepCompleteFinalTalk : fillIn(texts.svibber.stepCompleteAfterTalk, { cycle: phase.cycle }),
      };
    default:
      return undefined;
  }
}

/** One trajectory as this viewer may see it: the caller has checked that the viewer may see it at all. */
export function trajectoryDetailCard(trajectory: Trajectory, viewer: PersonWithRoles, options: DetailOptions = {}, texts: Texts = textsFor()): AdaptiveCardJson {
  const teacherView = isOwningTeacher(trajectory, viewer);
  const svibberView = isAssignedSvibber(trajectory, viewer);
  const open = !isClosed(trajectory.phase) && trajectory.phase.kind !== 'voorgesteld';
  const facts = [
    ...requestFacts(trajectory, texts),
    { title: texts.trajectory.factPhase, value: phaseLabel(trajectory.phase, trajectory.cycles) },
    { title: texts.trajectory.factBegeleider, value: trajectory.svibber?.name ?? texts.trajectory.nobodyYet },
    { title: texts.trajectory.factCycles, value: String(trajectory.cycles) },
    { title: texts.trajectory.factNext, value: nextFor(trajectory, teacherView ? 'teacher' : 'svibber', new Map(options.planned ? [[trajectory.id, options.planned]] : []), texts) },
  ];
  const planned = options.planned;
  const step = svibberView ? stepFor(trajectory, texts) : undefined;
  const planStep = svibberView && !planned ? appointmentToPlan(trajectory) : undefined;
  const party = teacherView || svibberView;
  const handOverChoices = (options.handOverChoices ?? [])
    .filter((person) => person.userId !== viewer.userId && person.userId !== trajectory.teacher.userId)
    .map((person) => ({ title: person.name, value: person.userId }));
  return renderCard(
    'trajectoryDetail',
    {
      title: fillIn(texts.trajectory.detailTitle, { teacher: trajectory.teacher.name }),
      notice: options.notice?.text ?? '',
      noticeColor: options.notice?.tone === 'attention' ? 'Attention' : 'Good',
      facts,
      intake: canSeeIntakeAnswers(trajectory, viewer) ? intakeAnswerFacts(trajectory.intake, texts) : [],
      timeline: [
        ...trajectory.timeline.map((event) => ({ when: formatDateTime(event.at), text: timelineText(event) })),
        // The planned moment of the next step belongs in the story too, where it was decided.
        ...(planned ? [{ when: formatDateTime(planned.updatedAt), text: plannedTimelineText(planned, texts) }] : []),
      ],
      canStop: open && (teacherView || svibberView),
      stopTitle: teacherView ? (trajectory.phase.kind === 'aangevraagd' ? texts.trajectory.withdrawRequest : texts.trajectory.stop) : texts.svibber.cancelTitle,
      stopVerb: teacherView ? cardVerbs.trajectoryWithdraw : cardVerbs.trajectoryCancel,
      stopReasonLabel: teacherView ? texts.trajectory.withdrawReasonLabel : texts.svibber.reasonLabel,
      canPlan: planStep !== undefined,
      canMove: party && planned?.status === 'confirmed',
      canWithdrawProposal: svibberView && planned?.status === 'proposed',
      withdrawProposalConfirm: fillIn(texts.scheduling.withdrawProposalConfirm, { teacher: trajectory.teacher.name }),
      appointmentId: planned?.id ?? '',
      watchButtons: options.watchButtons ?? [],
      planTitle: planStep ? fillIn(texts.scheduling.plan, { step: appointmentName(planStep).toLowerCase() }) : '',
      canStep: step !== undefined,
      step: step?.step ?? '',
      stepCycle: String(step?.cycle ?? 0),
      stepTitle: step?.title ?? '',
      askCycles: step?.step === 'completeIntake',
      cyclesValue: String(trajectory.cycles),
      cycleChoices: Array.from({ length: maxCycles - minCycles + 1 }, (_, index) => ({ title: String(minCycles + index), value: String(minCycles + index) })),
      canHandOver: open && svibberView && handOverChoices.length > 0,
      recordingLinks: options.recordingLinks ?? [],
      recordingDialogs: (options.recordingDialogs ?? []).map((dialog) => ({ recordingId: '', trajectoryId: '', cycle: '', ...dialog })),
      recordingAccess: teacherView ? (options.recordingAccess ?? []) : [],
      showObservations: options.observations === true,
      handOverChoices,
      trajectoryId: trajectory.id,
    },
    texts,
  );
}

export interface ProposalFormInput {
  formId: string;
  people: readonly { userId: string; name: string }[];
  values?: Record<string, unknown>;
  errors?: { teacher?: string; goal?: string; helpQuestionKind?: string; focus?: string };
  notice?: string;
  /** For directie: how its proposals went, as figures (never who). */
  figures?: { proposed: number; accepted: number };
}

/** For directie and SVIB'ers: propose a trajectory to a colleague as a scholingsopdracht. */
export function proposalFormCard(input: ProposalFormInput, texts: Texts = textsFor()): AdaptiveCardJson {
  const choices = texts.trajectories.intakeForm.choices;
  const text = (field: string) => (typeof input.values?.[field] === 'string' ? String(input.values[field]) : '');
  return renderCard(
    'proposalForm',
    {
      formId: input.formId,
      notice: input.notice ?? '',
      figures: input.figures && input.figures.proposed > 0 ? fillIn(texts.proposal.figures, input.figures) : '',
      people: input.people.map((person) => ({ title: person.name, value: person.userId })),
      // Directie writes about a colleague's hulpvraag: the labels speak of the teacher, not to them.
      labels: { ...texts.trajectories.intakeForm.fieldLabel, helpQuestionKind: texts.proposal.helpQuestionKindLabel, focus: texts.proposal.focusLabel },
      values: { teacherUserId: text('teacherUserId'), teacherEmail: text('teacherEmail'), goal: text('goal'), helpQuestionKind: text('helpQuestionKind'), focus: text('focus') },
      errors: { teacher: input.errors?.teacher ?? '', goal: input.errors?.goal ?? '', helpQuestionKind: input.errors?.helpQuestionKind ?? '', focus: input.errors?.focus ?? '' },
      choices: { helpQuestionKind: choicesOf(helpQuestionKinds, choices.helpQuestionKind), focus: choicesOf(focusAreas, choices.focus) },
    },
    texts,
  );
}

/** The card the teacher gets: who proposes what, and that taking part is voluntary. */
export function proposalCard(trajectory: Trajectory, status: '' | 'accepted' | 'declined', texts: Texts = textsFor()): AdaptiveCardJson {
  const proposal = trajectory.proposal;
  return renderCard(
    'proposal',
    {
      title: texts.proposal.cardTitle,
      lead: fillIn(texts.proposal.cardLead, { by: proposal?.by.name ?? '' }),
      facts: [
        { title: texts.proposal.factGoal, value: proposal?.goal ?? '' },
        { title: texts.proposal.factBy, value: proposal?.by.name ?? '' },
        ...requestFacts(trajectory, texts),
      ],
      status: status === 'accepted' ? texts.proposal.accepted : status === 'declined' ? texts.proposal.declined : '',
      canDecide: status === '' && trajectory.phase.kind === 'voorgesteld',
      trajectoryId: trajectory.id,
    },
    texts,
  );
}
