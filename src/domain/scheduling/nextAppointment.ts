import type { Trajectory, TrajectoryCommand } from '../trajectories/trajectory';
import type { Appointment } from './appointment';

/** Which appointment of a trajectory: enough to name it and to know what it moves on. */
export type AppointmentStep = Pick<Appointment, 'kind' | 'cycle' | 'isFinalTalk'>;

/**
 * The appointment the begeleider plans next, or undefined when there is nothing to plan.
 *
 * The intake is planned while the trajectory is 'toegewezen': the phase 'intake' means the
 * begeleider already started the intake by hand on the trajectory card, so the talk is under way
 * and planning it again would only make a second appointment. An opname or nagesprek is planned
 * while the trajectory is in that very phase, because marking it done is what moves the phase on.
 */
export function appointmentToPlan(trajectory: Trajectory): AppointmentStep | undefined {
  const { phase } = trajectory;
  switch (phase.kind) {
    case 'toegewezen':
      return { kind: 'intake', cycle: 0, isFinalTalk: false };
    case 'opname':
      return { kind: 'opname', cycle: phase.cycle, isFinalTalk: false };
    case 'nagesprek':
      // The nagesprek of the last cycle is the eindgesprek; cycles may have been lowered to this one.
      return { kind: 'nagesprek', cycle: phase.cycle, isFinalTalk: phase.cycle >= trajectory.cycles };
    case 'voorgesteld':
    case 'aangevraagd':
    case 'intake':
    case 'afgesloten':
    case 'geannuleerd':
      return undefined;
  }
}

/**
 * The trajectory commands, in order, that marking this appointment done gives. The intake is
 * planned from 'toegewezen', so the trajectory goes through 'intake' (startIntake) and on to
 * opname 1 (completeIntake, with the number of cycles agreed in the talk; without one the
 * trajectory keeps its own). Each command carries the cycle, so a stale card is refused.
 */
export function commandsOnDone(appointment: Pick<Appointment, 'kind' | 'cycle'>, cycles?: number): TrajectoryCommand[] {
  switch (appointment.kind) {
    case 'intake':
      return [{ type: 'startIntake' }, cycles === undefined ? { type: 'completeIntake' } : { type: 'completeIntake', cycles }];
    case 'opname':
      return [{ type: 'completeRecording', cycle: appointment.cycle }];
    case 'nagesprek':
      return [{ type: 'completeAfterTalk', cycle: appointment.cycle }];
  }
}

/**
 * The appointment a step command on the trajectory card completes: marking a step done by hand
 * is checked against it, so a talk is not marked held before it is planned to happen.
 */
export function appointmentOfCommand(command: TrajectoryCommand): Pick<Appointment, 'kind' | 'cycle'> | undefined {
  switch (command.type) {
    case 'startIntake':
    case 'completeIntake':
      return { kind: 'intake', cycle: 0 };
    case 'completeRecording':
      return { kind: 'opname', cycle: command.cycle };
    case 'completeAfterTalk':
      return { kind: 'nagesprek', cycle: command.cycle };
    default:
      return undefined;
  }
}

/** True when marking this appointment done now would be before it starts. */
export function isBeforeAppointment(appointment: Pick<Appointment, 'status' | 'chosen'>, now: Date): boolean {
  return appointment.status === 'confirmed' && appointment.chosen !== undefined && appointment.chosen.start.getTime() > now.getTime();
}
