import type { Slot } from './appointment';
import { amsterdamLocalToUtc } from './schoolClock';

export { amsterdamLocalToUtc } from './schoolClock';

/**
 * The Plan card's submit, read into slots. The submit is untrusted (any client can post any JSON),
 * so every field is checked here; whether the slots make sense (future, school hours, overlap) is
 * slotValidation's job.
 */
export const slotInputErrors = ['incomplete', 'invalid-date', 'invalid-time', 'invalid-duration', 'location-too-long'] as const;
export type SlotInputError = (typeof slotInputErrors)[number];

/** The durations the card offers, in minutes. */
export const allowedDurations = [15, 20, 30, 45, 60, 90, 120] as const;
export const locationMaxLength = 100;
export const slotRows = [1, 2, 3] as const;

export type SlotInput = { ok: true; slots: Slot[] } | { ok: false; errors: Record<string, SlotInputError> };

/** A field's text; undefined when the client sent something that is no text at all. */
function fieldText(value: unknown): string | undefined {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  // A client may send the duration choice as a number.
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function readSlotInput(raw: unknown): SlotInput {
  const submit: Record<string, unknown> = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const errors: Record<string, SlotInputError> = {};
  const slots: Slot[] = [];

  for (const n of slotRows) {
    const field = { date: `date${n}`, time: `time${n}`, duration: `duration${n}`, location: `location${n}` };
    const date = fieldText(submit[field.date]);
    const time = fieldText(submit[field.time]);
    const duration = fieldText(submit[field.duration]);
    const location = fieldText(submit[field.location]);
    // The card preselects a duration, so a row with only a duration is still an empty row.
    if (date === '' && time === '' && (location === '' || location === undefined)) continue;

    const rowErrors: Record<string, SlotInputError> = {};
    if (date === '') rowErrors[field.date] = 'incomplete';
    if (time === '') rowErrors[field.time] = 'incomplete';
    if (duration === '') rowErrors[field.duration] = 'incomplete';

    const day = date ? dateOf(date) : undefined;
    if (date !== '' && !day) rowErrors[field.date] = 'invalid-date';
    const clock = time ? timeOf(time) : undefined;
    if (time !== '' && !clock) rowErrors[field.time] = 'invalid-time';
    const minutes = duration ? durationOf(duration) : undefined;
    if (duration !== '' && minutes === undefined) rowErrors[field.duration] = 'invalid-duration';
    if (location !== undefined && location.length > locationMaxLength) rowErrors[field.location] = 'location-too-long';

    let start: Date | undefined;
    if (day && clock) {
      start = amsterdamLocalToUtc(day, clock);
      // Both parts are well-formed, so only the clocks skipping an hour in spring can leave no instant.
      if (!start) rowErrors[field.time] = 'invalid-time';
    }

    if (Object.keys(rowErrors).length > 0 || !start || minutes === undefined) {
      Object.assign(errors, rowErrors);
      continue;
    }
    slots.push(location ? { start, durationMinutes: minutes, location } : { start, durationMinutes: minutes });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, slots };
}

/** Input.Date sends "YYYY-MM-DD"; anything else (or 2026-02-30) is refused. */
function dateOf(text: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && amsterdamLocalToUtc(text, '12:00') ? text : undefined;
}

/** Input.Time sends "HH:mm"; some clients add ":00" seconds, which mean nothing more. */
function timeOf(text: string): string | undefined {
  const match = /^(\d{2}):(\d{2})(?::00)?$/.exec(text);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours <= 23 && minutes <= 59 ? `${match[1]}:${match[2]}` : undefined;
}

function durationOf(text: string): number | undefined {
  if (!/^\d{1,3}$/.test(text)) return undefined;
  const minutes = Number(text);
  return (allowedDurations as readonly number[]).includes(minutes) ? minutes : undefined;
}
