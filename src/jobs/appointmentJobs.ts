import { randomUUID } from 'node:crypto';
import { appointmentCard } from '../cards/schedulingCards';
import type { AppointmentChangeCheck } from '../domain/deliveries/heldDeliveries';
import { donePromptDue, remindersDue } from '../domain/scheduling/reminders';
import { SVIBBER_CARD } from '../features/scheduling/schedulingNotices';
import type { AnnouncedChanges } from '../features/notifications/Deliveries';
import type { Notifier } from '../features/notifications/Notifier';
import type { Logger } from '../logging/logger';
import type { AppointmentRepository, JobMark, StoredAppointment } from '../storage/appointments/AppointmentRepository';
import { appointmentName, fillInMessage, formatSlot, type Texts } from '../texts';

export interface AppointmentJobOptions {
  appointments: AppointmentRepository;
  notifier: Notifier;
  /** A claim and the messages it is for are written as one (a crash in between loses neither). */
  changes: AnnouncedChanges;
  texts: Texts;
  logger: Logger;
  /** School time of the day-before reminder, e.g. "16:00". */
  dayBeforeAt: string;
}

const MARKS: Record<'dayBefore' | 'hourBefore', JobMark> = { dayBefore: 'dayBeforeSentAt', hourBefore: 'hourBeforeSentAt' };

/**
 * Reminders to both parties, the day before and an hour before. Each reminder is claimed with a
 * conditional write before it is sent, so no restart or second instance sends one twice; moved or
 * cancelled appointments are no longer confirmed at their old time and get none.
 */
export async function sendDueReminders(options: AppointmentJobOptions, now: Date): Promise<number> {
  const { appointments, notifier, texts } = options;
  let sent = 0;
  for (const stored of await appointments.listConfirmedStartingBefore(new Date(now.getTime() + 2 * 86_400_000))) {
    const due = remindersDue(stored.appointment, stored.sent, now, options.dayBeforeAt);
    // Only the closest reminder: an hour before makes a missed day-before one pointless.
    const which = due.includes('hourBefore') ? 'hourBefore' : due[0];
    const { appointment } = stored;
    if (!which || !appointment.chosen) continue;
    const template = which === 'dayBefore' ? texts.scheduling.reminderDayBefore : texts.scheduling.reminderHourBefore;
    const step = appointmentName(appointment).toLowerCase();
    const slot = formatSlot(appointment.chosen);
    const claimed = await claimAnnounced(options, stored, MARKS[which], now, async () => {
      await notifier.sendText(stored.tenantId, appointment.teacherId, fillInMessage(template, { step, other: appointment.svibberName, slot }));
      await notifier.sendText(stored.tenantId, appointment.svibberId, fillInMessage(template, { step, other: appointment.teacherName, slot }));
    });
    if (claimed) sent++;
  }
  return sent;
}

/** After the appointment, its begeleider gets the card to mark it done (once). */
export async function promptDoneAppointments(options: AppointmentJobOptions, now: Date): Promise<number> {
  const { appointments, notifier, texts } = options;
  let prompted = 0;
  for (const stored of await appointments.listConfirmedStartingBefore(now)) {
    if (!donePromptDue(stored.appointment, stored.sent.donePrompt, now)) continue;
    const card = appointmentCard(stored.appointment, stored.appointment.teacherName, { kind: 'donePrompt' }, texts);
    const claimed = await claimAnnounced(options, stored, 'donePromptedAt', now, async () => {
      await notifier.sendCard(stored.tenantId, stored.appointment.svibberId, card, { subject: stored.appointment.id, purpose: SVIBBER_CARD });
    });
    if (claimed) prompted++;
  }
  return prompted;
}

/** Claims a job's message with a conditional write that carries the message itself (held in the outbox until the claim lands). */
async function claimAnnounced(options: AppointmentJobOptions, stored: StoredAppointment, mark: JobMark, now: Date, announce: () => Promise<void>): Promise<boolean> {
  const changeId = randomUUID();
  const check: AppointmentChangeCheck = { kind: 'appointmentChange', tenantId: stored.tenantId, schoolId: stored.appointment.schoolId, appointmentId: stored.appointment.id, changeId };
  return options.changes.withChange(check, announce, () => options.appointments.claim(stored, mark, now, changeId), (claimed) => claimed);
}
