import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../src/local/freePort';
import { startPlayground, type RunningPlayground } from '../../src/local/playground';
import { writePlaygroundConfigFor } from '../../src/local/playgroundConfig';
import { seedLocalSchool } from '../../src/local/seedLocalSchool';
import type { ComposeOverrides } from '../../src/composition/composeApp';
import { startTestApp, type TestApp } from './testApp';

export interface PlaygroundStack {
  app: TestApp;
  /** The Playground of the checked-in current user (Sanne, a teacher). */
  playground: RunningPlayground;
  /** One more Playground per extra mock person, each with that person's own personal chat. */
  as: Record<string, RunningPlayground>;
  stop(): Promise<void>;
}

const CONFIG = resolve('.m365agentsplayground.yml');

/** The bot on real storage, its mock school seeded, and Agents Playgrounds pointed at it, as `npm start` runs them. */
export async function startPlaygroundStack(options: { alsoAs?: string[]; overrides?: Omit<ComposeOverrides, 'logger' | 'now'> } = {}): Promise<PlaygroundStack> {
  const app = await startTestApp({}, undefined, {}, options.overrides);
  await seedLocalSchool(app.composed.directory, CONFIG);
  const folder = mkdtempSync(join(tmpdir(), 'svib-playground-'));
  const botEndpoint = `${app.baseUrl}/api/messages`;
  const playground = await startPlayground({ port: await freePort(), botEndpoint, logFile: join(folder, 'playground.log') });
  const as: Record<string, RunningPlayground> = {};
  for (const userId of options.alsoAs ?? []) {
    const configPath = join(folder, `${userId}.yml`);
    writePlaygroundConfigFor(CONFIG, userId, configPath);
    as[userId] = await startPlayground({ port: await freePort(), botEndpoint, configPath, logFile: join(folder, `${userId}.log`) });
  }
  return {
    app,
    playground,
    as,
    stop: async () => {
      for (const running of [playground, ...Object.values(as)]) await running.stop();
      await app.close();
    },
  };
}
