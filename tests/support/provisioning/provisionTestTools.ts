import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { planProvisioning, TEST_TOOLS, type Machine, type TestTool } from './testTools';

export interface ProvisioningPorts {
  isExecutable(path: string): boolean;
  machine(): Machine;
  /** Runs one command with its output shown; true when it exited 0. */
  run(command: string[]): boolean;
  log(line: string): void;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const thisMachine: ProvisioningPorts = {
  isExecutable,
  machine: () => ({ isRoot: process.getuid?.() === 0, hasAptGet: isExecutable('/usr/bin/apt-get') }),
  run: ([program, ...args]) =>
    spawnSync(program, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0,
  log: (line) => process.stderr.write(`${line}\n`),
};

/** An error jest prints as its one line, without a stack that points into this file. */
class ProvisioningStop extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProvisioningStop';
    this.stack = message;
  }
}

/**
 * Makes sure the tools the tests need are there before any test starts: runs apt-get only when
 * something is missing and it may, otherwise stops the run with one line naming the command.
 */
export function provisionTestTools(tools: readonly TestTool[] = TEST_TOOLS, ports: ProvisioningPorts = thisMachine): void {
  const missing = () => tools.filter((tool) => !ports.isExecutable(tool.path));
  const plan = planProvisioning(missing(), ports.machine());
  if (plan.action === 'none') return;
  if (plan.action === 'stop') throw new ProvisioningStop(plan.message);
  for (const command of plan.commands) {
    ports.log(`Installing what the tests need: ${command.join(' ')}`);
    if (!ports.run(command)) throw new ProvisioningStop(`\`${command.join(' ')}\` failed; run it by hand to see why, then the tests again.`);
  }
  const stillMissing = missing();
  if (stillMissing.length > 0) throw new ProvisioningStop(`Still missing after apt-get: ${stillMissing.map((tool) => tool.path).join(', ')}.`);
}
