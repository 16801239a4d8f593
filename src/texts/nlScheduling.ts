import type { AppointmentKind, Slot } from '../domain/scheduling/appointment';
import { endOf } from '../domain/scheduling/appointment';
import type { AppointmentStep } from '../domain/scheduling/nextAppointment';
import { schoolLocal } from '../domain/scheduling/schoolClock';
import { locationMaxLength, type SlotInputError } from '../domain/scheduling/slotInput';
import {
  maxDaysAfterRecording,
  maxDurationMinutes,
  maxSlots,
  minDurationMinutes,
  minSlots,
  type SlotProblem,
  type SlotWarning,
} from '../domain/scheduling/slotValidation';
import { fillIn } from './fillIn';

/**
 * The Dutch words of planning. The domain speaks in codes; every code has its text here and the
 * types make a missing one a compile error. The texts are shown as they are (no placeholders), so a
 * card can put one under the row it belongs to.
 */
const problem = {
  'slot-count': `Stel ${minSlots} tot ${maxSlots} momenten voor.`,
  past: 'Dit moment is al voorbij. Kies een moment in de toekomst.',
  weekend: 'Dit valt in het weekend. Kies een schooldag.',
  'outside-hours': 'Dit valt buiten de schooltijden. Kies een moment binnen de schooldag.',
  'too-short': `Een afspraak duurt minstens ${minDurationMinutes} minuten.`,
  'too-long': `Een afspraak duurt hooguit ${maxDurationMinutes / 60} uur.`,
  'before-previous-step': 'Dit is vóór de vorige stap van het traject. Kies een later moment.',
  duplicate: 'Dit moment heb je al voorgesteld. Kies een ander moment.',
  'overlaps-other-slot': 'Dit moment overlapt met een ander moment dat je voorstelt.',
  overlap: 'Op dit moment heb je al een andere afspraak.',
} as const satisfies Record<SlotProblem, string>;

const warning = {
  'long-after-recording': `Dit is meer dan ${maxDaysAfterRecording} dagen na de opname. Het liefst bespreek je de beelden als ze nog vers zijn.`,
} as const satisfies Record<SlotWarning, string>;

const input = {
  incomplete: 'Vul datum, begintijd en duur in, of laat dit moment helemaal leeg.',
  'invalid-date': 'Deze datum klopt niet. Kies een datum in de kalender.',
  'invalid-time': 'Deze tijd bestaat niet. Kies een begintijd als 10:15.',
  'invalid-duration': 'Kies een duur uit de lijst.',
  'location-too-long': `Houd het kort: hooguit ${locationMaxLength} tekens.`,
} as const satisfies Record<SlotInputError, string>;

const kind = {
  intake: 'Intakegesprek',
  opname: 'Opname {cycle}',
  nagesprek: 'Nagesprek {cycle}',
  eindgesprek: 'Eindgesprek',
} as const satisfies Record<AppointmentKind | 'eindgesprek', string>;

export const nlScheduling = { problem, warning, input, kind } as const;

/** "Intakegesprek", "Opname 2", "Nagesprek 2", and the last cycle's nagesprek "Eindgesprek". */
export function appointmentName(step: AppointmentStep): string {
  if (step.kind === 'nagesprek' && step.isFinalTalk) return kind.eindgesprek;
  return fillIn(kind[step.kind], { cycle: step.cycle });
}

// Fixed Dutch abbreviations rather than Intl's, so the text does not change with the ICU version
// (some add a dot: "dec.").
const weekdays = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'] as const;
const months = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] as const;

/** A slot as the school's clock reads it: "di 3 dec, 10:15–10:45" (an en dash between the times). */
export function formatSlot(slot: Slot): string {
  const start = schoolLocal(slot.start);
  const end = schoolLocal(endOf(slot));
  return `${weekdays[start.weekday]} ${start.day} ${months[start.month - 1]}, ${start.time}–${end.time}`;
}
