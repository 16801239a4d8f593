import { startBenchApp, type BenchApp } from './benchApp';
import { benchAccessCard, benchTrajectoryDetailCard } from './cardBench';
import { benchClipCutting } from './clipBench';
import { benchDecideAccess } from './domainBench';
import { msSince, nowNs, type BenchResult } from './measure';
import { failureLine, headerLines, machineLine, resultLine } from './report';
import { benchMessageTurns } from './turnBench';
import { benchRecordingUpload } from './uploadBench';

/**
 * `npm run bench`: speed figures for people to read and compare between runs. It asserts no
 * thresholds (tests never time); it fails only when a benchmark could not do its work.
 */
async function main(): Promise<void> {
  const started = nowNs();
  let failures = 0;
  // One after another, never in parallel: each benchmark gets the machine to itself.
  const run = async (label: string, benchmark: () => BenchResult | Promise<BenchResult>) => {
    try {
      console.log(resultLine(await benchmark()));
    } catch (error) {
      failures++;
      console.log(failureLine(label, error));
    }
  };

  // restify's spdy uses a deprecated Node API on import; Node prints that warning on a later tick,
  // so let it come out first instead of splitting the table.
  await new Promise((resolve) => setImmediate(resolve));
  console.log(machineLine());
  console.log();
  for (const line of headerLines()) console.log(line);

  await run('decideAccess', benchDecideAccess);
  await run('trajectoryDetailCard', benchTrajectoryDetailCard);
  await run('accessCard', benchAccessCard);

  let app: BenchApp | undefined;
  try {
    app = await startBenchApp();
  } catch (error) {
    failures++;
    console.log(failureLine('app on Azurite', error));
  }
  if (app) {
    const running = app;
    try {
      await run('message turn', () => benchMessageTurns(running));
      await run('recording upload', () => benchRecordingUpload(running));
      await run('clip cut', () => benchClipCutting(running));
    } finally {
      // Everything that holds a socket or a child process, so the process exits by itself.
      await running.close();
    }
  }

  console.log();
  console.log(`total ${(msSince(started) / 1000).toFixed(1)} s${failures > 0 ? `, ${failures} failed` : ''}`);
  if (failures > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
