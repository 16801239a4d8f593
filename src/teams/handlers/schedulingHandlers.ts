import type { Application } from '@microsoft/teams-ai';
import { cardVerbs } from '../../cards/cardVerbs';
import { schedulingReplyCard } from '../../cards/schedulingCards';
import { SVIBBER_CARD } from '../../features/scheduling/schedulingNotices';
import type { SchedulingReply } from '../../features/scheduling/schedulingReplies';
import type { BotDependencies } from '../botDependencies';
import { actorOf } from '../actorOf';
import { sendCard, sendText } from '../replies';
import type { SvibTurnState } from '../svibTurnState';
import { cardActionsOf, idFrom } from './cardData';

/** Planning an appointment: the SVIB'er proposes, the teacher picks, either side moves or cancels. */
export function registerSchedulingHandlers(app: Application<SvibTurnState>, deps: BotDependencies): void {
  const { scheduling, directory, texts, cardMemory } = deps;
  const execute = cardActionsOf(app);
  const render = (reply: SchedulingReply) => schedulingReplyCard(reply, texts);

  execute(cardVerbs.schedulePlan, async (context, data) => {
    const actor = await actorOf(context, directory);
    const trajectoryId = idFrom(data, 'trajectoryId');
    const card = trajectoryId ? render(await scheduling.planNextStep(actor, trajectoryId)) : texts.trajectory.notFound;
    if (typeof card === 'string') await sendText(context, card);
    else await sendCard(context, card);
    return texts.scheduling.seeBelow;
  });

  execute(cardVerbs.schedulePropose, async (context, data) => {
    const actor = await actorOf(context, directory);
    const trajectoryId = idFrom(data, 'trajectoryId');
    if (!trajectoryId) return texts.trajectory.notFound;
    const { reply, appointment } = await scheduling.propose(actor, trajectoryId, data);
    // This card becomes the SVIB'er's view of the appointment, updated in place when the teacher chooses.
    if (appointment) await cardMemory.rememberCardOf(context, { subject: appointment.id, purpose: SVIBBER_CARD }, actor.userId);
    return render(reply);
  });

  execute(cardVerbs.scheduleChoose, async (context, data) => {
    const actor = await actorOf(context, directory);
    const appointmentId = idFrom(data, 'appointmentId');
    const slot = Number(data.slot);
    if (!appointmentId || !Number.isInteger(slot)) return texts.scheduling.notFound;
    return render(await scheduling.choose(actor, appointmentId, slot, String(data.sequence ?? '')));
  });

  execute(cardVerbs.scheduleAskOther, async (context, data) => {
    const actor = await actorOf(context, directory);
    const appointmentId = idFrom(data, 'appointmentId');
    if (!appointmentId) return texts.scheduling.notFound;
    return render(await scheduling.askOtherTimes(actor, appointmentId, typeof data.message === 'string' ? data.message : ''));
  });

  execute(cardVerbs.scheduleMove, async (context, data) => {
    const actor = await actorOf(context, directory);
    const appointmentId = idFrom(data, 'appointmentId');
    return appointmentId ? render(await scheduling.move(actor, appointmentId)) : texts.scheduling.notFound;
  });

  execute(cardVerbs.scheduleCancel, async (context, data) => {
    const actor = await actorOf(context, directory);
    const appointmentId = idFrom(data, 'appointmentId');
    return appointmentId ? render(await scheduling.cancel(actor, appointmentId)) : texts.scheduling.notFound;
  });

  execute(cardVerbs.scheduleDone, async (context, data) => {
    const actor = await actorOf(context, directory);
    const appointmentId = idFrom(data, 'appointmentId');
    return appointmentId ? render(await scheduling.markDone(actor, appointmentId, data)) : texts.scheduling.notFound;
  });
}
