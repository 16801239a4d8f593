import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startNodeChild, type RunningChild } from '../local/childProcess';
import { freePort } from '../local/freePort';
import { message, post, type BenchPerson } from './activities';
import type { BenchApp } from './benchApp';
import { msSince, nowNs } from './measure';

export type BotKind = 'svib' | 'echo';

export interface BotProcess {
  baseUrl: string;
  child: RunningChild;
  /** From spawn to the first turn answered 200 with its reply at the connector. */
  firstTurnMs: number;
  /** Resident set size now, in bytes (/proc/<pid>/status VmRSS). */
  rssBytes(): number;
}

/** The compiled entries: production's src/index.js for svib-bot, the echo bot's own for the floor. */
function scriptOf(kind: BotKind): string {
  return kind === 'svib' ? join(__dirname, '..', 'index.js') : join(__dirname, 'echo', 'echoMain.js');
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((candidate) => candidate.startsWith(`${field}:`));
  return Number(line?.replace(/\D+/g, '') ?? 0) * 1024;
}

/**
 * Starts a bot as its own process on the bench's storage (tables and containers already there,
 * as after a deploy) and sends it a typed message until one is answered: process start to first
 * answered turn, as a user waiting after a restart sees it.
 */
export async function startBotProcess(app: BenchApp, kind: BotKind, person: BenchPerson): Promise<BotProcess> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    PORT: String(port),
    LOG_LEVEL: 'silent',
    // Unauthenticated, loopback only: the stub connector and the bench are on this machine.
    LOCAL_MODE: 'true',
    AZURE_STORAGE_CONNECTION_STRING: app.connectionString,
    STORAGE_NAME_PREFIX: app.prefix,
    LINK_SIGNING_SECRET: app.linkSecret,
    ECHO_CONTAINER: app.echoContainer,
    // As the in-process bench app: its sender would take on the turn benchmarks' backlog on the
    // shared queue and measure that instead of the upload or the start.
    DELIVERY_SENDER: 'off',
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const repliesBefore = app.connector.activitiesSent();
  const started = nowNs();
  const child = startNodeChild(scriptOf(kind), [], env);
  try {
    for (;;) {
      if (!child.isAlive()) throw new Error(`${kind} bot exited before it answered`);
      if (msSince(started) > 60_000) throw new Error(`${kind} bot did not answer within 60 s`);
      const answered = await post(baseUrl, message(app.connector.serviceUrl, person, 'hulp')).catch(() => undefined);
      if (answered?.status === 200 && app.connector.activitiesSent() > repliesBefore) break;
      // Often enough to see the first moment it answers, rarely enough not to slow its start down.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const firstTurnMs = msSince(started);
    const pid = child.process.pid ?? 0;
    return { baseUrl, child, firstTurnMs, rssBytes: () => statusField(pid, 'VmRSS') };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
