import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/local/freePort';
import { startPlayground, type RunningPlayground } from '../../src/local/playground';
import { startTestApp, type TestApp } from './testApp';

export interface PlaygroundStack {
  app: TestApp;
  playground: RunningPlayground;
  stop(): Promise<void>;
}

/** The bot on real storage plus the Agents Playground pointed at it, as `npm start` runs them. */
export async function startPlaygroundStack(): Promise<PlaygroundStack> {
  const app = await startTestApp();
  const logFile = join(mkdtempSync(join(tmpdir(), 'svib-playground-')), 'playground.log');
  const playground = await startPlayground({ port: await freePort(), botEndpoint: `${app.baseUrl}/api/messages`, logFile });
  return {
    app,
    playground,
    stop: async () => {
      await playground.stop();
      await app.close();
    },
  };
}
