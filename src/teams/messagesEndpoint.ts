import { ActivityTypes, type Request, type Response, type TurnContext } from 'botbuilder';
import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { SvibTurnState } from './svibTurnState';
import type { Logger } from '../logging/logger';
import type { ProcessedActivityRepository } from '../storage/activities/ProcessedActivityRepository';
import type { Texts } from '../texts';

/** What the HTTP layer mounts at POST /api/messages; it needs no Bot Framework types. */
export type MessagesHandler = (req: Request, res: Response) => Promise<void>;

export interface MessagesEndpointOptions {
  adapter: TeamsAdapter;
  app: Application<SvibTurnState>;
  processedActivities: ProcessedActivityRepository;
  texts: Texts;
  logger: Logger;
  now: () => Date;
}

/**
 * Invokes are answered by their handlers (a card action is made idempotent by its own feature);
 * these kinds are simply not handled twice when Teams redelivers them.
 */
const DEDUPLICATED_TYPES = new Set<string>([ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate]);

function claimableIds(context: TurnContext): { conversationId: string; activityId: string } | undefined {
  const { type, id, conversation } = context.activity;
  if (!DEDUPLICATED_TYPES.has(type) || !id || !conversation?.id) return undefined;
  return { conversationId: conversation.id, activityId: id };
}

export function createMessagesEndpoint(options: MessagesEndpointOptions): MessagesHandler {
  const { adapter, app, processedActivities, logger, now } = options;

  adapter.onTurnError = async (context, error) => {
    logger.error({ err: { name: error.name, message: error.message, stack: error.stack }, activityType: context.activity.type }, 'turn failed');
    if (context.activity.type !== ActivityTypes.Invoke) {
      await context.sendActivity(options.texts.errors.somethingWentWrong);
    }
  };

  return async (req, res) => {
    const started = process.hrtime.bigint();
    let turnFacts: Record<string, unknown> = {};
    let outcome = 'handled';
    await adapter.process(req, res, async (context) => {
      turnFacts = {
        activityType: context.activity.type,
        activityName: context.activity.name,
        conversationType: context.activity.conversation?.conversationType ?? 'personal',
      };
      const claim = claimableIds(context);
      if (claim && !(await processedActivities.claim(claim.conversationId, claim.activityId, now()))) {
        outcome = 'duplicate';
        return;
      }
      try {
        await app.run(context);
      } catch (error) {
        outcome = 'error';
        if (claim) await processedActivities.release(claim.conversationId, claim.activityId);
        throw error;
      }
    });
    const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
    logger.info({ ...turnFacts, outcome, status: (res as { statusCode?: number }).statusCode, latencyMs: Math.round(latencyMs) }, 'turn');
  };
}
