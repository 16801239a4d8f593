import { createHash } from 'node:crypto';
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
import { trajectoryEventCheck } from '../../domain/deliveries/heldDeliveries';
import { TrajectoryChangedError, type TrajectoryRepository } from '../../storage/trajectories/TrajectoryRepository';
import type { AnnouncedChanges } from '../notifications/Deliveries';
import type { Actor, SchoolDirectory } from '../schools/SchoolDirectory';
import type { TrajectoryNotices } from './trajectoryNotices';

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
  notices: TrajectoryNotices;
  /** Writes a change together with the messages that announce it, so a crash loses neither half. */
  changes: AnnouncedChanges;
  now: () => Date;
}

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
    const stored = await this.options.changes.withChange(
      trajectoryEventCheck(actor.tenantId, created.trajectory),
      () => this.announceToSvibbers(actor.tenantId, created.trajectory),
      () => trajectories.create(actor.tenantId, created.trajectory, now()),
      (wasCreated) => wasCreated,
    );
    if (!stored) {
      const raced = await trajectories.get(actor.tenantId, actor.schoolId, trajectoryId);
      return { kind: 'alreadySubmitted', trajectory: raced?.trajectory ?? created.trajectory };
    }
    await this.options.directory.pinSchool(actor);
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
    const stored = await this.options.changes.withChange(
      trajectoryEventCheck(actor.tenantId, created.trajectory),
      () => this.options.notices.proposed(actor.tenantId, created.trajectory),
      () => trajectories.create(actor.tenantId, created.trajectory, now()),
      (wasCreated) => wasCreated,
    );
    if (!stored) return { kind: 'alreadySubmitted', trajectory: created.trajectory };
    await directory.pinPerson(actor.tenantId, teacher.userId, actor.schoolId);
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
        await this.options.changes.withChange(
          trajectoryEventCheck(actor.tenantId, result.trajectory),
          () => this.tellOthers(actor, stored.trajectory, result.trajectory, result.event),
          () => trajectories.update(actor.tenantId, stored, result.trajectory, now()),
        );
      } catch (error) {
        if (error instanceof TrajectoryChangedError) continue;
        throw error;
      }
      return { kind: 'done', trajectory: result.trajectory, event: result.event };
    }
    throw new Error(`trajectory ${trajectoryId} kept changing; gave up`);
  }

  /** A request nobody took up yet, reminded once to the SVIB'ers (tracked cards are replaced). */
  async remindSvibbers(tenantId: string, trajectory: Trajectory): Promise<void> {
    await this.options.notices.requestReminded(tenantId, trajectory, await this.svibbersToTell(tenantId, trajectory));
  }

  private async announceToSvibbers(tenantId: string, trajectory: Trajectory): Promise<void> {
    await this.options.notices.requestOpened(tenantId, trajectory, await this.svibbersToTell(tenantId, trajectory));
  }

  /** Every SVIB'er of the school but the teacher herself. */
  private async svibbersToTell(tenantId: string, trajectory: Trajectory): Promise<string[]> {
    const svibbers = await this.options.directory.holdersOf(tenantId, trajectory.schoolId, 'svibber');
    return svibbers.map((svibber) => svibber.userId).filter((userId) => userId !== trajectory.teacher.userId);
  }

  /** Who else hears of a change, decided from the trajectory before and after it and who made it. */
  private async tellOthers(actor: Actor, before: Trajectory, after: Trajectory, event: TimelineEvent): Promise<void> {
    const { notices } = this.options;
    const { tenantId } = actor;
    const by = { userId: actor.userId, name: actor.name };
    switch (event.what) {
      case 'takenUp':
        return notices.takenUp(tenantId, after, by);
      case 'handedOver':
        if (event.to) await notices.handedOver(tenantId, after, actor.name, event.to);
        return;
      case 'cancelled':
        return notices.stoppedByBegeleider(tenantId, after, actor.name, event.reason ?? '');
      case 'requestDeclined':
        return notices.requestDeclined(tenantId, after, actor.name, event.reason ?? '');
      case 'proposalAccepted':
        await notices.proposalAccepted(tenantId, after);
        if (await this.proposerHearsByName(tenantId, after)) await notices.proposerAnswered(tenantId, after, 'accepted');
        await this.announceToSvibbers(tenantId, after);
        return;
      case 'proposalDeclined':
        if (await this.proposerHearsByName(tenantId, after)) await notices.proposerAnswered(tenantId, after, 'declined');
        return;
      case 'withdrawn':
        return notices.withdrawn(tenantId, after, before.svibber);
      case 'intakeStarted':
      case 'intakeCompleted':
      case 'recordingCompleted':
      case 'afterTalkCompleted':
      case 'finalTalkCompleted':
        // The teacher is kept posted of every step of their own trajectory.
        return notices.stepTaken(tenantId, after, event);
      default:
        return;
    }
  }
}
