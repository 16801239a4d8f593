import { isActive, slotInCalendar, type AppointmentStatus, type Slot } from '../../../src/domain/scheduling/appointment';
import { appointmentOfCommand, isBeforeAppointment } from '../../../src/domain/scheduling/nextAppointment';
import type { TrajectoryCommand } from '../../../src/domain/trajectories/trajectory';

const at = (iso: string): Slot => ({ start: new Date(iso), durationMinutes: 30 });
const now = new Date('2026-11-29T10:00:00Z');

describe('which appointment a step on the trajectory card completes', () => {
  it.each<[TrajectoryCommand, ReturnType<typeof appointmentOfCommand>]>([
    [{ type: 'startIntake' }, { kind: 'intake', cycle: 0 }],
    [{ type: 'completeIntake', cycles: 2 }, { kind: 'intake', cycle: 0 }],
    [{ type: 'completeRecording', cycle: 2 }, { kind: 'opname', cycle: 2 }],
    [{ type: 'completeAfterTalk', cycle: 3 }, { kind: 'nagesprek', cycle: 3 }],
    [{ type: 'takeUp' }, undefined],
    [{ type: 'cancel', reason: 'x' }, undefined],
    [{ type: 'setCycles', cycles: 2 }, undefined],
  ])('%p → %p', (command, expected) => {
    expect(appointmentOfCommand(command)).toEqual(expected);
  });
});

describe('marking a step done before its appointment', () => {
  it.each<[string, AppointmentStatus, Slot | undefined, boolean]>([
    ['confirmed, later today', 'confirmed', at('2026-11-29T13:00:00Z'), true],
    ['confirmed, on 10 December', 'confirmed', at('2026-12-10T09:00:00Z'), true],
    ['confirmed, started a minute ago', 'confirmed', at('2026-11-29T09:59:00Z'), false],
    ['confirmed, starting right now', 'confirmed', at('2026-11-29T10:00:00Z'), false],
    ['only proposed', 'proposed', undefined, false],
    ['cancelled', 'cancelled', at('2026-12-10T09:00:00Z'), false],
    ['done', 'done', at('2026-12-10T09:00:00Z'), false],
  ])('%s: too early is %p', (_case, status, chosen, expected) => {
    expect(isBeforeAppointment({ status, chosen }, now)).toBe(expected);
  });
});

describe('an appointment that a step has', () => {
  it.each<[AppointmentStatus, boolean]>([
    ['proposed', true],
    ['confirmed', true],
    ['cancelled', false],
    ['done', false],
  ])('%s is active: %p', (status, expected) => {
    expect(isActive({ status })).toBe(expected);
  });

  it('stands in the calendar with its chosen slot, else with the confirmed one a new proposal replaces', () => {
    const chosen = at('2026-12-01T09:00:00Z');
    const replaced = at('2026-11-30T09:00:00Z');
    expect(slotInCalendar({ chosen, replaced })).toBe(chosen);
    expect(slotInCalendar({ replaced })).toBe(replaced);
    expect(slotInCalendar({})).toBeUndefined();
  });
});
