import { createHash } from 'node:crypto';
import { newRequestCard, proposalCard, type NewRequestStatus } from '../../cards/trajectoryCards';
import { readProposalForm, type ProposalField, type ProposalProblem } from '../../domain/trajectories/proposalForm';
import { compareByNextStep } from '../../domain/trajectories/nextStep';
import { createTrajectory } from '../../domain/trajectories/createTrajectory';
import { validateIntakeForm, type IntakeErrors } from '../../domain/trajectories/intakeForm';
import { isSvibber } from '../../domain/trajectories/parties';
import { applyCommand } from '../../domain/trajectories/transitions';
import type { RefusalReason, TimelineEvent, Trajectory, TrajectoryCommand } from '../../domain/trajectories/trajectory';
import { visibilityFor } from '../../domain/trajectories/visibility';
import { proposalFiguresOf, type ProposalFigures } from '../../domain/trajectories/proposalFigures';
import { hasRole } from '../../domain/schools/roles';
import { TrajectoryChangedError, type TrajectoryRepository } from '../../storage/trajectories/TrajectoryRepository';
import { fillIn, type Texts, timelineText } from '../../texts';
import type { Notifier } from '../notifications/Notifier';
import type { Actor, SchoolDirectory } from '../schools/SchoolDirectory';

export type RequestOutcome =
  | { kind: 'invalid'; errors: IntakeErrors }
  | { kind: 'created'; trajectory: Trajectory }
  | { kind: 'alreadySubmitted'; trajectory: Trajectory };

export type ProposeOutcome =
  | { kind: 'invalid'; errors: Partial<Record<ProposalField, ProposalProblem>> }
  | { kind: 'teacherUnknown' }
  | { kind: 'refused'; reason: RefusalReason }
  | { kind: 'created'; trajectory: Trajectory }
  | { kind: 'alreadySubmitted'; trajectory: Trajectory };

export type AcceptOutcome = RequestOutcome | { kind: 'refused'; reason: RefusalReason } | { kind: 'notFound' };

export type CommandOutcome =
  | { kind: 'done'; trajectory: Trajectory; event: TimelineEvent }
  | { kind: 'refused'; reason: RefusalReason; trajectory: Trajectory }
  /** Unknown here, or not visible to this actor: the two are told apart by nobody. */
  | { kind: 'notFound' };

export interface TrajectoryServiceOptions {
  trajectories: TrajectoryRepository;
  directory: SchoolDirectory;
  notifier: Notifier;
  texts: Texts;
  now: () => Date;
}

/** The cards about an open request, each tracked so it can be updated in place. */
const NEW_REQUEST = 'newRequest';
const NEW_REQUEST_REMINDER = 'newRequestReminder';
const PROPOSAL = 'proposal';

/**
 * A form submit gets its trajectory id from the form instance and the submitter, so sending the
 * same form twice (or Teams redelivering it) lands on the same trajectory, and no submit can
 * name somebody else's trajectory.
 */
export function trajectoryIdFor(userId: string, formId: string): string {
  return createHash('sha256').update(`${userId}\n${formId}`).digest('hex').slice(0, 32);
}

/** The trajectory use cases: domain rules, storage with optimistic concurrency, and who is told what. */
export class TrajectoryService {
  constructor(private readonly options: TrajectoryServiceOptions) {}

  async requestSupport(actor: Actor, formId: string, raw: unknown): Promise<RequestOutcome> {
    const { trajectories, now } = this.options;
    const validated = validateIntakeForm(raw);
    if (!validated.ok) return { kind: 'invalid', errors: validated.errors };

    const trajectoryId = trajectoryIdFor(actor.userId, formId);
    const existing = await trajectories.get(actor.tenantId, actor.schoolId, trajectoryId);
    if (existing) return { kind: 'alreadySubmitted', trajectory: existing.trajectory };

    const created = createTrajectory({ type: 'request', trajectoryId, schoolId: actor.schoolId, intake: validated.value }, actor, now());
    if (!created.ok) throw new Error(`a teacher's own request cannot be refused (${created.reason})`);
    if (!(await trajectories.create(actor.tenantId, created.trajectory, now()))) {
      const raced = await trajectories.get(actor.tenantId, actor.schoolId, trajectoryId);
      return { kind: 'alreadySubmitted', trajectory: raced?.trajectory ?? created.trajectory };
    }
    await this.options.directory.pinSchool(actor);
    await this.announceToSvibbers(actor.tenantId, created.trajectory);
    return { kind: 'created', trajectory: created.trajectory };
  }

  /** A directie member or SVIB'er proposes a trajectory; it starts only when the teacher accepts. */
  async propose(actor: Actor, formId: string, raw: Record<string, unknown>): Promise<ProposeOutcome> {
    const { trajectories, directory, now } = this.options;
    const form = readProposalForm(raw);
    if (!form.ok) return { kind: 'invalid', errors: form.errors };
    const trajectoryId = trajectoryIdFor(actor.userId, formId);
    const existing = await trajectories.get(actor.tenantId, actor.schoolId, trajectoryId);
    if (existing) return { kind: 'alreadySubmitted', trajectory: existing.trajectory };
    const teacher = await directory.findPerson(actor.tenantId, form.value.teacher);
    if (!teacher || (teacher.schoolId && teacher.schoolId !== actor.schoolId)) return { kind: 'teacherUnknown' };

    const { goal, helpQuestionKind, focus } = form.value;
    const created = createTrajectory(
      { type: 'propose', trajectoryId, schoolId: actor.schoolId, teacher: { userId: teacher.userId, name: teacher.name }, goal, helpQuestionKind, focus },
      actor,
      now(),
    );
    if (!created.ok) return { kind: 'refused', reason: created.reason };
    if (!(await trajectories.create(actor.tenantId, created.trajectory, now()))) return { kind: 'alreadySubmitted', trajectory: created.trajectory };
    await directory.pinPerson(actor.tenantId, teacher.userId, actor.schoolId);
    await this.options.notifier.sendCard(actor.tenantId, teacher.userId, proposalCard(created.trajectory, '', this.options.texts), {
      subject: trajectoryId,
      purpose: PROPOSAL,
    });
    return { kind: 'created', trajectory: created.trajectory };
  }

  /** How this proposer's proposals went, as figures only. */
  async proposalFigures(actor: Actor): Promise<ProposalFigures> {
    return proposalFiguresOf(await this.options.trajectories.listAtSchool(actor.tenantId, actor.schoolId), actor.userId);
  }

  /**
   * Whether a proposer hears by name that a teacher took part or not. Directie never does: it sees
   * figures only (on its proposal form), and even a message without a name would tell, by its
   * moment, whose answer just came in. An SVIB'er who proposed does hear it: an accepted proposal
   * becomes a request that every SVIB'er of the school sees by name anyway, a refusal tells the
   * coach not to wait for it, and an SVIB'er is bound to confidentiality and apart from assessment.
   */
  private async proposerHearsByName(tenantId: string, trajectory: Trajectory): Promise<boolean> {
    const proposer = trajectory.proposal?.by;
    if (!proposer) return false;
    const { roles } = await this.options.directory.subjectFor(tenantId, trajectory.schoolId, proposer.userId);
    return !hasRole(roles, 'directie');
  }

  /** The teacher takes part: their own intake answers turn the proposal into a request. */
  async acceptProposal(actor: Actor, trajectoryId: string, raw: unknown): Promise<AcceptOutcome> {
    const validated = validateIntakeForm(raw);
    if (!validated.ok) return { kind: 'invalid', errors: validated.errors };
    const outcome = await this.run(actor, trajectoryId, { type: 'acceptProposal', intake: validated.value });
    if (outcome.kind === 'done') return { kind: 'created', trajectory: outcome.trajectory };
    if (outcome.kind === 'refused' && outcome.trajectory.intake) return { kind: 'alreadySubmitted', trajectory: outcome.trajectory };
    return outcome.kind === 'refused' ? { kind: 'refused', reason: outcome.reason } : outcome;
  }

  /** The trajectory as far as this actor may see it; anything else is "not found". */
  async find(actor: Actor, trajectoryId: string): Promise<Trajectory | undefined> {
    const stored = await this.options.trajectories.get(actor.tenantId, actor.schoolId, String(trajectoryId));
    if (!stored || visibilityFor(stored.trajectory, actor) === 'none') return undefined;
    return stored.trajectory;
  }

  async myTrajectories(actor: Actor): Promise<Trajectory[]> {
    const own = await this.options.trajectories.listForTeacher(actor.tenantId, actor.schoolId, actor.userId);
    return own.sort(compareByNextStep);
  }

  /** For SVIB'ers: open requests of the school (not their own) and the trajectories they guide. */
  async myGuidance(actor: Actor): Promise<{ open: Trajectory[]; own: Trajectory[] } | undefined> {
    if (!isSvibber(actor)) return undefined;
    const { trajectories } = this.options;
    const [open, own] = await Promise.all([
      trajectories.listInPhase(actor.tenantId, actor.schoolId, 'aangevraagd'),
      trajectories.listForSvibber(actor.tenantId, actor.schoolId, actor.userId),
    ]);
    return { open: open.filter((t) => t.teacher.userId !== actor.userId).sort(compareByNextStep), own: own.sort(compareByNextStep) };
  }

  /**
   * Runs one command against the stored trajectory. When someone else changed it in between, the
   * command is decided again on the fresh state, so of two racing SVIB'ers exactly one takes it up.
   */
  async run(actor: Actor, trajectoryId: string, command: TrajectoryCommand): Promise<CommandOutcome> {
    const { trajectories, now } = this.options;
    for (let attempt = 0; attempt < 5; attempt++) {
      const stored = await trajectories.get(actor.tenantId, actor.schoolId, String(trajectoryId));
      // An SVIB'er who was a moment too late to take a request up learns who was first.
      const lateTakeUp = command.type === 'takeUp' && isSvibber(actor);
      if (!stored || (visibilityFor(stored.trajectory, actor) === 'none' && !lateTakeUp)) return { kind: 'notFound' };
      const result = applyCommand(stored.trajectory, command, actor, now());
      if (!result.ok) return { kind: 'refused', reason: result.reason, trajectory: result.trajectory };
      try {
        await trajectories.update(actor.tenantId, stored, result.trajectory, now());
      } catch (error) {
        if (error instanceof TrajectoryChangedError) continue;
        throw error;
      }
      await this.tellOthers(actor, stored.trajectory, result.trajectory, result.event);
      return { kind: 'done', trajectory: result.trajectory, event: result.event };
    }
    throw new Error(`trajectory ${trajectoryId} kept changing; gave up`);
  }

  /** A request nobody took up yet, reminded once to the SVIB'ers (tracked cards are replaced). */
  async remindSvibbers(tenantId: string, trajectory: Trajectory): Promise<void> {
    await this.announceToSvibbers(tenantId, trajectory, { kind: 'reminder' });
  }

  private async announceToSvibbers(tenantId: string, trajectory: Trajectory, status: NewRequestStatus = { kind: 'open' }): Promise<void> {
    const svibbers = await this.options.directory.holdersOf(tenantId, trajectory.schoolId, 'svibber');
    const card = newRequestCard(trajectory, status, this.options.texts);
    const purpose = status.kind === 'reminder' ? NEW_REQUEST_REMINDER : NEW_REQUEST;
    await Promise.all(
      svibbers
        .filter((svibber) => svibber.userId !== trajectory.teacher.userId)
        .map((svibber) => this.options.notifier.sendCard(tenantId, svibber.userId, card, { subject: trajectory.id, purpose })),
    );
  }

  private async updateRequestCards(trajectory: Trajectory, statusFor: (userId: string) => NewRequestStatus): Promise<void> {
    for (const purpose of [NEW_REQUEST, NEW_REQUEST_REMINDER]) {
      await this.options.notifier.updateTracked({ subject: trajectory.id, purpose }, (userId) => newRequestCard(trajectory, statusFor(userId), this.options.texts));
    }
  }

  private async tellOthers(actor: Actor, before: Trajectory, after: Trajectory, event: TimelineEvent): Promise<void> {
    const { notifier, texts } = this.options;
    switch (event.what) {
      case 'takenUp':
        await notifier.sendText(actor.tenantId, after.teacher.userId, fillIn(texts.request.takenUpByNotice, { name: actor.name }));
        await this.updateRequestCards(after, (userId) => (userId === actor.userId ? { kind: 'takenByYou' } : { kind: 'takenBy', name: actor.name }));
        return;
      case 'handedOver':
        if (event.to) {
          await notifier.sendText(actor.tenantId, after.teacher.userId, fillIn(texts.request.handedOverNotice, { name: event.to.name }));
          await notifier.sendText(actor.tenantId, event.to.userId, fillIn(texts.svibber.newAssignment, { from: actor.name, teacher: after.teacher.name }));
        }
        return;
      case 'cancelled':
        await notifier.sendText(actor.tenantId, after.teacher.userId, fillIn(texts.request.cancelledBySvibberNotice, { name: actor.name, reason: event.reason ?? '' }));
        return;
      case 'requestDeclined':
        await notifier.sendText(actor.tenantId, after.teacher.userId, fillIn(texts.request.declinedNotice, { name: actor.name, reason: event.reason ?? '' }));
        await this.updateRequestCards(after, () => ({ kind: 'declined', name: actor.name }));
        return;
      case 'proposalAccepted':
        await this.options.notifier.updateTracked({ subject: after.id, purpose: PROPOSAL }, () => proposalCard(after, 'accepted', texts));
        if (after.proposal && (await this.proposerHearsByName(actor.tenantId, after))) {
          await notifier.sendText(actor.tenantId, after.proposal.by.userId, fillIn(texts.proposal.acceptedNotice, { teacher: after.teacher.name }));
        }
        await this.announceToSvibbers(actor.tenantId, after);
        return;
      case 'proposalDeclined':
        if (after.proposal && (await this.proposerHearsByName(actor.tenantId, after))) {
          await notifier.sendText(actor.tenantId, after.proposal.by.userId, fillIn(texts.proposal.declinedNotice, { teacher: after.teacher.name }));
        }
        return;
      case 'withdrawn':
        if (before.svibber) {
          await notifier.sendText(actor.tenantId, before.svibber.userId, fillIn(texts.request.withdrawnNotice, { teacher: after.teacher.name }));
        } else {
          await this.updateRequestCards(after, () => ({ kind: 'withdrawn' }));
        }
        return;
      case 'intakeStarted':
      case 'intakeCompleted':
      case 'recordingCompleted':
      case 'afterTalkCompleted':
      case 'finalTalkCompleted':
        // The teacher is kept posted of every step of their own trajectory.
        await notifier.sendText(actor.tenantId, after.teacher.userId, timelineText(event));
        return;
      default:
        return;
    }
  }
}
