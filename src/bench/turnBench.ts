import { randomUUID } from 'node:crypto';
import type { BenchApp } from './benchApp';
import { resultOf, timeEach, type BenchResult } from './measure';
import { TENANT_ID } from './fixtures';

const user = { id: '29:sanne', name: 'Sanne de Vries', aadObjectId: '0a1b2c3d-0000-4000-8000-000000000001' };

/** A typed message in the user's personal chat, shaped as Teams sends it. */
function message(serviceUrl: string, text: string) {
  return {
    id: randomUUID(),
    type: 'message',
    text,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: '28:svib-bot', name: 'SVIB-bot' },
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'nl-NL',
  };
}

/**
 * One whole turn as Teams sees it: POST to /api/messages until the bot answered, which includes
 * claiming the activity id, loading and saving turn state, and sending the menu card.
 */
export async function benchMessageTurns(app: BenchApp, iterations = 200): Promise<BenchResult> {
  const warmup = 10;
  const cardsBefore = app.connector.cardsSent();
  const samples = await timeEach(
    iterations,
    async () => {
      const response = await fetch(`${app.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message(app.connector.serviceUrl, 'hulp')),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`/api/messages answered ${response.status}`);
    },
    warmup,
  );
  // A failing turn also answers 200 (with an apology); only a card per turn shows the real path was timed.
  const cards = app.connector.cardsSent() - cardsBefore;
  if (cards < warmup + iterations) throw new Error(`expected a menu card per turn, got ${cards} for ${warmup + iterations} turns`);
  return resultOf("message turn 'hulp' (HTTP)", samples, iterations, (medianMs) => `${(1000 / medianMs).toFixed(1)} turns/s`);
}
