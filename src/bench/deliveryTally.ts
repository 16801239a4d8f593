import type { RateWindow } from '../domain/deliveries/rateLimits';

/** What the stub accepted that belongs to the measured fan-out. */
export interface Arrival {
  at: number;
  conversationId: string;
  fingerprint: string;
}

export interface DeliveryTally {
  queued: number;
  /** Activities the stub accepted (a message sent twice counts twice). */
  delivered: number;
  /** Distinct messages: conversation and content. */
  distinct: number;
  /** Queued but never arrived: `queued − distinct`. */
  lost: number;
  /** Arrived more than once: `delivered − distinct`. */
  doubled: number;
  /** From the sender's start to the last arrival, in ms. */
  spanMs: number;
  /** Most messages any one conversation received: 1 means the per-conversation limits never bind. */
  busiestConversation: number;
  achievedPerSecond: number;
  /** The longest time nothing arrived, from the sender's start on (ms): a stalled sender or storage shows here. */
  longestGapMs: number;
  /** Time in gaps of `PAUSE_MS` or more (ms): storage that stopped answering (Azurite's own clean-up, see bench/README). */
  pausedMs: number;
  /** Distinct messages per second over the span without those gaps. */
  perSecondOutsidePauses: number;
  /** The most sends the binding limit permits in `spanMs`, per second (tends to max/period for long spans). */
  allowedPerSecond: number;
  ratio: number;
}

/**
 * The most sends a sliding window allows in a span of `spanMs`: `max` at once, then `max` again
 * each time a period has passed. For a long span it is the plain rate `max / period`.
 */
export function allowedInSpan(window: RateWindow, spanMs: number): number {
  return window.max * (Math.floor(Math.max(0, spanMs) / window.periodMs) + 1);
}

/** Nothing arriving for this long counts as a pause in the figures: a sender that waits for its limits never waits so long here. */
export const PAUSE_MS = 5_000;

/** Lost, doubled and the achieved rate against the binding window, from what the stub accepted. */
export function tallyDeliveries(input: { queued: number; arrivals: readonly Arrival[]; startedAt: number; binding: RateWindow }): DeliveryTally {
  const { arrivals } = input;
  const distinct = new Set(arrivals.map((arrival) => `${arrival.conversationId}\n${arrival.fingerprint}`)).size;
  const perConversation = new Map<string, number>();
  for (const arrival of arrivals) perConversation.set(arrival.conversationId, (perConversation.get(arrival.conversationId) ?? 0) + 1);
  const lastAt = Math.max(input.startedAt, ...arrivals.map((arrival) => arrival.at));
  const spanMs = lastAt - input.startedAt;
  const seconds = Math.max(spanMs, 1) / 1000;
  const achievedPerSecond = distinct / seconds;
  const times = [input.startedAt, ...arrivals.map((arrival) => arrival.at)].sort((a, b) => a - b);
  const gaps = times.slice(1).map((at, index) => at - times[index]);
  const longestGapMs = Math.max(0, ...gaps);
  // Between arrivals only: the wait for the first one is the sender starting, not storage pausing.
  const pausedMs = gaps.slice(1).filter((gap) => gap >= PAUSE_MS).reduce((sum, gap) => sum + gap, 0);
  const perSecondOutsidePauses = distinct / (Math.max(spanMs - pausedMs, 1) / 1000);
  const allowedPerSecond = allowedInSpan(input.binding, spanMs) / seconds;
  return {
    queued: input.queued,
    delivered: arrivals.length,
    distinct,
    lost: input.queued - distinct,
    doubled: arrivals.length - distinct,
    spanMs,
    busiestConversation: Math.max(0, ...perConversation.values()),
    achievedPerSecond,
    longestGapMs,
    pausedMs,
    perSecondOutsidePauses,
    allowedPerSecond,
    ratio: achievedPerSecond / allowedPerSecond,
  };
}
