import { loadavg } from 'node:os';
import { startBenchApp, type BenchApp } from './benchApp';
import { seedBenchSchool, type BenchSchool } from './benchSchool';
import { benchBoard, boardFigures, boardMissing } from './boardBench';
import { benchAccessCard, benchTemplateParse, benchTrajectoryDetailCard } from './cardBench';
import { benchClipCutting } from './clipBench';
import { benchColdStart, coldStartFigures } from './coldStartBench';
import { benchDecideAccess } from './domainBench';
import { markdownTable, type Figure, type MissingFigure } from './figures';
import { msSince, nowNs, type BenchResult } from './measure';
import { benchOptions } from './options';
import { failureLine, headerLines, machineLine, resultLine } from './report';
import { writeResults } from './resultsFile';
import { countRoundTrips, roundTripFigures } from './roundTripBench';
import { benchTurns, turnFigures, turnTable } from './turnBench';
import { turnScenarios } from './turnScenarios';
import { benchUpload, uploadFigures } from './uploadBench';
import { benchWatchLink, watchLinkFigures } from './watchLinkBench';

/**
 * `npm run bench` (quick) or `npm run bench -- --full`: every figure of issue #16 next to its
 * floor, measured in the same run, printed as a table and written to bench/results/<date>.json.
 * It asserts nothing (tests never time); a missed goal is reported, and the run fails only when
 * a benchmark could not do its work.
 */
async function main(): Promise<void> {
  const options = benchOptions(process.argv.slice(2));
  const startedAt = new Date();
  const started = nowNs();
  const figures: Figure[] = [];
  const missing: MissingFigure[] = [];
  const details: Record<string, unknown> = {};
  let failures = 0;
  const log = (line: string) => console.log(line);
  /** One section; a failure is counted and named in the table instead of the figures it would give. */
  const section = async (item: number, label: string, work: () => Promise<void>) => {
    const sectionStart = nowNs();
    try {
      await work();
      log(`  … ${label} done in ${(msSince(sectionStart) / 1000).toFixed(1)} s`);
    } catch (error) {
      failures++;
      const reason = error instanceof Error ? error.message : String(error);
      missing.push({ item, name: label, reason: `failed: ${reason}` });
      log(failureLine(label, error));
    }
  };

  // restify's spdy uses a deprecated Node API on import; Node prints that warning on a later tick,
  // so let it come out first instead of splitting the output.
  await new Promise((resolve) => setImmediate(resolve));
  const loadAverage = loadavg().map((value) => Number(value.toFixed(2)));
  log(`${machineLine()} · load ${loadAverage.join(' ')} · ${options.full ? 'full' : 'quick'} run`);
  log('');

  // Components (no floor): where time goes inside a turn.
  for (const line of headerLines()) log(line);
  const components: BenchResult[] = [];
  for (const benchmark of [benchDecideAccess, benchTrajectoryDetailCard, benchAccessCard, benchTemplateParse]) {
    const result = benchmark();
    components.push(result);
    log(resultLine(result));
  }
  details.components = components;
  log('');

  let app: BenchApp | undefined;
  let school: BenchSchool | undefined;
  await section(1, 'app and echo bot on Azurite, school seeded', async () => {
    app = await startBenchApp();
    school = await seedBenchSchool(app);
  });
  if (app && school) {
    const running = app;
    const seeded = school;
    try {
      const scenarios = turnScenarios(running, seeded);
      await section(1, 'turns', async () => {
        const series = await benchTurns(scenarios, { concurrencies: [1, 8, 32], turnsAt: options.turnsAt, rounds: options.rounds, warmupTurns: 10 }, log);
        details.turns = series;
        figures.push(...turnFigures(series));
        log('');
        log(turnTable(series));
      });
      await section(2, 'storage round trips per turn', async () => {
        const counts = await countRoundTrips(running, scenarios);
        details.roundTrips = counts;
        for (const count of counts) log(`${count.name.padEnd(36)} ${count.storage} storage, ${count.connector} connector: ${count.requests.join(', ')}`);
        figures.push(...roundTripFigures(counts));
      });
      await section(3, 'watch link vs getEntity', async () => {
        const result = await benchWatchLink(running, seeded, options.watchLinkIterations);
        details.watchLink = result;
        figures.push(...watchLinkFigures(result));
      });
      await section(3, 'upload: app path vs SDK, bot RSS', async () => {
        const result = await benchUpload(running, seeded, options.uploadBytes, options.uploadRounds);
        details.upload = result;
        figures.push(...uploadFigures(result));
      });
      await section(5, 'cold start', async () => {
        const result = await benchColdStart(running, seeded, options.coldStarts);
        details.coldStart = result;
        figures.push(...coldStartFigures(result));
      });
      if (options.clipCut) {
        await section(0, 'clip cut', async () => {
          const result = await benchClipCutting(running, seeded);
          details.clipCut = result;
          log(resultLine(result));
        });
      }
      missing.push(...boardMissing(options.boardSchools));
      if (options.boardSchools > 0) {
        await section(4, 'school board', async () => {
          const result = await benchBoard(running, options.boardSchools, log);
          details.board = result;
          figures.push(...boardFigures(result));
        });
      }
    } finally {
      // Everything that holds a socket or a child process, so the process exits by itself.
      await running.close();
    }
  }

  log('');
  log(markdownTable(figures, missing));
  log('');
  log('Absolute figures drift with whatever else runs on the machine; ratios to a floor measured in the same run are what count.');
  const path = writeResults({ startedAt: startedAt.toISOString(), mode: options.full ? 'full' : 'quick', args: process.argv.slice(2), machine: machineLine(), loadAverage, figures, missing, details });
  log(`results written to ${path}`);
  log(`total ${(msSince(started) / 1000).toFixed(1)} s${failures > 0 ? `, ${failures} failed` : ''}`);
  if (failures > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
