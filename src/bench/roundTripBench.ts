import { URL } from 'node:url';
import type { BenchApp } from './benchApp';
import { figure, type Figure } from './figures';
import { HttpCounter } from './httpCounter';
import { percentile } from './measure';
import type { TurnScenario } from './turnScenarios';

export interface RoundTrips {
  scenario: TurnScenario['key'];
  name: string;
  /** Median over the counted turns (they differ only when a retry happened). */
  storage: number;
  connector: number;
  /** The storage requests of one turn, in the order they were sent. */
  requests: string[];
}

/** The paths people take many times a day; an intake is submitted once per trajectory. */
const HOT_PATHS = new Set<TurnScenario['key']>(['a', 'c', 'd']);
export const ROUND_TRIP_GOAL = 3;

function portOf(url: string): number {
  return Number(new URL(url).port);
}

/** Storage ports from the connection string: every blob and table request goes to one of them. */
function storagePorts(connectionString: string): Set<number> {
  return new Set([...connectionString.matchAll(/(?:Blob|Table)Endpoint=([^;]+)/g)].map((match) => portOf(match[1])));
}

/** Counts the storage round trips of each turn type, one turn at a time, at the HTTP level. */
export async function countRoundTrips(app: BenchApp, scenarios: readonly TurnScenario[], turns = 5): Promise<RoundTrips[]> {
  const storage = storagePorts(app.connectionString);
  const connector = portOf(app.connector.serviceUrl);
  const counter = new HttpCounter().start();
  try {
    const results: RoundTrips[] = [];
    for (const scenario of scenarios) {
      const storageCounts: number[] = [];
      const connectorCounts: number[] = [];
      let requests: string[] = [];
      for (let turn = 0; turn < turns; turn++) {
        counter.take();
        await scenario.send(0);
        const sent = counter.take();
        const toStorage = sent.filter((request) => storage.has(request.port));
        storageCounts.push(toStorage.length);
        connectorCounts.push(sent.filter((request) => request.port === connector).length);
        requests = toStorage.map((request) => request.line.replace(app.prefix, '{prefix}'));
      }
      results.push({ scenario: scenario.key, name: scenario.name, storage: percentile(storageCounts, 50), connector: percentile(connectorCounts, 50), requests });
    }
    return results;
  } finally {
    counter.stop();
  }
}

export function roundTripFigures(counts: readonly RoundTrips[]): Figure[] {
  const echo = counts.find((count) => count.scenario === 'echo');
  return counts
    .filter((count) => count.scenario !== 'echo')
    .map((count) =>
      figure({
        item: 2,
        name: `storage round trips: ${count.name}`,
        value: count.storage,
        unit: '',
        baseline: echo && echo.storage > 0 ? { name: 'echo', value: echo.storage } : undefined,
        goal: HOT_PATHS.has(count.scenario) ? { on: 'value', bound: 'atMost', limit: ROUND_TRIP_GOAL } : undefined,
        note: `${count.connector} connector call(s); ${count.requests.join(', ')}`,
      }),
    );
}
