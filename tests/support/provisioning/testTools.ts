/** A program the tests run that `npm ci` cannot bring: it comes from Debian. */
export interface TestTool {
  /** Where the tests look for it. */
  path: string;
  debianPackage: string;
  neededFor: string;
}

/**
 * Debian's chromium drives the browser tests (no browser is ever downloaded). ffmpeg and ffprobe
 * are not here: they come with `npm ci` (@ffmpeg-installer/ffmpeg, @ffprobe-installer/ffprobe).
 */
export const TEST_TOOLS: readonly TestTool[] = [
  { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', debianPackage: 'chromium', neededFor: 'the browser tests' },
];

export type ProvisioningPlan =
  | { action: 'none' }
  | { action: 'install'; commands: string[][] }
  | { action: 'stop'; message: string };

export interface Machine {
  isRoot: boolean;
  hasAptGet: boolean;
}

/**
 * What to do about missing tools: nothing when all are there, install them with apt-get where
 * that is possible without asking anyone (root on Debian), otherwise stop with one line that
 * names the command to run.
 */
export function planProvisioning(missing: readonly TestTool[], machine: Machine): ProvisioningPlan {
  if (missing.length === 0) return { action: 'none' };
  const packages = [...new Set(missing.map((tool) => tool.debianPackage))];
  const needs = `${[...new Set(missing.map((tool) => tool.neededFor))].join(' and ')} need ${missing.map((tool) => tool.path).join(', ')}`;
  if (!machine.hasAptGet) {
    return { action: 'stop', message: `${capitalised(needs)}: install Debian's ${packages.join(' ')} (or set CHROMIUM_PATH), then run the tests again.` };
  }
  if (!machine.isRoot) {
    return { action: 'stop', message: `${capitalised(needs)}: run \`sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}\`, then the tests again.` };
  }
  return {
    action: 'install',
    commands: [
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages],
    ],
  };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
