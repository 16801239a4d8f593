import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  conversationId: string;
  /** Set when the bot replaced an earlier activity in place. */
  updatedActivityId?: string;
  activity: {
    type: string;
    text?: string;
    replyToId?: string;
    id?: string;
    attachments?: { contentType: string; content: { body?: unknown[]; actions?: { title: string; verb?: string; data?: Record<string, unknown> }[] } }[];
  };
}

/**
 * Stands in for the Teams service the bot replies to (the Bot Connector API): it records every
 * activity the bot sends, so integration tests can read what a user would have seen.
 */
export class RecordingConnector {
  readonly sent: SentActivity[] = [];
  /** What Teams answers when the bot asks about a member (e.g. their e-mail address), by user id. */
  readonly members = new Map<string, { id?: string; email?: string; userPrincipalName?: string; aadObjectId?: string; name?: string }>();
  /** One-to-one chats the bot started itself (POST /v3/conversations), by the member it asked for. */
  readonly opened: { conversationId: string; memberId: string }[] = [];
  /** Every POST of an activity that was answered with an error, in order: what a retrying sender tried. */
  readonly refused: { conversationId: string; status: number }[] = [];
  private server?: Server;
  private counter = 0;
  private readonly scripted = new Map<string, { status: number; retryAfter?: string }[]>();

  /**
   * The next activities posted into this conversation get these answers instead of 200, in order
   * (e.g. 429 with Retry-After, 503, 403); after that it answers normally again.
   */
  answerNext(conversationId: string, ...answers: { status: number; retryAfter?: string }[]): void {
    this.scripted.set(conversationId, [...(this.scripted.get(conversationId) ?? []), ...answers]);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const member = /\/v3\/conversations\/[^/]+\/members\/([^/?]+)/.exec(req.url ?? '');
        if (req.method === 'GET' && member) {
          const known = this.members.get(decodeURIComponent(member[1]));
          res.writeHead(known ? 200 : 404, { 'content-type': 'application/json' });
          res.end(JSON.stringify(known ? { id: decodeURIComponent(member[1]), ...known } : { error: { code: 'MemberNotFound' } }));
          return;
        }
        if (req.method === 'POST' && /^\/v3\/conversations\/?$/.test(req.url ?? '')) {
          const parameters = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
          const memberId = String(parameters.members?.[0]?.id ?? '');
          const conversationId = `a:opened-${memberId}`;
          this.opened.push({ conversationId, memberId });
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: conversationId }));
          return;
        }
        const match = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
        const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
        const id = `sent-${++this.counter}`;
        const scripted = match && req.method === 'POST' ? this.scripted.get(decodeURIComponent(match[1]))?.shift() : undefined;
        if (match && scripted) {
          this.refused.push({ conversationId: decodeURIComponent(match[1]), status: scripted.status });
          res.writeHead(scripted.status, { 'content-type': 'application/json', ...(scripted.retryAfter ? { 'retry-after': scripted.retryAfter } : {}) });
          res.end(JSON.stringify({ error: { code: scripted.status === 403 ? 'BotNotInConversationRoster' : 'Throttled' } }));
          return;
        }
        if (match && (req.method === 'POST' || req.method === 'PUT')) {
          this.sent.push({
            conversationId: decodeURIComponent(match[1]),
            activity: { ...body, id: req.method === 'POST' ? id : body?.id },
            ...(req.method === 'PUT' && match[2] ? { updatedActivityId: decodeURIComponent(match[2]) } : {}),
          });
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  /** What was sent into one conversation, newest last. */
  to(conversationId: string): SentActivity[] {
    return this.sent.filter((sent) => sent.conversationId === conversationId);
  }

  clear(): void {
    this.sent.length = 0;
    this.opened.length = 0;
    this.refused.length = 0;
    this.scripted.clear();
  }

  /** All visible text of what was sent: message text and every TextBlock of every card. */
  textsSent(): string[] {
    return this.sent.map(({ activity }) => [activity.text ?? '', ...(activity.attachments ?? []).map((a) => JSON.stringify(a.content))].join(' '));
  }

  buttonsSent(): string[][] {
    return this.sent.map(({ activity }) => (activity.attachments ?? []).flatMap((a) => (a.content.actions ?? []).map((action) => action.title)));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
