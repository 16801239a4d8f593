import { z } from 'zod';

/**
 * The shape of an activity we are willing to hand to the Bot Framework adapter. Teams always
 * sends these fields; anything else is refused with 400 before a handler (or an outbound call)
 * could trip over it. Unknown fields pass: Teams adds fields over time.
 */
const optionalText = (max: number) => z.string().max(max).nullish();
const account = z.object({ id: z.string().min(1).max(512), name: optionalText(512), aadObjectId: optionalText(128) }).passthrough();
const idHolder = z.object({ id: optionalText(512), name: optionalText(512) }).passthrough();

const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: optionalText(1024),
    name: optionalText(256),
    action: optionalText(64),
    text: z.string().nullish(),
    replyToId: optionalText(1024),
    serviceUrl: z.string().url().max(2048),
    from: account,
    recipient: account,
    conversation: z
      .object({ id: z.string().min(1).max(1024), conversationType: optionalText(64), tenantId: optionalText(128), isGroup: z.boolean().nullish() })
      .passthrough(),
    channelData: z.object({ tenant: idHolder.nullish(), team: idHolder.nullish(), channel: idHolder.nullish() }).passthrough().nullish(),
    membersAdded: z.array(account).nullish(),
    membersRemoved: z.array(account).nullish(),
  })
  .passthrough();

/** Hosts of this machine; in local mode the bot replies nowhere else. */
export function isLoopbackUrl(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname);
}

export type ActivityProblem = 'not-an-activity' | 'service-url-not-loopback';

/**
 * Why this body cannot be processed, or undefined when it can. The problem names a field path
 * at most, never a value, so it is safe to log.
 */
export function activityProblemOf(body: unknown, options: { loopbackOnly: boolean }): { problem: ActivityProblem; field?: string } | undefined {
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) return { problem: 'not-an-activity', field: parsed.error.issues[0]?.path.join('.') || undefined };
  if (options.loopbackOnly && !isLoopbackUrl(parsed.data.serviceUrl)) return { problem: 'service-url-not-loopback' };
  return undefined;
}
