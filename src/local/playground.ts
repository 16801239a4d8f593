import { resolve } from 'node:path';
import { binOf, startNodeChild } from './childProcess';
import { waitForPort } from './freePort';

export interface PlaygroundOptions {
  port: number;
  botEndpoint: string;
  /** The checked-in mock users; a test may pass its own file. */
  configPath?: string;
  logFile?: string;
  showOutput?: boolean;
}

export interface RunningPlayground {
  url: string;
  stop(): Promise<void>;
}

/** Starts the Microsoft 365 Agents Playground as a Teams client (channel msteams), without a browser. */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const child = startNodeChild(
    binOf('@microsoft/m365agentsplayground', 'agentsplayground'),
    ['start', '-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--dt'],
    {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath ?? resolve('.m365agentsplayground.yml'),
      ...(options.logFile ? { M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile } : {}),
    },
    options.showOutput ? 'inherit' : 'ignore',
  );
  try {
    await waitForPort(options.port, 'Agents Playground', 60_000, child.isAlive);
  } catch (error) {
    await child.stop();
    throw new Error(`${(error as Error).message}${options.logFile ? ` (see ${options.logFile})` : ''}`);
  }
  return { url: `http://localhost:${options.port}`, stop: child.stop };
}
