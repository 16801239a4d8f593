/**
 * Proactive messages leave through the delivery queue, after the turn that queued them. Tests wait
 * for the queue to be empty before they read what people received: `post` does so for the app at
 * its address, and tests that run a job or a service call directly await `delivered(app)`.
 */
const drains = new Map<string, () => Promise<void>>();

export function registerDrain(baseUrl: string, drain: () => Promise<void>): void {
  drains.set(baseUrl, drain);
}

export function unregisterDrain(baseUrl: string): void {
  drains.delete(baseUrl);
}

export async function deliveriesSettled(baseUrl: string): Promise<void> {
  await drains.get(baseUrl)?.();
}

/** Waits until every delivery the app queued so far was handed to the (recording) Teams service. */
export async function delivered(app: { composed: { deliveries: { idle(): Promise<void> } } }): Promise<void> {
  await app.composed.deliveries.idle();
}

/** Waits until `condition` holds (checked every few ms); fails after `timeoutMs` with `what`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
