import { provisionTestTools, thisMachine, type ProvisioningPorts } from '../../support/provisioning/provisionTestTools';
import { planProvisioning, TEST_TOOLS, type TestTool } from '../../support/provisioning/testTools';

const chromium: TestTool = { path: '/usr/bin/chromium', debianPackage: 'chromium', neededFor: 'the browser tests' };
const root = { isRoot: true, hasAptGet: true };
const user = { isRoot: false, hasAptGet: true };

describe('planProvisioning', () => {
  it('does nothing when every tool is there, root or not', () => {
    expect(planProvisioning([], root)).toEqual({ action: 'none' });
    expect(planProvisioning([], user)).toEqual({ action: 'none' });
  });

  it('installs what is missing with apt-get when running as root on Debian', () => {
    expect(planProvisioning([chromium], root)).toEqual({
      action: 'install',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium'],
      ],
    });
  });

  it('stops with one line naming the command when not root', () => {
    const plan = planProvisioning([chromium], user);
    expect(plan).toEqual({ action: 'stop', message: expect.stringContaining('`sudo apt-get update && sudo apt-get install -y chromium`') });
    if (plan.action === 'stop') {
      expect(plan.message).not.toContain('\n');
      expect(plan.message).toMatch(/^The browser tests need \/usr\/bin\/chromium: /);
    }
  });

  it('names the package to install where there is no apt-get', () => {
    expect(planProvisioning([chromium], { isRoot: true, hasAptGet: false })).toEqual({
      action: 'stop',
      message: expect.stringContaining("install Debian's chromium"),
    });
  });

  it('asks for each Debian package once', () => {
    const driver = { ...chromium, path: '/usr/bin/chromedriver' };
    const plan = planProvisioning([chromium, driver], root);
    expect(plan.action === 'install' && plan.commands[1].filter((word) => word === 'chromium')).toEqual(['chromium']);
  });

  it('looks for chromium where the browser tests start it', () => {
    expect(TEST_TOOLS.map((tool) => tool.debianPackage)).toEqual(['chromium']);
  });
});

/** A machine where an install makes the tool appear, as apt-get would. */
function fakeMachine(options: { present: boolean; isRoot: boolean; installWorks?: boolean }) {
  const state = { present: options.present, commands: [] as string[][] };
  const ports: ProvisioningPorts = {
    isExecutable: () => state.present,
    machine: () => ({ isRoot: options.isRoot, hasAptGet: true }),
    run: (command) => {
      state.commands.push(command);
      if (command[1] === 'install' && options.installWorks !== false) state.present = true;
      return options.installWorks !== false;
    },
    log: () => undefined,
  };
  return { state, ports };
}

describe('provisionTestTools', () => {
  it('runs no apt-get when everything is present', () => {
    const { state, ports } = fakeMachine({ present: true, isRoot: true });
    provisionTestTools([chromium], ports);
    expect(state.commands).toEqual([]);
  });

  it('installs a missing tool as root and goes on', () => {
    const { state, ports } = fakeMachine({ present: false, isRoot: true });
    provisionTestTools([chromium], ports);
    expect(state.commands.map((command) => command.slice(0, 2))).toEqual([
      ['apt-get', 'update'],
      ['apt-get', 'install'],
    ]);
  });

  it('stops without running anything when not root', () => {
    const { state, ports } = fakeMachine({ present: false, isRoot: false });
    expect(() => provisionTestTools([chromium], ports)).toThrow('sudo apt-get install -y chromium');
    expect(state.commands).toEqual([]);
  });

  it('stops naming the command that failed', () => {
    const { ports } = fakeMachine({ present: false, isRoot: true, installWorks: false });
    expect(() => provisionTestTools([chromium], ports)).toThrow('`apt-get update -qq` failed');
  });

  it('on this machine, finds a present tool and runs nothing', () => {
    const run = jest.fn(thisMachine.run);
    provisionTestTools([{ path: process.execPath, debianPackage: 'nodejs', neededFor: 'this test' }], { ...thisMachine, run });
    expect(run).not.toHaveBeenCalled();
  });

  it('on this machine, runs a command and reports whether it succeeded', () => {
    expect(thisMachine.run(['true'])).toBe(true);
    expect(thisMachine.run(['false'])).toBe(false);
    expect(thisMachine.isExecutable('/nonexistent/chromium')).toBe(false);
  });
});
