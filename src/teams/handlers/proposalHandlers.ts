import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { cardVerbs } from '../../cards/cardVerbs';
import { renderCard } from '../../cards/renderCard';
import { intakeFormCard, intakeSummaryCard, proposalCard, proposalFormCard } from '../../cards/trajectoryCards';
import { hasRole } from '../../domain/schools/roles';
import type { ProposalField, ProposalProblem } from '../../domain/trajectories/proposalForm';
import type { Actor } from '../../features/schools/SchoolDirectory';
import { fillIn, type Texts } from '../../texts';
import type { BotDependencies } from '../botDependencies';
import { actorOf } from '../actorOf';
import { sendCard, sendText } from '../replies';
import { teamRoster } from '../roster';
import type { SvibTurnState } from '../svibTurnState';
import { cardActionsOf, idFrom } from './cardData';

function mayPropose(actor: Actor): boolean {
  return hasRole(actor.roles, 'directie') || hasRole(actor.roles, 'svibber');
}

async function colleaguesOf(context: TurnContext, actor: Actor, deps: BotDependencies) {
  const school = await deps.directory.schoolOf(actor.tenantId, actor.schoolId);
  const people = (school?.teamId && (await teamRoster(context, school.teamId))) || (await deps.directory.peopleAt(actor.tenantId, actor.schoolId));
  return people.filter((person) => person.userId !== actor.userId).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

function problemTexts(errors: Partial<Record<ProposalField, ProposalProblem>>, texts: Texts) {
  const words: Record<ProposalProblem, string> = {
    choosePerson: texts.settings.choosePerson,
    invalidEmail: texts.settings.invalidEmail,
    required: texts.trajectories.intakeForm.fieldError.required,
    unknownChoice: texts.trajectories.intakeForm.fieldError['unknown-choice'],
  };
  return Object.fromEntries(Object.entries(errors).map(([field, problem]) => [field, words[problem]]));
}

/** Directie sees how its proposals went as figures only (see TrajectoryService.proposerHearsByName). */
async function figuresFor(actor: Actor, deps: BotDependencies) {
  return hasRole(actor.roles, 'directie') ? deps.trajectories.proposalFigures(actor) : undefined;
}

export async function sendProposalForm(context: TurnContext, deps: BotDependencies): Promise<void> {
  const actor = await actorOf(context, deps.directory);
  if (!mayPropose(actor)) return sendText(context, deps.texts.proposal.notForYou);
  await sendCard(context, proposalFormCard({ formId: randomUUID(), people: await colleaguesOf(context, actor, deps), figures: await figuresFor(actor, deps) }, deps.texts));
}

/** The proposer's form, and the teacher's free choice to take part or not. */
export function registerProposalHandlers(app: Application<SvibTurnState>, deps: BotDependencies): void {
  const { texts, trajectories, directory } = deps;
  const execute = cardActionsOf(app);

  execute(cardVerbs.proposalStart, async (context) => {
    await sendProposalForm(context, deps);
    return texts.proposal.formTitle;
  });

  execute(cardVerbs.proposalSubmit, async (context, data) => {
    const actor = await actorOf(context, directory);
    if (!mayPropose(actor)) return texts.proposal.notForYou;
    const formId = idFrom(data, 'formId') ?? randomUUID();
    const again = async (extra: { errors?: Record<string, string>; notice?: string }) =>
      proposalFormCard({ formId, people: await colleaguesOf(context, actor, deps), values: data, ...extra }, texts);
    const outcome = await trajectories.propose(actor, formId, data);
    switch (outcome.kind) {
      case 'invalid':
        return again({ errors: problemTexts(outcome.errors, texts) });
      case 'teacherUnknown':
        return again({ errors: { teacher: texts.proposal.notMet } });
      case 'refused':
        return again({ notice: texts.trajectories.refusal[outcome.reason] });
      case 'created':
      case 'alreadySubmitted':
        return renderCard(
          'notice',
          {
            title: texts.proposal.formTitle,
            text:
              outcome.kind === 'created'
                ? fillIn(hasRole(actor.roles, 'directie') ? texts.proposal.sentToDirectie : texts.proposal.sent, { teacher: outcome.trajectory.teacher.name })
                : texts.proposal.alreadySent,
            url: '',
          },
          texts,
        );
    }
  });

  execute(cardVerbs.proposalAccept, async (context, data) => {
    const actor = await actorOf(context, directory);
    const trajectoryId = idFrom(data, 'trajectoryId');
    const trajectory = trajectoryId && (await trajectories.find(actor, trajectoryId));
    if (!trajectory || trajectory.teacher.userId !== actor.userId) return texts.trajectory.notFound;
    if (trajectory.phase.kind !== 'voorgesteld') return intakeSummaryCard(trajectory, true, texts);
    return intakeFormCard(
      {
        formId: randomUUID(),
        proposalId: trajectory.id,
        proposalGoal: trajectory.proposal?.goal,
        values: { helpQuestionKind: trajectory.helpQuestionKind, focus: trajectory.focus },
      },
      texts,
    );
  });

  execute(cardVerbs.proposalDecline, async (context, data) => {
    const actor = await actorOf(context, directory);
    const trajectoryId = idFrom(data, 'trajectoryId');
    if (!trajectoryId) return texts.trajectory.notFound;
    const outcome = await trajectories.run(actor, trajectoryId, { type: 'declineProposal', reason: typeof data.reason === 'string' ? data.reason : undefined });
    if (outcome.kind === 'notFound') return texts.trajectory.notFound;
    if (outcome.kind === 'refused') return texts.trajectories.refusal[outcome.reason];
    return proposalCard(outcome.trajectory, 'declined', texts);
  });
}
