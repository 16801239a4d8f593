import { appointmentCard, chooseSlotCard, planCard, preferencesText } from '../cards/schedulingCards';
import { slotInCalendar, type Appointment } from '../domain/scheduling/appointment';
import type { Notifier } from '../features/notifications/Notifier';
import { SVIBBER_CARD, TEACHER_CARD, type SchedulingNotices } from '../features/scheduling/schedulingNotices';
import { appointmentName, escapeMarkdown, fillIn, fillInMessage, formatSlot, type Texts } from '../texts';

export interface SchedulingNoticeOptions {
  notifier: Notifier;
  texts: Texts;
  /** A signed, short-lived link to the person's own .ics of this appointment. */
  calendarUrlFor: (tenantId: string, appointment: Appointment, userId: string) => string;
}

/** The cards and messages of an appointment's changes; tracked cards are updated in place for each of their recipients. */
export function createSchedulingNotices(options: SchedulingNoticeOptions): SchedulingNotices {
  const { notifier, texts, calendarUrlFor } = options;
  const stepOf = (appointment: Appointment) => appointmentName(appointment).toLowerCase();
  return {
    async slotsProposed(tenantId, appointment, trajectory) {
      const preferences = preferencesText(trajectory.teacher.name, trajectory.intake, texts, 'teacher');
      await notifier.sendCard(tenantId, appointment.teacherId, chooseSlotCard(appointment, appointment.svibberName, preferences, texts), {
        subject: appointment.id,
        purpose: TEACHER_CARD,
      });
    },
    async confirmedMoved({ tenantId, before, after, byName }) {
      await notifier.updateTracked({ subject: after.id, purpose: TEACHER_CARD }, (userId) =>
        appointmentCard(after, after.svibberName, { kind: 'moved', calendarUrl: calendarUrlFor(tenantId, after, userId) }, texts),
      );
      await notifier.updateTracked({ subject: after.id, purpose: SVIBBER_CARD }, (userId) =>
        appointmentCard(after, after.teacherName, { kind: 'moved', calendarUrl: calendarUrlFor(tenantId, after, userId) }, texts),
      );
      if (before.chosen) await notifier.sendText(tenantId, after.teacherId, fillInMessage(texts.scheduling.replacedNotice, { name: byName, step: stepOf(before), slot: formatSlot(before.chosen) }));
    },
    async proposalSuperseded({ before, after }) {
      await notifier.updateTracked({ subject: after.id, purpose: TEACHER_CARD }, () => appointmentCard(before, after.svibberName, { kind: 'superseded' }, texts));
    },
    async slotChosen({ tenantId, after: confirmed, byName: teacherName }) {
      await notifier.updateTracked({ subject: confirmed.id, purpose: SVIBBER_CARD }, () =>
        appointmentCard(confirmed, teacherName, { kind: 'confirmed', calendarUrl: calendarUrlFor(tenantId, confirmed, confirmed.svibberId) }, texts),
      );
      const slot = confirmed.chosen ? fillIn(texts.scheduling.confirmedStatus, { slot: formatSlot(confirmed.chosen) }) : '';
      await notifier.sendText(tenantId, confirmed.svibberId, `${appointmentName(confirmed)} · ${escapeMarkdown(teacherName)}: ${slot}`);
    },
    async otherTimesAsked(tenantId, appointment, byName, message) {
      await notifier.sendText(tenantId, appointment.svibberId, fillInMessage(texts.scheduling.askedOtherNotice, { teacher: byName, step: stepOf(appointment), message }));
    },
    async moveAsked(tenantId, appointment, byName) {
      const slot = appointment.chosen ? formatSlot(appointment.chosen) : '';
      await notifier.sendText(tenantId, appointment.svibberId, fillInMessage(texts.scheduling.movedNotice, { name: byName, step: stepOf(appointment), slot }));
    },
    async cancelled({ tenantId, before, after: cancelled, byName, otherId }) {
      const step = stepOf(before);
      const inCalendar = slotInCalendar(before);
      // A proposal nobody chose from yet is withdrawn, not cancelled: no moment was in anyone's calendar.
      await notifier.sendText(
        tenantId,
        otherId,
        inCalendar ? fillInMessage(texts.scheduling.cancelledNotice, { name: byName, step, slot: formatSlot(inCalendar) }) : fillInMessage(texts.scheduling.proposalWithdrawnNotice, { name: byName, step }),
      );
      const otherPurpose = otherId === before.teacherId ? TEACHER_CARD : SVIBBER_CARD;
      await notifier.updateTracked({ subject: before.id, purpose: otherPurpose }, () =>
        appointmentCard(cancelled, byName, inCalendar ? { kind: 'cancelled', calendarUrl: calendarUrlFor(tenantId, cancelled, otherId) } : { kind: 'withdrawn' }, texts),
      );
    },
    async agreementsMade(tenantId, appointment) {
      if (!appointment.agreements) return;
      await notifier.sendText(tenantId, appointment.teacherId, fillInMessage(texts.scheduling.agreementsNotice, { step: stepOf(appointment), agreements: appointment.agreements }));
    },
    async nextStepToPlan(tenantId, svibberId, form) {
      await notifier.sendCard(tenantId, svibberId, planCard(form, texts));
    },
  };
}
