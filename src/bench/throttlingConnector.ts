import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RateLimits } from '../domain/deliveries/rateLimits';
import { retryAfterSeconds, SlidingWindows } from './slidingWindows';

/** One activity the stub accepted: when, where, and a fingerprint of what it carried. */
export interface AcceptedActivity {
  at: number;
  conversationId: string;
  /** sha256 of the activity's text and attachments: a message sent twice has the same one. */
  fingerprint: string;
  /** The activity's body as JSON, for telling invitations from summaries. */
  body: string;
}

export interface ThrottlingConnector {
  serviceUrl: string;
  accepted(): readonly AcceptedActivity[];
  /** 429s answered, with the Retry-After seconds each carried. */
  throttled(): { count: number; retryAfterSeconds: number[] };
  stop(): Promise<void>;
}

/**
 * A Bot Connector that enforces Teams' documented limits the way Teams does: per bot per
 * conversation and per tenant, answering 429 with Retry-After when a request would exceed one.
 * It does no other work, so what it measures is how close the sender comes to the allowed rate.
 */
export async function startThrottlingConnector(limits: RateLimits, now: () => number = () => Date.now()): Promise<ThrottlingConnector> {
  const conversations = new Map<string, SlidingWindows>();
  const tenants = new Map<string, SlidingWindows>();
  const accepted: AcceptedActivity[] = [];
  const retryAfters: number[] = [];
  let counter = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (req.method !== 'POST' && req.method !== 'PUT') {
        res.writeHead(404).end();
        return;
      }
      if (!path) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `stub-${++counter}` }));
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const activity = JSON.parse(body || '{}') as { text?: string; attachments?: unknown; conversation?: { tenantId?: string }; channelData?: { tenant?: { id?: string } } };
      const conversationId = decodeURIComponent(path[1]);
      const tenantId = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? 'unknown';
      const at = now();
      const conversation = conversations.get(conversationId) ?? new SlidingWindows(limits.perConversation);
      conversations.set(conversationId, conversation);
      const tenant = tenants.get(tenantId) ?? new SlidingWindows(limits.perTenant);
      tenants.set(tenantId, tenant);
      // Both must have room; a request refused by one is not counted by the other.
      const byConversation = conversation.tryAccept(at);
      const byTenant = byConversation.ok ? tenant.tryAccept(at) : byConversation;
      if (!byTenant.ok) {
        if (byConversation.ok) conversation.forget(at);
        const seconds = retryAfterSeconds(byTenant.waitMs);
        retryAfters.push(seconds);
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(seconds) });
        res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'throttled' } }));
        return;
      }
      const fingerprint = createHash('sha256')
        .update(JSON.stringify([activity.text ?? '', activity.attachments ?? []]))
        .digest('hex');
      accepted.push({ at, conversationId, fingerprint, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `stub-${++counter}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    accepted: () => accepted,
    throttled: () => ({ count: retryAfters.length, retryAfterSeconds: retryAfters }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
