import ical, { type VEvent } from 'node-ical';
import type { Appointment } from '../../../src/domain/scheduling/appointment';
import { buildInvite, inviteUid, vtimezoneFor, type InviteInput } from '../../../src/features/calendar/icsInvite';

const now = new Date('2026-11-20T12:00:00Z');

function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: 'afspraak-1',
    trajectoryId: 'traject-1',
    schoolId: 'school-1',
    kind: 'opname',
    cycle: 1,
    isFinalTalk: false,
    svibberId: 'svibber-1',
    teacherId: 'teacher-1',
    svibberName: 'Anna de Vries',
    teacherName: 'Bram Jansen',
    status: 'confirmed',
    proposedSlots: [],
    // 10:15 in Amsterdam (CET, UTC+1).
    chosen: { start: new Date('2026-12-03T09:15:00Z'), durationMinutes: 30, location: 'lokaal 12, groep 5', subject: 'rekenen' },
    sequence: 2,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

function input(overrides: Partial<InviteInput> = {}): InviteInput {
  return {
    appointment: appointment(),
    title: 'Opname 1 · SVIB',
    description: 'Opname van de les rekenen.\nMet Anna de Vries; neem je vragen mee, graag.',
    organizer: { name: 'Anna de Vries', email: 'anna@school.example' },
    attendee: { name: 'Bram Jansen', email: 'bram@school.example' },
    method: 'REQUEST',
    now,
    ...overrides,
  };
}

function onlyEvent(ics: string): VEvent {
  const parsed = ical.sync.parseICS(ics);
  const events = Object.values(parsed).filter((component): component is VEvent => component?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return events[0] as VEvent;
}

function unfolded(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, '');
}

describe('buildInvite', () => {
  it('writes a REQUEST with a stable UID, the sequence and the times in Europe/Amsterdam', () => {
    const ics = buildInvite(input());
    const event = onlyEvent(ics);

    expect(event.uid).toBe('afspraak-1@svib-bot');
    expect(inviteUid(appointment())).toBe('afspraak-1@svib-bot');
    expect(Number(event.sequence)).toBe(2);
    expect(event.start.toISOString()).toBe('2026-12-03T09:15:00.000Z');
    expect(event.end?.toISOString()).toBe('2026-12-03T09:45:00.000Z');
    expect(event.dtstamp.toISOString()).toBe('2026-11-20T12:00:00.000Z');
    expect(event.status).toBe('CONFIRMED');
    expect(event.summary).toBe('Opname 1 · SVIB');
    expect(event.description).toBe('Opname van de les rekenen.\nMet Anna de Vries; neem je vragen mee, graag.');
    expect(event.location).toBe('lokaal 12, groep 5');

    const text = unfolded(ics);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('\r\nPRODID:-//svib-bot//NL\r\n');
    expect(text).toContain('\r\nMETHOD:REQUEST\r\n');
    expect(text).toContain('TZID=Europe/Amsterdam');
    expect(text).toContain('\r\nDTSTART;TZID=Europe/Amsterdam:20261203T101500\r\n');
    expect(text).toContain('\r\nDTEND;TZID=Europe/Amsterdam:20261203T104500\r\n');
    expect(text).toContain('\r\nDTSTAMP:20261120T120000Z\r\n');
    expect(text).toContain('\r\nSTATUS:CONFIRMED\r\n');
    expect(text).toContain('ORGANIZER;CN="Anna de Vries":mailto:anna@school.example');
    expect(text).toMatch(/ATTENDEE;[^\r\n]*PARTSTAT=ACCEPTED[^\r\n]*CN="Bram Jansen":MAILTO:bram@school.example/);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('carries a VTIMEZONE for Europe/Amsterdam with the EU summer-time rules', () => {
    const text = unfolded(buildInvite(input()));
    const vtimezone = text.slice(text.indexOf('BEGIN:VTIMEZONE'), text.indexOf('END:VTIMEZONE'));

    expect(vtimezone).toContain('\r\nTZID:Europe/Amsterdam\r\n');
    expect(vtimezone).not.toContain('Brussels');
    expect(vtimezone).toMatch(/BEGIN:DAYLIGHT\r\n(?:[^\r\n]*\r\n)*?TZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200\r\n(?:[^\r\n]*\r\n)*?RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT/);
    expect(vtimezone).toMatch(/BEGIN:STANDARD\r\n(?:[^\r\n]*\r\n)*?TZOFFSETFROM:\+0200\r\nTZOFFSETTO:\+0100\r\n(?:[^\r\n]*\r\n)*?RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD/);
    expect(vtimezoneFor('Europe/Amsterdam')).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:Europe\/Amsterdam\r\n/);

    const parsed = ical.sync.parseICS(text);
    const zones = Object.values(parsed).filter((component) => component?.type === 'VTIMEZONE');
    expect(zones).toHaveLength(1);
  });

  it('maps a summer date to CEST (UTC+2)', () => {
    const summer = appointment({ chosen: { start: new Date('2026-06-10T08:00:00Z'), durationMinutes: 45 } });
    const ics = buildInvite(input({ appointment: summer }));
    const event = onlyEvent(ics);

    expect(event.start.toISOString()).toBe('2026-06-10T08:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2026-06-10T08:45:00.000Z');
    expect(unfolded(ics)).toContain('\r\nDTSTART;TZID=Europe/Amsterdam:20260610T100000\r\n');
    expect(unfolded(ics)).toContain('\r\nDTEND;TZID=Europe/Amsterdam:20260610T104500\r\n');
    expect(event.location).toBeUndefined();
  });

  it('maps the times across the switch to winter time', () => {
    // Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET; a slot on the Monday after is CET.
    const monday = appointment({ chosen: { start: new Date('2026-10-26T07:30:00Z'), durationMinutes: 60 } });
    expect(unfolded(buildInvite(input({ appointment: monday })))).toContain('DTSTART;TZID=Europe/Amsterdam:20261026T083000\r\n');
    const friday = appointment({ chosen: { start: new Date('2026-10-23T07:30:00Z'), durationMinutes: 60 } });
    expect(unfolded(buildInvite(input({ appointment: friday })))).toContain('DTSTART;TZID=Europe/Amsterdam:20261023T093000\r\n');
  });

  it('writes a CANCEL for the same UID with a higher sequence', () => {
    const request = onlyEvent(buildInvite(input()));
    const cancelIcs = buildInvite(input({ appointment: appointment({ status: 'cancelled', sequence: 3 }), method: 'CANCEL', now: new Date('2026-11-25T08:00:00Z') }));
    const cancel = onlyEvent(cancelIcs);

    expect(cancel.uid).toBe(request.uid);
    expect(Number(cancel.sequence)).toBeGreaterThan(Number(request.sequence));
    expect(cancel.status).toBe('CANCELLED');
    expect(cancel.start.toISOString()).toBe('2026-12-03T09:15:00.000Z');
    const text = unfolded(cancelIcs);
    expect(text).toContain('\r\nMETHOD:CANCEL\r\n');
    expect(text).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(text).not.toContain('PARTSTAT=ACCEPTED');
  });

  it('leaves out organizer and attendee that have no e-mail address', () => {
    const ics = buildInvite(input({ organizer: { name: 'Anna de Vries' }, attendee: { name: 'Bram Jansen' } }));
    expect(ics).not.toContain('ORGANIZER');
    expect(ics).not.toContain('ATTENDEE');
    expect(onlyEvent(ics).uid).toBe('afspraak-1@svib-bot');
  });

  it('refuses an appointment without a chosen slot', () => {
    expect(() => buildInvite(input({ appointment: appointment({ chosen: undefined, status: 'proposed' }) }))).toThrow(/no chosen slot/);
  });
});
