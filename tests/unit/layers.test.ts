import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The layer rules of `npm run lint` (eslint/layers.mjs), run through ESLint's Node API with the
 * project's own eslint.config.mjs on imports placed in files of each layer. ESLint loads its
 * config as an ES module, which jest's module sandbox cannot, so it runs in a child Node.
 */
const root = path.resolve(__dirname, '../..');

interface Case {
  file: string;
  from: string;
  allowed: boolean;
}

const cases: Case[] = [
  { file: 'src/domain/trajectories/x.ts', from: '../schools/roles', allowed: true },
  { file: 'src/domain/trajectories/x.ts', from: '../../storage/trajectories/TrajectoryRepository', allowed: false },
  { file: 'src/domain/trajectories/x.ts', from: '../../texts', allowed: false },
  { file: 'src/domain/trajectories/x.ts', from: 'node:fs', allowed: false },
  { file: 'src/texts/nlX.ts', from: '../domain/trajectories/trajectory', allowed: true },
  { file: 'src/storage/trajectories/x.ts', from: '../../domain/trajectories/trajectory', allowed: true },
  { file: 'src/storage/recordings/x.ts', from: '../leases/JobLease', allowed: true },
  { file: 'src/storage/trajectories/x.ts', from: '../../features/trajectories/TrajectoryService', allowed: false },
  { file: 'src/cards/x.ts', from: '../storage/audit/AuditLog', allowed: false },
  { file: 'src/cards/x.ts', from: '../texts', allowed: true },
  { file: 'src/features/calendar/x.ts', from: '../../http/calendarRoute', allowed: false },
  { file: 'src/features/recordings/x.ts', from: '../../cards/recordingCards', allowed: false },
  { file: 'src/features/recordings/x.ts', from: '../../teams/ProactiveNotifier', allowed: false },
  { file: 'src/features/recordings/x.ts', from: '../../storage/recordings/RecordingRepository', allowed: true },
  { file: 'src/features/scheduling/SchedulingService.ts', from: '../../cards/schedulingCards', allowed: false },
  { file: 'src/features/notifications/Notifier.ts', from: '../../cards/renderCard', allowed: false },
  { file: 'src/features/trajectories/TrajectoryService.ts', from: '../../cards/trajectoryCards', allowed: false },
  { file: 'src/jobs/x.ts', from: '../cards/recordingCards', allowed: true },
  { file: 'src/jobs/x.ts', from: '../teams/ProactiveNotifier', allowed: false },
  { file: 'src/http/x.ts', from: 'botbuilder', allowed: false },
  { file: 'src/teams/x.ts', from: 'botbuilder', allowed: true },
  { file: 'src/teams/handlers/x.ts', from: '../../texts/nlTrajectories', allowed: false },
  { file: 'src/teams/handlers/x.ts', from: '../../texts', allowed: true },
  { file: 'src/web/x.ts', from: '../texts/fillIn', allowed: true },
  { file: 'src/web/x.ts', from: '../texts/nlPages', allowed: false },
  { file: 'src/web/x.ts', from: '../http/pagesRoute', allowed: false },
  { file: 'src/composition/x.ts', from: '../teams/ProactiveNotifier', allowed: true },
  { file: 'src/composition/x.ts', from: '../texts/nl', allowed: false },
];

const runner = `
import { ESLint } from 'eslint';
const eslint = new ESLint({ cwd: process.cwd() });
const found = [];
for (const { file, from } of JSON.parse(process.env.LAYER_CASES)) {
  const code = "import { something } from '" + from + "';\\nexport const used = something;\\n";
  const [result] = await eslint.lintText(code, { filePath: file });
  found.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
}
process.stdout.write(JSON.stringify(found));
`;

function restrictions(): string[][] {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', runner], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LAYER_CASES: JSON.stringify(cases) },
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

describe('the layer rules of npm run lint', () => {
  const found = restrictions();

  it.each(cases.map((c, index) => ({ ...c, index })))('$file importing $from: allowed $allowed', ({ index, allowed }) => {
    if (allowed) expect(found[index]).toEqual([]);
    else expect(found[index].length).toBeGreaterThan(0);
  });

  it('knows every folder under src as a layer or a root, so a new folder must take its place first', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', "import { layers, roots } from './eslint/layers.mjs'; process.stdout.write(JSON.stringify([...Object.keys(layers), ...roots]));"], { cwd: root, encoding: 'utf8' });
    const known = JSON.parse(run.stdout) as string[];
    const folders = readdirSync(path.join(root, 'src'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders.filter((folder) => !known.includes(folder))).toEqual([]);
  });

  it('names the rule that was broken', () => {
    const featureToCards = cases.findIndex((c) => c.file === 'src/features/recordings/x.ts' && c.from.includes('cards'));
    expect(found[featureToCards].join(' ')).toContain('never cards');
    const nlDirect = cases.findIndex((c) => c.from === '../../texts/nlTrajectories');
    expect(found[nlDirect].join(' ')).toContain('through src/texts');
  });
});
