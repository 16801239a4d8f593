import { endOf, slotInCalendar, type Appointment } from '../../domain/scheduling/appointment';
import { signLink } from '../links/signedLinks';
import type { AppointmentRepository } from '../../storage/appointments/AppointmentRepository';
import { appointmentName, fillIn, type Texts } from '../../texts';
import { buildInvite } from './icsInvite';

export interface CalendarLinksOptions {
  secret: string;
  baseUrl: string;
  appointments: AppointmentRepository;
  texts: Texts;
  now: () => Date;
}

const PURPOSE = 'calendar';
const HOUR = 3_600_000;

/**
 * "Zet in mijn agenda": a link bound to one person and one appointment, signed and limited in
 * time. The link lives in a chat card, so it lasts until a day after the appointment (at most
 * two weeks); whoever opens it, the server checks again that its person is a party.
 *
 * It is a bearer link (a browser download carries no Teams sign-in), so what it gives holds
 * nothing personal: the step, the time and the place, never names or e-mail addresses. The
 * .ics is rendered from storage at each download, so a moved or cancelled appointment shows so.
 */
export class CalendarLinks {
  constructor(private readonly options: CalendarLinksOptions) {}

  urlFor(tenantId: string, appointment: Appointment, userId: string): string {
    const now = this.options.now().getTime();
    const inCalendar = slotInCalendar(appointment);
    const appointmentEnd = inCalendar ? endOf(inCalendar).getTime() : now;
    const expiresAt = new Date(Math.max(now + HOUR, Math.min(appointmentEnd + 24 * HOUR, now + 14 * 24 * HOUR)));
    const token = signLink(this.options.secret, { purpose: PURPOSE, subjectId: `${tenantId}|${appointment.schoolId}|${appointment.id}`, userId, expiresAt });
    return `${this.options.baseUrl}/calendar/${token}`;
  }

  /** The invitation for this person, or nothing when they are not (or no longer) a party. */
  async loadForUser(subjectId: string, userId: string): Promise<{ ics: string; fileName: string } | undefined> {
    const [tenantId, schoolId, appointmentId] = subjectId.split('|');
    if (!tenantId || !schoolId || !appointmentId) return undefined;
    const stored = await this.options.appointments.get(tenantId, schoolId, appointmentId);
    const found = stored?.appointment;
    const inCalendar = found && slotInCalendar(found);
    if (!found || !inCalendar || (userId !== found.teacherId && userId !== found.svibberId)) return undefined;
    // A confirmed moment that a new proposal replaces is cancelled in the calendar until a new one is chosen.
    const lapsed = !found.chosen || found.status === 'cancelled';
    const appointment: Appointment = { ...found, chosen: inCalendar };
    const { texts } = this.options;
    const step = appointmentName(appointment);
    const ics = buildInvite({
      appointment,
      title: `${step} · SVIB`,
      description: fillIn(texts.scheduling.calendarDescription, { step }),
      // Without addresses the file names no organizer or attendee: nothing personal for whoever holds the link.
      organizer: { name: '' },
      attendee: { name: '' },
      method: lapsed ? 'CANCEL' : 'REQUEST',
      now: this.options.now(),
    });
    return { ics, fileName: `svib-${appointment.kind}${appointment.cycle || ''}.ics` };
  }
}
