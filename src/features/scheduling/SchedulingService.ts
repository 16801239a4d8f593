import { createHash, randomUUID } from 'node:crypto';
import type { AppointmentChangeCheck } from '../../domain/deliveries/heldDeliveries';
import { endOf, isActive, slotInCalendar, type Appointment, type SchoolHours, type Slot } from '../../domain/scheduling/appointment';
import { appointmentOfCommand, appointmentToPlan, commandsOnDone, isBeforeAppointment } from '../../domain/scheduling/nextAppointment';
import { readSlotInput } from '../../domain/scheduling/slotInput';
import { validateSlots } from '../../domain/scheduling/slotValidation';
import { isAssignedSvibber } from '../../domain/trajectories/parties';
import type { Trajectory, TrajectoryCommand } from '../../domain/trajectories/trajectory';
import { AppointmentChangedError, type AppointmentRepository, type StoredAppointment } from '../../storage/appointments/AppointmentRepository';
import { appointmentName, fillIn, formatSlot, type Texts } from '../../texts';
import type { AnnouncedChanges } from '../notifications/Deliveries';
import type { Actor } from '../schools/SchoolDirectory';
import type { TrajectoryService } from '../trajectories/TrajectoryService';
import type { TrajectoryRepository } from '../../storage/trajectories/TrajectoryRepository';
import type { SchedulingNotices } from './schedulingNotices';
import type { AppointmentView, PlanForm, SchedulingReply } from './schedulingReplies';

export interface SchedulingServiceOptions {
  appointments: AppointmentRepository;
  trajectories: TrajectoryService;
  trajectoryStore: TrajectoryRepository;
  notices: SchedulingNotices;
  /** An appointment's change and what tells the other party of it are written as one (a crash loses neither). */
  changes: AnnouncedChanges;
  texts: Texts;
  now: () => Date;
  schoolHours: SchoolHours;
  /** A signed, short-lived link to the person's own .ics of this appointment. */
  calendarUrlFor: (tenantId: string, appointment: Appointment, userId: string) => string;
}

/** One appointment per step of a trajectory: moving it keeps its id, so calendars update one item. */
export function appointmentIdFor(trajectoryId: string, kind: string, cycle: number): string {
  return createHash('sha256').update(`${trajectoryId}\n${kind}\n${cycle}`).digest('hex').slice(0, 32);
}

function appointmentReply(appointment: Appointment, otherName: string, view: AppointmentView): SchedulingReply {
  return { kind: 'appointment', appointment, otherName, view };
}

/** A fresh name for one write of an appointment, and the check that asks whether it landed. */
function appointmentChange(tenantId: string, appointment: Appointment): { changeId: string; check: AppointmentChangeCheck } {
  const changeId = randomUUID();
  return { changeId, check: { kind: 'appointmentChange', tenantId, schoolId: appointment.schoolId, appointmentId: appointment.id, changeId } };
}

function rowOf(field: string): number {
  return Number(/(\d)$/.exec(field)?.[1] ?? 1);
}

export class SchedulingService {
  constructor(private readonly options: SchedulingServiceOptions) {}

  /**
   * The Plan form for the trajectory's next step; only its begeleider gets one. A step that has an
   * appointment already is not planned again: she gets that appointment, to move or cancel it.
   */
  async planNextStep(actor: Actor, trajectoryId: string): Promise<SchedulingReply> {
    const trajectory = await this.ownTrajectory(actor, trajectoryId);
    if (!trajectory) return this.options.texts.trajectory.notFound;
    const planned = (await this.plannedSteps(actor, [trajectory])).get(trajectory.id);
    if (planned) {
      const { texts } = this.options;
      const view = planned.status === 'confirmed' ? { kind: 'confirmed' as const, calendarUrl: this.options.calendarUrlFor(actor.tenantId, planned, actor.userId) } : { kind: 'proposed' as const };
      return { kind: 'appointment', appointment: planned, otherName: trajectory.teacher.name, view, headline: texts.scheduling.alreadyPlanned };
    }
    return this.planFormFor(trajectory);
  }

  private planFormFor(trajectory: Trajectory, moving?: Slot): SchedulingReply {
    const form = this.nextStepForm(trajectory, moving);
    return form ? { kind: 'planForm', form } : this.options.texts.scheduling.nothingToPlan;
  }

  private nextStepForm(trajectory: Trajectory, moving?: Slot): PlanForm | undefined {
    const step = appointmentToPlan(trajectory);
    return step ? { trajectory, step, ...(moving ? { moving } : {}) } : undefined;
  }

  /**
   * Per trajectory, the proposed or confirmed appointment of its next step: what lists and cards
   * show as the planned moment. The caller has checked the actor may see these trajectories.
   */
  async plannedSteps(actor: Actor, trajectories: readonly Trajectory[]): Promise<Map<string, Appointment>> {
    const found = new Map<string, Appointment>();
    await Promise.all(
      trajectories.map(async (trajectory) => {
        const step = appointmentToPlan(trajectory);
        if (!step) return;
        const stored = await this.options.appointments.get(actor.tenantId, trajectory.schoolId, appointmentIdFor(trajectory.id, step.kind, step.cycle));
        if (stored && isActive(stored.appointment)) found.set(trajectory.id, stored.appointment);
      }),
    );
    return found;
  }

  /** Why a step cannot be marked done by hand now: its appointment is still to come. */
  async tooEarlyFor(actor: Actor, trajectory: Trajectory, command: TrajectoryCommand): Promise<string | undefined> {
    const of = appointmentOfCommand(command);
    if (!of) return undefined;
    const stored = await this.options.appointments.get(actor.tenantId, trajectory.schoolId, appointmentIdFor(trajectory.id, of.kind, of.cycle));
    if (!stored || !isBeforeAppointment(stored.appointment, this.options.now())) return undefined;
    return this.tooEarlyText(stored.appointment);
  }

  /**
   * A step marked done by hand on the trajectory card closes its appointment as well, once that
   * has begun: no done prompt asks about it afterwards and it stops counting as planned.
   */
  async closeAppointmentOf(actor: Actor, trajectory: Trajectory, command: TrajectoryCommand): Promise<void> {
    const of = appointmentOfCommand(command);
    if (!of) return;
    const { appointments, now } = this.options;
    const stored = await appointments.get(actor.tenantId, trajectory.schoolId, appointmentIdFor(trajectory.id, of.kind, of.cycle));
    if (!stored || stored.appointment.status !== 'confirmed' || isBeforeAppointment(stored.appointment, now())) return;
    try {
      await appointments.update(stored, { ...stored.appointment, status: 'done', updatedAt: now() });
    } catch (error) {
      // Closed or moved by someone else meanwhile: their change stands.
      if (!(error instanceof AppointmentChangedError)) throw error;
    }
  }

  private tooEarlyText(appointment: Appointment): string {
    return fillIn(this.options.texts.scheduling.tooEarly, { step: appointmentName(appointment), slot: appointment.chosen ? formatSlot(appointment.chosen) : '' });
  }

  async propose(actor: Actor, trajectoryId: string, raw: Record<string, unknown>): Promise<{ reply: SchedulingReply; appointment?: Appointment }> {
    const { texts, appointments, now } = this.options;
    const trajectory = await this.ownTrajectory(actor, trajectoryId);
    if (!trajectory) return { reply: texts.trajectory.notFound };
    const step = appointmentToPlan(trajectory);
    if (!step) return { reply: texts.scheduling.nothingToPlan };
    const form = (rowProblems: PlanForm['rowProblems'], notice: PlanForm['notice'], confirmWarnings = false): SchedulingReply => ({
      kind: 'planForm',
      form: { trajectory, step, values: raw, rowProblems, notice, confirmWarnings },
    });

    const input = readSlotInput(raw);
    if (!input.ok) {
      const rows: Record<number, { text: string; warning: boolean }> = {};
      for (const [field, code] of Object.entries(input.errors)) rows[rowOf(field)] = { text: texts.slotChecks.input[code as keyof typeof texts.slotChecks.input], warning: false };
      return { reply: form(rows, { text: texts.scheduling.fixProblems, tone: 'attention' }) };
    }

    const id = appointmentIdFor(trajectory.id, step.kind, step.cycle);
    const existing = await appointments.get(actor.tenantId, actor.schoolId, id);
    const context = await this.slotContext(actor, trajectory, id, step.kind, step.cycle);
    const validation = validateSlots(input.slots, context);
    if (!validation.ok) {
      const rows: Record<number, { text: string; warning: boolean }> = {};
      let general: string = texts.scheduling.fixProblems;
      for (const problem of validation.problems) {
        const text = texts.slotChecks.problem[problem.code];
        if (problem.slot < 0) general = text;
        else rows[problem.slot + 1] ??= { text, warning: false };
      }
      return { reply: form(rows, { text: general, tone: 'attention' }) };
    }
    if (validation.warnings.length > 0 && raw.confirmWarnings !== 'true') {
      const rows: Record<number, { text: string; warning: boolean }> = {};
      for (const warning of validation.warnings) rows[warning.slot + 1] = { text: texts.slotChecks.warning[warning.code], warning: true };
      return { reply: form(rows, { text: texts.scheduling.warningsFirst, tone: 'warning' }, true) };
    }

    const at = now();
    const before = existing && isActive(existing.appointment) ? existing.appointment : undefined;
    // A confirmed moment stays in both calendars until a new one is chosen: remember it, so it can be cancelled there.
    const replaced = before?.status === 'confirmed' ? before.chosen : before?.replaced;
    const appointment: Appointment = {
      id,
      trajectoryId: trajectory.id,
      schoolId: trajectory.schoolId,
      kind: step.kind,
      cycle: step.cycle,
      isFinalTalk: step.isFinalTalk,
      svibberId: actor.userId,
      teacherId: trajectory.teacher.userId,
      svibberName: actor.name,
      teacherName: trajectory.teacher.name,
      status: 'proposed',
      proposedSlots: input.slots,
      ...(replaced ? { replaced } : {}),
      sequence: existing ? existing.appointment.sequence + 1 : 0,
      createdAt: existing?.appointment.createdAt ?? at,
      updatedAt: at,
    };
    const announce = async () => {
      if (before) {
        const change = { tenantId: actor.tenantId, before, after: appointment, byName: actor.name };
        // A confirmed moment lapses in both calendars; earlier proposals only on the teacher's card.
        if (before.status === 'confirmed' && before.chosen) await this.options.notices.confirmedMoved(change);
        else await this.options.notices.proposalSuperseded(change);
      }
      await this.options.notices.slotsProposed(actor.tenantId, appointment, trajectory);
    };
    const { changeId, check } = appointmentChange(actor.tenantId, appointment);
    try {
      const written = await this.options.changes.withChange(
        check,
        announce,
        async () => (existing ? (await appointments.update(existing, appointment, { newTime: true, changeId }), true) : appointments.create(actor.tenantId, appointment, changeId)),
        (wasWritten) => wasWritten,
      );
      if (!written) return { reply: texts.trajectory.changedMeanwhile };
    } catch (error) {
      if (error instanceof AppointmentChangedError) return { reply: texts.trajectory.changedMeanwhile };
      throw error;
    }
    return { reply: appointmentReply(appointment, trajectory.teacher.name, { kind: 'proposed' }), appointment };
  }

  /** The teacher picks a slot. Of two clicks (two slots, two devices) exactly one confirms. */
  async choose(actor: Actor, appointmentId: string, slotIndex: number, sequence: string): Promise<SchedulingReply> {
    const { texts, appointments, now } = this.options;
    for (let attempt = 0; attempt < 5; attempt++) {
      const stored = await this.asParty(actor, appointmentId, 'teacher');
      if (!stored) return texts.scheduling.notFound;
      const { appointment } = stored;
      const svibberName = this.nameOf(stored, appointment.svibberId);
      if (appointment.status === 'confirmed' && appointment.chosen) {
        return appointmentReply(appointment, svibberName, { kind: 'notice', text: fillIn(texts.scheduling.alreadyChosen, { slot: formatSlot(appointment.chosen) }) });
      }
      const slot = appointment.proposedSlots[slotIndex];
      if (appointment.status !== 'proposed' || String(appointment.sequence) !== sequence || !slot) {
        return appointmentReply(appointment, svibberName, { kind: 'notice', text: texts.scheduling.notProposedAnymore });
      }
      // After a cancelled moment, calendars take the new one only with a higher sequence.
      const { replaced, ...rest } = appointment;
      const confirmed: Appointment = { ...rest, status: 'confirmed', chosen: slot, sequence: replaced ? appointment.sequence + 1 : appointment.sequence, updatedAt: now() };
      const { changeId, check } = appointmentChange(actor.tenantId, confirmed);
      try {
        await this.options.changes.withChange(
          check,
          () => this.options.notices.slotChosen({ tenantId: actor.tenantId, before: appointment, after: confirmed, byName: actor.name }),
          () => appointments.update(stored, confirmed, { changeId }),
        );
      } catch (error) {
        if (error instanceof AppointmentChangedError) continue;
        throw error;
      }
      return appointmentReply(confirmed, svibberName, { kind: 'confirmed', calendarUrl: this.options.calendarUrlFor(actor.tenantId, confirmed, actor.userId) });
    }
    return texts.trajectory.changedMeanwhile;
  }

  /** The teacher asks for other times; the SVIB'er gets the Plan form again. */
  async askOtherTimes(actor: Actor, appointmentId: string, message: string): Promise<SchedulingReply> {
    const { texts } = this.options;
    const stored = await this.asParty(actor, appointmentId, 'teacher');
    if (!stored || stored.appointment.status !== 'proposed') return texts.scheduling.notFound;
    const { appointment } = stored;
    const svibberName = this.nameOf(stored, appointment.svibberId);
    await this.options.notices.otherTimesAsked(actor.tenantId, appointment, actor.name, message.trim().slice(0, 300));
    await this.sendPlanForm(actor.tenantId, appointment);
    return appointmentReply(appointment, svibberName, { kind: 'askedOther' });
  }

  /** Either side moves a confirmed appointment: the SVIB'er proposes new moments. */
  async move(actor: Actor, appointmentId: string): Promise<SchedulingReply> {
    const { texts } = this.options;
    const stored = await this.asParty(actor, appointmentId, 'either');
    if (!stored) return texts.scheduling.notFound;
    // A card from before the last change: say so, rather than that the appointment does not exist.
    if (stored.appointment.status === 'proposed' || stored.appointment.status === 'cancelled') return texts.scheduling.alreadyMoved;
    if (stored.appointment.status !== 'confirmed' || !stored.appointment.chosen) return texts.scheduling.notFound;
    const { appointment } = stored;
    if (actor.userId === appointment.svibberId) {
      const trajectory = await this.ownTrajectory(actor, appointment.trajectoryId);
      return trajectory ? this.planFormFor(trajectory, appointment.chosen) : texts.trajectory.notFound;
    }
    const svibberName = this.nameOf(stored, appointment.svibberId);
    await this.options.notices.moveAsked(actor.tenantId, appointment, actor.name);
    await this.sendPlanForm(actor.tenantId, appointment);
    return appointmentReply(appointment, svibberName, { kind: 'askedOther' });
  }

  /** Either side cancels; the other is told, both calendars can drop the item, and the step is planned anew. */
  async cancel(actor: Actor, appointmentId: string): Promise<SchedulingReply> {
    const { texts, appointments, now } = this.options;
    const stored = await this.asParty(actor, appointmentId, 'either');
    if (!stored) return texts.scheduling.notFound;
    if (stored.appointment.status === 'cancelled') return texts.scheduling.alreadyMoved;
    if (!isActive(stored.appointment)) return texts.scheduling.notFound;
    const { appointment } = stored;
    const cancelled: Appointment = { ...appointment, status: 'cancelled', sequence: appointment.sequence + 1, updatedAt: now() };
    const otherId = actor.userId === appointment.teacherId ? appointment.svibberId : appointment.teacherId;
    const otherName = this.nameOf(stored, otherId);
    const { changeId, check } = appointmentChange(actor.tenantId, cancelled);
    try {
      await this.options.changes.withChange(
        check,
        async () => {
          await this.options.notices.cancelled({ tenantId: actor.tenantId, before: appointment, after: cancelled, byName: actor.name, otherId });
          await this.sendPlanForm(actor.tenantId, cancelled);
        },
        () => appointments.update(stored, cancelled, { changeId }),
      );
    } catch (error) {
      if (error instanceof AppointmentChangedError) return texts.trajectory.changedMeanwhile;
      throw error;
    }
    // A proposal nobody chose from yet is withdrawn, not cancelled: no moment was in anyone's calendar.
    const inCalendar = slotInCalendar(appointment);
    return appointmentReply(cancelled, otherName, inCalendar ? { kind: 'cancelled', calendarUrl: this.options.calendarUrlFor(actor.tenantId, cancelled, actor.userId) } : { kind: 'withdrawn' });
  }

  /** The begeleider marks the appointment done: the trajectory moves on and the next step can be planned. */
  async markDone(actor: Actor, appointmentId: string, raw: Record<string, unknown>): Promise<SchedulingReply> {
    const { texts, appointments, now, trajectories } = this.options;
    const stored = await this.asParty(actor, appointmentId, 'svibber');
    if (!stored) return texts.scheduling.notFound;
    const { appointment } = stored;
    const teacherName = this.nameOf(stored, appointment.teacherId);
    if (appointment.status === 'done') return appointmentReply(appointment, teacherName, { kind: 'done' });
    if (appointment.status !== 'confirmed') return texts.scheduling.notFound;
    if (isBeforeAppointment(appointment, now())) return appointmentReply(appointment, teacherName, { kind: 'notice', text: this.tooEarlyText(appointment) });
    const text = (field: string, max: number) => (typeof raw[field] === 'string' ? String(raw[field]).trim().slice(0, max) : '') || undefined;
    const done: Appointment = { ...appointment, status: 'done', privateNote: text('note', 2000), agreements: text('agreements', 2000), updatedAt: now() };
    const { changeId, check } = appointmentChange(actor.tenantId, done);
    try {
      await this.options.changes.withChange(
        check,
        async () => {
          if (done.agreements) await this.options.notices.agreementsMade(actor.tenantId, done);
        },
        () => appointments.update(stored, done, { changeId }),
      );
    } catch (error) {
      if (error instanceof AppointmentChangedError) return texts.trajectory.changedMeanwhile;
      throw error;
    }
    const cycles = raw.cycles === undefined ? undefined : Number(raw.cycles);
    let trajectory: Trajectory | undefined;
    for (const command of commandsOnDone(done, cycles)) {
      const outcome = await trajectories.run(actor, appointment.trajectoryId, command);
      if (outcome.kind !== 'done') return outcome.kind === 'refused' ? texts.trajectories.refusal[outcome.reason] : texts.trajectory.notFound;
      trajectory = outcome.trajectory;
    }
    // The next step's form follows from the trajectory as the commands left it: sent after them.
    if (trajectory && appointmentToPlan(trajectory)) await this.sendPlanForm(actor.tenantId, done);
    return appointmentReply(done, teacherName, { kind: 'done' });
  }

  /** Sent by the bot itself, so only to the trajectory's current begeleider. */
  private async sendPlanForm(tenantId: string, appointment: Appointment): Promise<void> {
    const stored = await this.options.trajectoryStore.get(tenantId, appointment.schoolId, appointment.trajectoryId);
    if (!stored || stored.trajectory.svibber?.userId !== appointment.svibberId) return;
    const form = this.nextStepForm(stored.trajectory);
    if (form) await this.options.notices.nextStepToPlan(tenantId, appointment.svibberId, form);
  }

  private async ownTrajectory(actor: Actor, trajectoryId: string): Promise<Trajectory | undefined> {
    const trajectory = await this.options.trajectories.find(actor, trajectoryId);
    return trajectory && isAssignedSvibber(trajectory, actor) ? trajectory : undefined;
  }

  /** The appointment, looked up in the actor's own school, when the actor is the party asked for. */
  private async asParty(actor: Actor, appointmentId: string, party: 'teacher' | 'svibber' | 'either'): Promise<StoredAppointment | undefined> {
    const stored = await this.options.appointments.get(actor.tenantId, actor.schoolId, appointmentId);
    if (!stored) return undefined;
    const { teacherId, svibberId } = stored.appointment;
    const allowed = party === 'teacher' ? actor.userId === teacherId : party === 'svibber' ? actor.userId === svibberId : actor.userId === teacherId || actor.userId === svibberId;
    return allowed ? stored : undefined;
  }

  private nameOf(stored: StoredAppointment, userId: string): string {
    return userId === stored.appointment.teacherId ? stored.appointment.teacherName : stored.appointment.svibberName;
  }

  private async slotContext(actor: Actor, trajectory: Trajectory, appointmentId: string, kind: Appointment['kind'], cycle: number) {
    const { appointments, now, schoolHours } = this.options;
    const busy = (await appointments.listActiveForSvibber(actor.tenantId, actor.schoolId, actor.userId))
      .filter((stored) => stored.appointment.id !== appointmentId)
      .flatMap(({ appointment }) => (appointment.chosen ? [appointment.chosen] : appointment.proposedSlots))
      .map((slot: Slot) => ({ start: slot.start, end: endOf(slot) }));
    const earlier = (await appointments.listForTrajectory(actor.tenantId, actor.schoolId, trajectory.id)).filter(
      ({ appointment }) => appointment.id !== appointmentId && appointment.chosen && (appointment.status === 'done' || appointment.status === 'confirmed'),
    );
    const ends = earlier.map(({ appointment }) => endOf(appointment.chosen!).getTime());
    const recording = kind === 'nagesprek' ? earlier.find(({ appointment }) => appointment.kind === 'opname' && appointment.cycle === cycle) : undefined;
    return {
      now: now(),
      schoolHours,
      busy,
      notBefore: ends.length > 0 ? new Date(Math.max(...ends)) : undefined,
      recordingEnd: recording?.appointment.chosen ? endOf(recording.appointment.chosen) : undefined,
    };
  }
}
