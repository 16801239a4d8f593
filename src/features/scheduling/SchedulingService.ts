import { createHash } from 'node:crypto';
import { appointmentCard, chooseSlotCard, planFormCard, preferencesText } from '../../cards/schedulingCards';
import type { AdaptiveCardJson } from '../../cards/renderCard';
import { endOf, isActive, slotInCalendar, type Appointment, type SchoolHours, type Slot } from '../../domain/scheduling/appointment';
import { appointmentOfCommand, appointmentToPlan, commandsOnDone, isBeforeAppointment } from '../../domain/scheduling/nextAppointment';
import { readSlotInput } from '../../domain/scheduling/slotInput';
import { validateSlots } from '../../domain/scheduling/slotValidation';
import { isAssignedSvibber } from '../../domain/trajectories/parties';
import type { Trajectory, TrajectoryCommand } from '../../domain/trajectories/trajectory';
import { AppointmentChangedError, type AppointmentRepository, type StoredAppointment } from '../../storage/appointments/AppointmentRepository';
import { appointmentName, fillIn, formatSlot, type Texts } from '../../texts';
import type { Notifier } from '../notifications/Notifier';
import type { Actor } from '../schools/SchoolDirectory';
import type { TrajectoryService } from '../trajectories/TrajectoryService';
import type { TrajectoryRepository } from '../../storage/trajectories/TrajectoryRepository';

export interface SchedulingServiceOptions {
  appointments: AppointmentRepository;
  trajectories: TrajectoryService;
  trajectoryStore: TrajectoryRepository;
  notifier: Notifier;
  texts: Texts;
  now: () => Date;
  schoolHours: SchoolHours;
  /** A signed, short-lived link to the person's own .ics of this appointment. */
  calendarUrlFor: (tenantId: string, appointment: Appointment, userId: string) => string;
}

/** Cards tracked per appointment, to be updated in place on both sides. */
export const TEACHER_CARD = 'appointmentTeacher';
export const SVIBBER_CARD = 'appointmentSvibber';

type Reply = AdaptiveCardJson | string;

/** One appointment per step of a trajectory: moving it keeps its id, so calendars update one item. */
export function appointmentIdFor(trajectoryId: string, kind: string, cycle: number): string {
  return createHash('sha256').update(`${trajectoryId}\n${kind}\n${cycle}`).digest('hex').slice(0, 32);
}

/** The card with a line on top that says why it is shown instead of what was asked for. */
function withNotice(card: AdaptiveCardJson, text: string): AdaptiveCardJson {
  const body = Array.isArray(card.body) ? card.body : [];
  return { ...card, body: [body[0], { type: 'TextBlock', text, wrap: true, weight: 'Bolder', color: 'Attention' }, ...body.slice(1)] };
}

function rowOf(field: string): number {
  return Number(/(\d)$/.exec(field)?.[1] ?? 1);
}

export class SchedulingService {
  constructor(private readonly options: SchedulingServiceOptions) {}

  /**
   * The Plan card for the trajectory's next step; only its begeleider gets one. A step that has an
   * appointment already is not planned again: she gets that appointment, to move or cancel it.
   */
  async planCard(actor: Actor, trajectoryId: string): Promise<Reply> {
    const trajectory = await this.ownTrajectory(actor, trajectoryId);
    if (!trajectory) return this.options.texts.trajectory.notFound;
    const planned = (await this.plannedSteps(actor, [trajectory])).get(trajectory.id);
    if (planned) {
      const { texts } = this.options;
      const view = planned.status === 'confirmed' ? { kind: 'confirmed' as const, calendarUrl: this.options.calendarUrlFor(actor.tenantId, planned, actor.userId) } : { kind: 'proposed' as const };
      const card = appointmentCard(planned, trajectory.teacher.name, view, texts);
      return withNotice(card, texts.scheduling.alreadyPlanned);
    }
    return this.planCardFor(trajectory);
  }

  private planCardFor(trajectory: Trajectory, moving?: Slot): Reply {
    const step = appointmentToPlan(trajectory);
    if (!step) return this.options.texts.scheduling.nothingToPlan;
    const preferences = preferencesText(trajectory.teacher.name, trajectory.intake, this.options.texts);
    return planFormCard({ trajectoryId: trajectory.id, step, teacherName: trajectory.teacher.name, preferences, moving }, this.options.texts);
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

  async propose(actor: Actor, trajectoryId: string, raw: Record<string, unknown>): Promise<{ reply: Reply; appointment?: Appointment }> {
    const { texts, appointments, now } = this.options;
    const trajectory = await this.ownTrajectory(actor, trajectoryId);
    if (!trajectory) return { reply: texts.trajectory.notFound };
    const step = appointmentToPlan(trajectory);
    if (!step) return { reply: texts.scheduling.nothingToPlan };
    const form = (extra: Parameters<typeof planFormCard>[0]['rowProblems'], notice?: { text: string; tone: 'attention' | 'warning' }, confirmWarnings = false) =>
      planFormCard(
        {
          trajectoryId: trajectory.id,
          step,
          teacherName: trajectory.teacher.name,
          preferences: preferencesText(trajectory.teacher.name, trajectory.intake, texts),
          values: raw,
          rowProblems: extra,
          notice,
          confirmWarnings,
        },
        texts,
      );

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
    if (existing) {
      try {
        await appointments.update(existing, appointment, { newTime: true });
      } catch (error) {
        if (error instanceof AppointmentChangedError) return { reply: texts.trajectory.changedMeanwhile };
        throw error;
      }
    } else if (!(await appointments.create(actor.tenantId, appointment))) return { reply: texts.trajectory.changedMeanwhile };

    if (before) await this.tellReplaced(actor, before, appointment);
    const preferences = preferencesText(trajectory.teacher.name, trajectory.intake, texts, 'teacher');
    await this.options.notifier.sendCard(actor.tenantId, appointment.teacherId, chooseSlotCard(appointment, actor.name, preferences, texts), {
      subject: appointment.id,
      purpose: TEACHER_CARD,
    });
    return { reply: appointmentCard(appointment, trajectory.teacher.name, { kind: 'proposed' }, texts), appointment };
  }

  /** The teacher picks a slot. Of two clicks (two slots, two devices) exactly one confirms. */
  async choose(actor: Actor, appointmentId: string, slotIndex: number, sequence: string): Promise<Reply> {
    const { texts, appointments, now } = this.options;
    for (let attempt = 0; attempt < 5; attempt++) {
      const stored = await this.asParty(actor, appointmentId, 'teacher');
      if (!stored) return texts.scheduling.notFound;
      const { appointment } = stored;
      const svibberName = this.nameOf(stored, appointment.svibberId);
      if (appointment.status === 'confirmed' && appointment.chosen) {
        return appointmentCard(appointment, svibberName, { kind: 'notice', text: fillIn(texts.scheduling.alreadyChosen, { slot: formatSlot(appointment.chosen) }) }, texts);
      }
      const slot = appointment.proposedSlots[slotIndex];
      if (appointment.status !== 'proposed' || String(appointment.sequence) !== sequence || !slot) {
        return appointmentCard(appointment, svibberName, { kind: 'notice', text: texts.scheduling.notProposedAnymore }, texts);
      }
      // After a cancelled moment, calendars take the new one only with a higher sequence.
      const { replaced, ...rest } = appointment;
      const confirmed: Appointment = { ...rest, status: 'confirmed', chosen: slot, sequence: replaced ? appointment.sequence + 1 : appointment.sequence, updatedAt: now() };
      try {
        await appointments.update(stored, confirmed);
      } catch (error) {
        if (error instanceof AppointmentChangedError) continue;
        throw error;
      }
      const teacherName = actor.name;
      await this.options.notifier.updateTracked({ subject: appointment.id, purpose: SVIBBER_CARD }, () =>
        appointmentCard(confirmed, teacherName, { kind: 'confirmed', calendarUrl: this.options.calendarUrlFor(actor.tenantId, confirmed, confirmed.svibberId) }, texts),
      );
      await this.options.notifier.sendText(
        actor.tenantId,
        confirmed.svibberId,
        `${appointmentName(confirmed)} · ${teacherName}: ${fillIn(texts.scheduling.confirmedStatus, { slot: formatSlot(slot) })}`,
      );
      return appointmentCard(confirmed, svibberName, { kind: 'confirmed', calendarUrl: this.options.calendarUrlFor(actor.tenantId, confirmed, actor.userId) }, texts);
    }
    return texts.trajectory.changedMeanwhile;
  }

  /** The teacher asks for other times; the SVIB'er gets the Plan card again. */
  async askOtherTimes(actor: Actor, appointmentId: string, message: string): Promise<Reply> {
    const { texts } = this.options;
    const stored = await this.asParty(actor, appointmentId, 'teacher');
    if (!stored || stored.appointment.status !== 'proposed') return texts.scheduling.notFound;
    const { appointment } = stored;
    const svibberName = this.nameOf(stored, appointment.svibberId);
    await this.options.notifier.sendText(
      actor.tenantId,
      appointment.svibberId,
      fillIn(texts.scheduling.askedOtherNotice, { teacher: actor.name, step: appointmentName(appointment).toLowerCase(), message: message.trim().slice(0, 300) }),
    );
    await this.sendPlanCard(actor.tenantId, appointment);
    return appointmentCard(appointment, svibberName, { kind: 'askedOther' }, texts);
  }

  /** Either side moves a confirmed appointment: the SVIB'er proposes new moments. */
  async move(actor: Actor, appointmentId: string): Promise<Reply> {
    const { texts } = this.options;
    const stored = await this.asParty(actor, appointmentId, 'either');
    if (!stored) return texts.scheduling.notFound;
    // A card from before the last change: say so, rather than that the appointment does not exist.
    if (stored.appointment.status === 'proposed' || stored.appointment.status === 'cancelled') return texts.scheduling.alreadyMoved;
    if (stored.appointment.status !== 'confirmed' || !stored.appointment.chosen) return texts.scheduling.notFound;
    const { appointment } = stored;
    if (actor.userId === appointment.svibberId) {
      const trajectory = await this.ownTrajectory(actor, appointment.trajectoryId);
      return trajectory ? this.planCardFor(trajectory, appointment.chosen) : texts.trajectory.notFound;
    }
    const svibberName = this.nameOf(stored, appointment.svibberId);
    await this.options.notifier.sendText(
      actor.tenantId,
      appointment.svibberId,
      fillIn(texts.scheduling.movedNotice, { name: actor.name, step: appointmentName(appointment).toLowerCase(), slot: formatSlot(appointment.chosen!) }),
    );
    await this.sendPlanCard(actor.tenantId, appointment);
    return appointmentCard(appointment, svibberName, { kind: 'askedOther' }, texts);
  }

  /** Either side cancels; the other is told, both calendars can drop the item, and the step is planned anew. */
  async cancel(actor: Actor, appointmentId: string): Promise<Reply> {
    const { texts, appointments, now } = this.options;
    const stored = await this.asParty(actor, appointmentId, 'either');
    if (!stored) return texts.scheduling.notFound;
    if (stored.appointment.status === 'cancelled') return texts.scheduling.alreadyMoved;
    if (!isActive(stored.appointment)) return texts.scheduling.notFound;
    const { appointment } = stored;
    const cancelled: Appointment = { ...appointment, status: 'cancelled', sequence: appointment.sequence + 1, updatedAt: now() };
    try {
      await appointments.update(stored, cancelled);
    } catch (error) {
      if (error instanceof AppointmentChangedError) return texts.trajectory.changedMeanwhile;
      throw error;
    }
    const otherId = actor.userId === appointment.teacherId ? appointment.svibberId : appointment.teacherId;
    const otherName = this.nameOf(stored, otherId);
    const step = appointmentName(appointment).toLowerCase();
    const inCalendar = slotInCalendar(appointment);
    const calendarUrl = (userId: string) => (inCalendar ? this.options.calendarUrlFor(actor.tenantId, cancelled, userId) : '');
    // A proposal nobody chose from yet is withdrawn, not cancelled: no moment was in anyone's calendar.
    const withdrawn = !inCalendar;
    await this.options.notifier.sendText(
      actor.tenantId,
      otherId,
      withdrawn ? fillIn(texts.scheduling.proposalWithdrawnNotice, { name: actor.name, step }) : fillIn(texts.scheduling.cancelledNotice, { name: actor.name, step, slot: formatSlot(inCalendar) }),
    );
    const otherPurpose = otherId === appointment.teacherId ? TEACHER_CARD : SVIBBER_CARD;
    await this.options.notifier.updateTracked({ subject: appointment.id, purpose: otherPurpose }, () =>
      appointmentCard(cancelled, actor.name, withdrawn ? { kind: 'withdrawn' } : { kind: 'cancelled', calendarUrl: calendarUrl(otherId) }, texts),
    );
    await this.sendPlanCard(actor.tenantId, cancelled);
    return appointmentCard(cancelled, otherName, withdrawn ? { kind: 'withdrawn' } : { kind: 'cancelled', calendarUrl: calendarUrl(actor.userId) }, texts);
  }

  /** The begeleider marks the appointment done: the trajectory moves on and the next step can be planned. */
  async markDone(actor: Actor, appointmentId: string, raw: Record<string, unknown>): Promise<Reply> {
    const { texts, appointments, now, trajectories } = this.options;
    const stored = await this.asParty(actor, appointmentId, 'svibber');
    if (!stored) return texts.scheduling.notFound;
    const { appointment } = stored;
    const teacherName = this.nameOf(stored, appointment.teacherId);
    if (appointment.status === 'done') return appointmentCard(appointment, teacherName, { kind: 'done' }, texts);
    if (appointment.status !== 'confirmed') return texts.scheduling.notFound;
    if (isBeforeAppointment(appointment, now())) return appointmentCard(appointment, teacherName, { kind: 'notice', text: this.tooEarlyText(appointment) }, texts);
    const text = (field: string, max: number) => (typeof raw[field] === 'string' ? String(raw[field]).trim().slice(0, max) : '') || undefined;
    const done: Appointment = { ...appointment, status: 'done', privateNote: text('note', 2000), agreements: text('agreements', 2000), updatedAt: now() };
    try {
      await appointments.update(stored, done);
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
    if (done.agreements) {
      await this.options.notifier.sendText(actor.tenantId, appointment.teacherId, fillIn(texts.scheduling.agreementsNotice, { step: appointmentName(done).toLowerCase(), agreements: done.agreements }));
    }
    if (trajectory && appointmentToPlan(trajectory)) await this.sendPlanCard(actor.tenantId, done);
    return appointmentCard(done, teacherName, { kind: 'done' }, texts);
  }

  /**
   * A new proposal replaces an earlier one: the old cards of both are updated in place (a confirmed
   * moment lapses, with a link that takes it out of the calendar) and the teacher is told why.
   */
  private async tellReplaced(actor: Actor, before: Appointment, after: Appointment): Promise<void> {
    const { notifier, texts, calendarUrlFor } = this.options;
    const { tenantId } = actor;
    if (before.status === 'confirmed' && before.chosen) {
      const step = appointmentName(before).toLowerCase();
      await notifier.updateTracked({ subject: after.id, purpose: TEACHER_CARD }, (userId) =>
        appointmentCard(after, after.svibberName, { kind: 'moved', calendarUrl: calendarUrlFor(tenantId, after, userId) }, texts),
      );
      await notifier.updateTracked({ subject: after.id, purpose: SVIBBER_CARD }, (userId) =>
        appointmentCard(after, after.teacherName, { kind: 'moved', calendarUrl: calendarUrlFor(tenantId, after, userId) }, texts),
      );
      await notifier.sendText(tenantId, after.teacherId, fillIn(texts.scheduling.replacedNotice, { name: actor.name, step, slot: formatSlot(before.chosen) }));
      return;
    }
    await notifier.updateTracked({ subject: after.id, purpose: TEACHER_CARD }, () => appointmentCard(before, after.svibberName, { kind: 'superseded' }, texts));
  }

  /** Sent by the bot itself, so only to the trajectory's current begeleider. */
  private async sendPlanCard(tenantId: string, appointment: Appointment): Promise<void> {
    const stored = await this.options.trajectoryStore.get(tenantId, appointment.schoolId, appointment.trajectoryId);
    if (!stored || stored.trajectory.svibber?.userId !== appointment.svibberId) return;
    const card = this.planCardFor(stored.trajectory);
    if (typeof card !== 'string') await this.options.notifier.sendCard(tenantId, appointment.svibberId, card);
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
