import type { Appointment } from '../../../src/domain/scheduling/appointment';
import { assignedSvibber, owningTeacher } from '../trajectories/trajectoryFixtures';

export const firstSlot = { start: new Date('2026-12-03T09:15:00Z'), durationMinutes: 30, location: 'lokaal 12' };

/** An opname of the trajectory fixtures' teacher with her begeleider, confirmed for 3 December; plain data. */
export function anAppointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: 'appointment-1',
    trajectoryId: 'traject-1',
    schoolId: 'school-1',
    kind: 'opname',
    cycle: 1,
    isFinalTalk: false,
    svibberId: assignedSvibber.userId,
    teacherId: owningTeacher.userId,
    svibberName: assignedSvibber.name,
    teacherName: owningTeacher.name,
    status: 'confirmed',
    proposedSlots: [firstSlot],
    chosen: firstSlot,
    sequence: 1,
    createdAt: new Date('2026-11-25T10:00:00Z'),
    updatedAt: new Date('2026-11-25T10:00:00Z'),
    ...overrides,
  };
}
