import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  conversationId: string;
  /** Set when the bot replaced an earlier activity in place. */
  updatedActivityId?: string;
  /** When the connector accepted it (ms): what per-conversation limits are checked against. */
  at: number;
  activity: {
    type: string;
    text?: string;
    replyToId?: string;
    id?: string;
    attachments?: { contentType: string; content: { body?: unknown[]; actions?: { title: string; verb?: string; data?: Record<string, unknown> }[] } }[];
  };
}

/** What the connector does with the next matching send instead of accepting it. */
export type Fault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  /** Never answers; the bot's call times out (nothing is shown). */
  | { kind: 'timeout' };

interface Rule {
  fault: Fault;
  times: number;
  conversationId?: string;
}

/**
 * Stands in for the Teams service the bot replies to (the Bot Connector API): it records every
 * activity the bot sends, so integration tests can read what a user would have seen. On command
 * it answers 429 with Retry-After, 502, 403 or never, is slow, or holds every send until released.
 * An activity counts as shown only when the connector answered it while the bot still listened.
 */
export class RecordingConnector {
  readonly sent: SentActivity[] = [];
  /** What Teams answers when the bot asks about a member (e.g. their e-mail address), by user id. */
  readonly members = new Map<string, { id?: string; email?: string; userPrincipalName?: string; aadObjectId?: string; name?: string }>();
  /** One-to-one chats the bot started itself (POST /v3/conversations), by the member it asked for. */
  readonly opened: { conversationId: string; memberId: string }[] = [];
  /** Faults answered, by kind, for tests that check the injected ones really happened. */
  readonly faultsAnswered: Fault[] = [];
  /** The same, with where and when (ms) each was answered. */
  readonly faultLog: { conversationId: string; at: number; fault: Fault; text?: string }[] = [];
  /** Every send answered with an error status, in order: what a retrying sender tried. */
  readonly refused: { conversationId: string; status: number }[] = [];
  private server?: Server;
  private counter = 0;
  private rules: Rule[] = [];
  private delayMs = 0;
  private held: (() => void)[] | undefined;
  private readonly hanging = new Set<ServerResponse>();
  private readonly heldEntries = new Set<{ go: () => void; connected: () => boolean }>();

  /**
   * The next activities posted into this conversation get these answers instead of 200, in order
   * (e.g. 429 with Retry-After, 503, 403); after that it answers normally again.
   */
  answerNext(conversationId: string, ...answers: { status: number; retryAfter?: string }[]): void {
    for (const answer of answers) {
      const retryAfterSeconds = answer.retryAfter === undefined ? undefined : Number(answer.retryAfter);
      this.fail({ kind: 'status', status: answer.status, retryAfterSeconds }, 1, conversationId);
    }
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => void this.answer(req, res, chunks));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  /** The next `times` sends (to one conversation, or any) get this fault instead of being shown. */
  fail(fault: Fault, times = 1, conversationId?: string): void {
    this.rules.push({ fault, times, conversationId });
  }

  /** Every send is answered after this long (0: at once). */
  slow(delayMs: number): void {
    this.delayMs = delayMs;
  }

  /** Sends wait unanswered until `release()`. */
  hold(): void {
    this.held ??= [];
  }

  /** How many sends are waiting on `hold()` right now. */
  holding(): number {
    return this.held?.length ?? 0;
  }

  /** Held sends whose caller still waits for the answer (a caller that died has hung up). */
  holdingConnected(): number {
    return [...this.heldEntries].filter((entry) => entry.connected()).length;
  }

  release(): void {
    const waiting = this.held ?? [];
    this.held = undefined;
    waiting.forEach((go) => go());
  }

  private async answer(req: IncomingMessage, res: ServerResponse, chunks: Buffer[]): Promise<void> {
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
    const isSend = Boolean(match && (req.method === 'POST' || req.method === 'PUT'));
    const conversationId = match ? decodeURIComponent(match[1]) : '';
    let clientGone = false;
    const onGone = () => {
      if (!res.writableEnded) clientGone = true;
    };
    res.on('close', onGone);
    req.socket.once('close', onGone);
    res.on('finish', () => req.socket.off('close', onGone));

    if (isSend) {
      const rule = this.rules.find((candidate) => candidate.times > 0 && (!candidate.conversationId || candidate.conversationId === conversationId));
      if (rule) {
        rule.times--;
        this.faultsAnswered.push(rule.fault);
        this.faultLog.push({ conversationId, at: Date.now(), fault: rule.fault, text: body?.text });
        if (rule.fault.kind === 'timeout') {
          this.hanging.add(res);
          return;
        }
        this.refused.push({ conversationId, status: rule.fault.status });
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (rule.fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(rule.fault.retryAfterSeconds);
        res.writeHead(rule.fault.status, headers);
        res.end(JSON.stringify({ error: { code: `Status${rule.fault.status}`, message: 'fault injected by the test' } }));
        return;
      }
      if (this.held) {
        const entry = { go: () => {}, connected: () => !clientGone };
        this.heldEntries.add(entry);
        await new Promise<void>((go) => {
          entry.go = go;
          this.held!.push(go);
        });
        this.heldEntries.delete(entry);
      }
      if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      // A caller that hung up (its call timed out, or it died) never learns the answer: not shown.
      if (clientGone || req.socket.destroyed) return;
    }

    const id = `sent-${++this.counter}`;
    if (match && isSend) {
      this.sent.push({
        conversationId,
        at: Date.now(),
        activity: { ...body, id: req.method === 'POST' ? id : body?.id },
        ...(req.method === 'PUT' && match[2] ? { updatedActivityId: decodeURIComponent(match[2]) } : {}),
      });
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id }));
  }

  /** What was sent into one conversation, newest last. */
  to(conversationId: string): SentActivity[] {
    return this.sent.filter((sent) => sent.conversationId === conversationId);
  }

  clear(): void {
    this.sent.length = 0;
    this.opened.length = 0;
    this.faultsAnswered.length = 0;
    this.faultLog.length = 0;
    this.rules = [];
    this.refused.length = 0;
  }

  /** All visible text of what was sent: message text and every TextBlock of every card. */
  textsSent(): string[] {
    return this.sent.map(({ activity }) => [activity.text ?? '', ...(activity.attachments ?? []).map((a) => JSON.stringify(a.content))].join(' '));
  }

  buttonsSent(): string[][] {
    return this.sent.map(({ activity }) => (activity.attachments ?? []).flatMap((a) => (a.content.actions ?? []).map((action) => action.title)));
  }

  async stop(): Promise<void> {
    this.release();
    this.hanging.forEach((res) => res.destroy());
    this.server?.closeAllConnections?.();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
