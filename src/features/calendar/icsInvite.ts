import { TZDate } from '@date-fns/tz';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventBusyStatus, ICalEventStatus, type ICalEventData } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { endOf, type Appointment } from '../../domain/scheduling/appointment';

/** The school's clock: every invitation is written in this zone so Outlook shows local time. */
export const INVITE_TIME_ZONE = 'Europe/Amsterdam';

export interface InviteParty {
  name: string;
  /** Without an address the party is left out of the file (iCalendar needs a mailto for it). */
  email?: string;
}

export interface InviteInput {
  appointment: Appointment;
  /** Dutch SUMMARY, e.g. "Intake · SVIB". */
  title: string;
  /** Dutch DESCRIPTION; may span several lines. */
  description: string;
  organizer: InviteParty;
  attendee: InviteParty;
  method: 'REQUEST' | 'CANCEL';
  now: Date;
}

/** The stable UID of an appointment's calendar item: a change or a cancellation replaces the same item. */
export function inviteUid(appointment: Pick<Appointment, 'id'>): string {
  return `${appointment.id}@svib-bot`;
}

/**
 * The VTIMEZONE for a zone, from timezones-ical-library (kept up to date with the IANA data).
 * That library answers a linked zone with its target (Europe/Amsterdam is a link to
 * Europe/Brussels since tzdata 2022b, with the same rules), so the block is renamed to the zone
 * the events refer to: a TZID without a matching VTIMEZONE is not valid iCalendar.
 */
export function vtimezoneFor(zone: string): string {
  const answer = tzlib_get_ical_block(zone);
  const block = Array.isArray(answer) ? answer[0] : undefined;
  if (!block?.startsWith('BEGIN:VTIMEZONE') || !/^TZID:/m.test(block)) {
    throw new Error(`No VTIMEZONE definition for ${zone}`);
  }
  return block.replace(/^TZID:.*$/m, `TZID:${zone}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`);
}

/** An iCalendar invitation (METHOD REQUEST or CANCEL, one VEVENT) for the appointment's chosen slot. */
export function buildInvite(input: InviteInput): string {
  const { appointment, method } = input;
  const slot = appointment.chosen;
  if (!slot) throw new Error(`Appointment ${appointment.id} has no chosen slot`);

  const cancelled = method === 'CANCEL';
  const calendar = ical({
    prodId: '//svib-bot//NL',
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone name: ical-generator would then write DTSTAMP in local time
    // without the Z. The generator still adds a VTIMEZONE for each event's zone.
    timezone: { name: null, generator: vtimezoneFor },
  });

  const event: ICalEventData = {
    id: inviteUid(appointment),
    sequence: appointment.sequence,
    stamp: input.now,
    // A TZDate makes ical-generator write the wall-clock time in the zone, whatever the
    // process's own TZ is; a plain Date would be written in the process's local time.
    start: new TZDate(slot.start.getTime(), INVITE_TIME_ZONE),
    end: new TZDate(endOf(slot).getTime(), INVITE_TIME_ZONE),
    timezone: INVITE_TIME_ZONE,
    summary: input.title,
    description: input.description,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    busystatus: cancelled ? ICalEventBusyStatus.FREE : ICalEventBusyStatus.BUSY,
  };
  if (slot.location) event.location = slot.location;
  if (input.organizer.email) event.organizer = { name: input.organizer.name, email: input.organizer.email };
  if (input.attendee.email) {
    event.attendees = [
      {
        name: input.attendee.name,
        email: input.attendee.email,
        role: ICalAttendeeRole.REQ,
        // The teacher chose the slot, so the appointment is already agreed.
        status: cancelled ? undefined : ICalAttendeeStatus.ACCEPTED,
        rsvp: false,
      },
    ];
  }
  calendar.createEvent(event);
  return calendar.toString();
}
