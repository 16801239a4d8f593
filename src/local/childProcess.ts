import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface RunningChild {
  process: ChildProcess;
  isAlive(): boolean;
  stop(): Promise<void>;
}

/** Starts a Node script as a child that is stopped with SIGTERM (then SIGKILL) when asked. */
export function startNodeChild(script: string, args: string[], env: NodeJS.ProcessEnv, output: 'inherit' | 'ignore' = 'ignore'): RunningChild {
  const child = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', output, output] });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  return {
    process: child,
    isAlive: () => !exited,
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(killer);
    },
  };
}

/** The path of a package's command-line script, found through node's own resolution. */
export function binOf(packageName: string, binName: string): string {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifestPath), manifest.bin[binName]);
}
