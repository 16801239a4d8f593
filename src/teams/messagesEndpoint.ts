import { ActivityTypes, INVOKE_RESPONSE_KEY, type Request, type Response, type TurnContext } from 'botbuilder';
import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { SvibTurnState } from './svibTurnState';
import type { Logger } from '../logging/logger';
import type { ProcessedActivityRepository } from '../storage/activities/ProcessedActivityRepository';
import type { Texts } from '../texts';
import { activityProblemOf } from './inboundActivity';
import { asDeliveryOwner } from '../features/notifications/deliveryOwner';
import type { DeliveryOwner } from '../domain/deliveries/delivery';

/** What the HTTP layer mounts at POST /api/messages; it needs no Bot Framework types. */
export type MessagesHandler = (req: Request, res: Response) => Promise<void>;

export interface MessagesEndpointOptions {
  adapter: TeamsAdapter;
  app: Application<SvibTurnState>;
  processedActivities: ProcessedActivityRepository;
  texts: Texts;
  logger: Logger;
  now: () => Date;
  /** Local mode: activities whose serviceUrl is not on this machine are refused (no request forgery). */
  loopbackOnly: boolean;
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

/**
 * Whatever the adapter answers with an error status (its own texts: exception messages, storage
 * or DNS errors) is replaced by a generic body; the details are only in our log.
 */
function withGenericErrorBodies(res: Response, texts: Texts): Response {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    const status = (res as { statusCode?: number }).statusCode ?? 200;
    if (status >= 500) return send({ message: texts.errors.somethingWentWrong });
    if (status >= 400 && (typeof body === 'string' || body instanceof Error)) return send({ message: texts.errors.badRequest });
    return send(body);
  };
  return res;
}

/** The person whose turn this is: told when a message the turn queued cannot be delivered. */
function ownerOf(context: TurnContext): DeliveryOwner | undefined {
  const { from, conversation, channelData } = context.activity;
  const tenantId = conversation?.tenantId ?? (channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return tenantId && from?.aadObjectId ? { tenantId, userId: from.aadObjectId } : undefined;
}

export function createMessagesEndpoint(options: MessagesEndpointOptions): MessagesHandler {
  const { adapter, app, processedActivities, logger, now, texts } = options;

  adapter.onTurnError = async (context, error) => {
    logger.error({ err: { name: error.name, message: error.message, stack: error.stack }, activityType: context.activity.type }, 'turn failed');
    if (context.activity.type !== ActivityTypes.Invoke) {
      await context.sendActivity(texts.errors.somethingWentWrong);
    } else if (!context.turnState.get(INVOKE_RESPONSE_KEY)) {
      // A click whose handler failed gets a Dutch message rather than the adapter's bare 501.
      const body = { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: texts.errors.somethingWentWrong };
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
    }
  };

  return async (req, res) => {
    const refused = activityProblemOf(req.body, { loopbackOnly: options.loopbackOnly });
    if (refused) {
      // Before the adapter: nothing is processed and no outbound call is made for this body.
      logger.warn(refused, 'activity refused');
      res.status(400);
      res.send({ message: texts.errors.badRequest });
      res.end();
      return;
    }
    const started = process.hrtime.bigint();
    let turnFacts: Record<string, unknown> = {};
    let outcome = 'handled';
    await adapter.process(req, withGenericErrorBodies(res, texts), async (context) => {
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
        await asDeliveryOwner(ownerOf(context), () => app.run(context));
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
