import type { Appointment, Slot } from '../domain/scheduling/appointment';
import type { AppointmentView, PlanForm, SchedulingReply } from '../features/scheduling/schedulingReplies';
import type { IntakeAnswers } from '../domain/trajectories/intake';
import { maxCycles, minCycles } from '../domain/trajectories/trajectory';
import { allowedDurations } from '../domain/scheduling/slotInput';
import { appointmentName, fillIn, formatSlot, type Texts, textsFor } from '../texts';
import { renderCard, type AdaptiveCardJson } from './renderCard';

/** The teacher's preferred days and parts of day: "Voorkeur van Sanne" for the SVIB'er, "Jouw voorkeur" for herself. */
export function preferencesText(teacherName: string, intake: IntakeAnswers | undefined, texts: Texts = textsFor(), reader: 'svibber' | 'teacher' = 'svibber'): string {
  if (!intake || (intake.preferredDays.length === 0 && intake.preferredDayParts.length === 0)) return '';
  const choices = texts.trajectories.intakeForm.choices;
  const days = [...intake.preferredDays.map((day) => choices.day[day].toLowerCase()), ...intake.preferredDayParts.map((part) => choices.dayPart[part].toLowerCase())];
  return fillIn(reader === 'teacher' ? texts.scheduling.ownPreferences : texts.scheduling.preferences, { teacher: teacherName, days: days.join(', ') });
}

export interface PlanFormInput {
  trajectoryId: string;
  step: Pick<Appointment, 'kind' | 'cycle' | 'isFinalTalk'>;
  teacherName: string;
  preferences: string;
  values?: Record<string, unknown>;
  /** Per row (1..3): the problem or warning shown under it. */
  rowProblems?: Record<number, { text: string; warning: boolean }>;
  notice?: { text: string; tone: 'attention' | 'warning' };
  confirmWarnings?: boolean;
  /** Set when the plan moves a confirmed appointment: the card says which moment lapses. */
  moving?: Slot;
}

/** The SVIB'er's Plan card: one to three moments for the next step of a trajectory. */
export function planFormCard(input: PlanFormInput, texts: Texts = textsFor()): AdaptiveCardJson {
  const words = texts.scheduling;
  const value = (field: string) => (typeof input.values?.[field] === 'string' ? String(input.values[field]) : '');
  const rows = [1, 2, 3].map((n) => ({
    n: String(n),
    label: fillIn(words.slotLabel, { n }),
    dateLabel: words.date,
    timeLabel: words.time,
    durationLabel: words.duration,
    locationLabel: input.step.kind === 'opname' ? words.recordingLabel : words.locationLabel,
    date: value(`date${n}`),
    time: value(`time${n}`),
    duration: value(`duration${n}`) || (n === 1 ? '30' : ''),
    location: value(`location${n}`),
    durations: allowedDurations.map((minutes) => ({ title: fillIn(words.minutes, { minutes }), value: String(minutes) })),
    problem: input.rowProblems?.[n]?.text ?? '',
    problemColor: input.rowProblems?.[n]?.warning ? 'Warning' : 'Attention',
  }));
  const step = appointmentName(input.step);
  return renderCard(
    'planForm',
    {
      title: fillIn(words.planTitle, { step, teacher: input.teacherName }),
      intro: input.moving
        ? fillIn(words.movingIntro, { step: step.toLowerCase(), slot: formatSlot(input.moving), teacher: input.teacherName })
        : fillIn(words.planIntro, { teacher: input.teacherName }),
      preferences: input.preferences,
      notice: input.notice?.text ?? '',
      noticeColor: input.notice?.tone === 'warning' ? 'Warning' : 'Attention',
      rows,
      submitTitle: input.confirmWarnings ? words.submitAnyway : words.submit,
      confirmWarnings: input.confirmWarnings ? 'true' : 'false',
      trajectoryId: input.trajectoryId,
    },
    texts,
  );
}

/** The teacher's card: the proposed moments as buttons, their own preferences beside them. */
export function chooseSlotCard(appointment: Appointment, svibberName: string, preferences: string, texts: Texts = textsFor(), notice = ''): AdaptiveCardJson {
  const words = texts.scheduling;
  return renderCard(
    'chooseSlot',
    {
      title: fillIn(words.chooseTitle, { step: appointmentName(appointment) }),
      intro: fillIn(words.chooseIntro, { svibber: svibberName }),
      preferences,
      notice,
      slots: appointment.proposedSlots.map((slot, index) => ({
        text: [formatSlot(slot), slot.location].filter(Boolean).join(' · '),
        index: String(index),
        appointmentId: appointment.id,
        sequence: String(appointment.sequence),
      })),
      appointmentId: appointment.id,
    },
    texts,
  );
}

export type { AppointmentView };

/** An appointment as one party sees it, with what they can do with it now. */
export function appointmentCard(appointment: Appointment, otherName: string, view: AppointmentView, texts: Texts = textsFor()): AdaptiveCardJson {
  const words = texts.scheduling;
  const step = appointmentName(appointment);
  const slot: Slot | undefined = appointment.chosen;
  const moved = appointment.replaced ?? slot;
  const status = {
    proposed: fillIn(words.proposedStatus, { teacher: otherName }),
    moved: moved ? fillIn(words.movedStatus, { slot: formatSlot(moved) }) : '',
    superseded: words.supersededStatus,
    withdrawn: words.withdrawnProposalStatus,
    confirmed: slot ? fillIn(words.confirmedStatus, { slot: formatSlot(slot) }) : '',
    cancelled: words.cancelledStatus,
    askedOther: fillIn(words.askedOther, { svibber: otherName }),
    donePrompt: fillIn(words.donePromptStatus, { step: step.toLowerCase() }),
    done: words.doneStatus,
    notice: view.kind === 'notice' ? view.text : '',
  }[view.kind];
  const facts: { title: string; value: string }[] = [{ title: words.factWith, value: otherName }];
  if (slot) facts.push({ title: words.factWhen, value: formatSlot(slot) });
  if (slot?.location) facts.push({ title: words.factWhere, value: slot.location });
  // The SVIB'er's own proposal lists what she proposed, so she knows what the teacher chooses from.
  if (view.kind === 'proposed') {
    for (const proposed of appointment.proposedSlots) facts.push({ title: words.factProposed, value: [formatSlot(proposed), proposed.location].filter(Boolean).join(' · ') });
  }
  const calendarUrl = view.kind === 'confirmed' || view.kind === 'cancelled' || view.kind === 'moved' ? view.calendarUrl : '';
  return renderCard(
    'appointment',
    {
      title: fillIn(words.proposedTitle, { step, teacher: otherName }),
      status,
      statusColor: ['cancelled', 'moved', 'superseded', 'withdrawn'].includes(view.kind) ? 'Attention' : 'Good',
      facts,
      calendarUrl,
      calendarTitle: view.kind === 'cancelled' || view.kind === 'moved' ? words.removeFromCalendar : words.addToCalendar,
      canChange: view.kind === 'confirmed',
      canWithdraw: view.kind === 'proposed',
      withdrawConfirm: fillIn(words.withdrawProposalConfirm, { teacher: otherName }),
      askDone: view.kind === 'donePrompt',
      askNote: view.kind === 'donePrompt' && appointment.kind !== 'opname',
      askCycles: view.kind === 'donePrompt' && appointment.kind === 'intake',
      cycleChoices: Array.from({ length: maxCycles - minCycles + 1 }, (_, index) => ({ title: String(minCycles + index), value: String(minCycles + index) })),
      doneTitle: appointment.kind === 'opname' ? words.doneRecording : words.doneTalk,
      appointmentId: appointment.id,
    },
    texts,
  );
}

/** The plan form a scheduling action answers or sends, with the teacher's preferences beside it. */
export function planCard(form: PlanForm, texts: Texts = textsFor()): AdaptiveCardJson {
  const { trajectory, ...rest } = form;
  const preferences = preferencesText(trajectory.teacher.name, trajectory.intake, texts);
  return planFormCard({ ...rest, trajectoryId: trajectory.id, teacherName: trajectory.teacher.name, preferences }, texts);
}

/** What a scheduling action answers its actor, as a card (or the message it is). */
export function schedulingReplyCard(reply: SchedulingReply, texts: Texts = textsFor()): AdaptiveCardJson | string {
  if (typeof reply === 'string') return reply;
  if (reply.kind === 'planForm') return planCard(reply.form, texts);
  const card = appointmentCard(reply.appointment, reply.otherName, reply.view, texts);
  return reply.headline ? withHeadline(card, reply.headline) : card;
}

/** The card with a line on top that says why it is shown instead of what was asked for. */
function withHeadline(card: AdaptiveCardJson, text: string): AdaptiveCardJson {
  const body = Array.isArray(card.body) ? card.body : [];
  return { ...card, body: [body[0], { type: 'TextBlock', text, wrap: true, weight: 'Bolder', color: 'Attention' }, ...body.slice(1)] };
}
