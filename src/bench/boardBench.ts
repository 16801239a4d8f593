import { odata } from '@azure/data-tables';
import { TEAMS_RATE_LIMITS } from '../domain/deliveries/rateLimits';
import { remindUntakenRequests } from '../jobs/requestReminderJob';
import { schoolPartition } from '../storage/storageKeys';
import type { Actor } from '../features/schools/SchoolDirectory';
import { benchPerson } from './activities';
import type { BenchApp } from './benchApp';
import { benchBoardDeliveries, boardDeliveryFigures, connectBoard, type BoardDeliveryResult } from './boardDeliveryBench';
import { figure, type Figure, type MissingFigure } from './figures';
import { TENANT_ID } from './fixtures';
import { HttpCounter } from './httpCounter';
import { KIJKWIJZER_ROUNDS, seedKijkwijzerRounds, type BoardSchool } from './kijkwijzerSeed';
import { msSince, nowNs } from './measure';
import { forEachLimited } from './parallel';
import { summarize, type LatencySummary } from './stats';
import { benchSchoolSummary, summaryFigures, type SummaryVsRead } from './summaryBench';
import { startThrottlingConnector } from './throttlingConnector';
import { generatedTrajectory } from './trajectorySeed';

export const TEACHERS_PER_SCHOOL = 40;
export const YEARS = 5;

export interface BoardResult {
  schools: number;
  trajectories: number;
  kijkwijzerRounds: number;
  kijkwijzerPages: number;
  seedSeconds: number;
  /** One school's partitions: trajectories, members, and its people (a filter on the tenant's partition). */
  schoolRead: LatencySummary;
  schoolReadRows: number;
  /** The request reminder round over every school: the fan-out that exists today. */
  reminderRoundMs: number;
  reminded: number;
  reminderRoundTrips: number;
  summary: SummaryVsRead;
  deliveries: BoardDeliveryResult;
}

const schoolIdOf = (index: number) => `board-${String(index).padStart(3, '0')}`;

/** Besides teaching: the first two are the school's SVIB'ers, the third its beheerder (commissie), the fourth directie. */
function extraRoles(index: number): Actor['roles'] {
  if (index < 2) return ['leerkracht', 'svibber'];
  if (index === 2) return ['leerkracht', 'beheerder'];
  if (index === 3) return ['leerkracht', 'directie'];
  return ['leerkracht'];
}

/**
 * Item 4's data set: every school with 40 teachers (two of them SVIB'ers) and one trajectory per
 * teacher per school year for 5 years; only the last year has requests still open. Kijkwijzer
 * rounds are seeded after it (`seedKijkwijzerRounds`).
 */
async function seedBoard(app: BenchApp, schools: number): Promise<{ trajectories: number; schools: BoardSchool[] }> {
  const { composed } = app;
  let count = 0;
  const board: BoardSchool[] = [];
  await forEachLimited(
    Array.from({ length: schools }, (_, index) => index),
    2,
    async (schoolIndex) => {
      const schoolId = schoolIdOf(schoolIndex);
      const teachers = Array.from({ length: TEACHERS_PER_SCHOOL }, (_, index) => benchPerson(100 + schoolIndex, index));
      const actors: Actor[] = teachers.map((person, index) => ({ tenantId: TENANT_ID, schoolId, userId: person.aadObjectId, name: person.name, roles: extraRoles(index) }));
      board.push({ schoolId, beheerder: actors[2], teachers: actors });
      await forEachLimited(actors, 8, (actor) => composed.directory.seedMember(TENANT_ID, schoolId, { userId: actor.userId, name: actor.name }, actor.roles.filter((role) => role !== 'leerkracht')));
      const trajectories = actors.flatMap((teacher, index) =>
        Array.from({ length: YEARS }, (_, year) =>
          generatedTrajectory({
            id: `board-${schoolIndex}-${index}-${year}`,
            schoolId,
            teacher,
            // The two SVIB'ers guide everyone; each other too, never themselves.
            svibber: actors[index === 0 ? 1 : 0],
            // Older years are finished (variant 5: closed after one cycle); the last one is a mix.
            variant: year < YEARS - 1 ? 5 : index,
            startedAt: new Date(Date.UTC(2021 + year, 8 + (index % 4), 1 + (index % 27), 9)),
          }),
        ),
      );
      await forEachLimited(trajectories, 8, (trajectory) => composed.repositories.trajectories.create(TENANT_ID, trajectory, trajectory.createdAt).then(() => undefined));
      count += trajectories.length;
    },
  );
  board.sort((a, b) => a.schoolId.localeCompare(b.schoolId));
  return { trajectories: count, schools: board };
}

export async function benchBoard(app: BenchApp, schools: number, progress: (line: string) => void): Promise<BoardResult> {
  const { composed } = app;
  const seedStart = nowNs();
  const { trajectories, schools: board } = await seedBoard(app, schools);
  const kijkwijzer = await seedKijkwijzerRounds(app, board);
  const seedSeconds = msSince(seedStart) / 1000;
  progress(`school board: ${schools} schools, ${trajectories} trajectories, ${kijkwijzer.rounds} kijkwijzer rounds (${kijkwijzer.pages} answer pages) generated in ${seedSeconds.toFixed(0)} s`);

  const schoolId = schoolIdOf(Math.floor(schools / 2));
  const table = composed.storage.table(composed.storage.names.trajectoriesTable);
  let rows = 0;
  const samples: number[] = [];
  for (let index = 0; index < 30; index++) {
    const start = nowNs();
    rows = 0;
    for await (const entity of table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${schoolPartition(TENANT_ID, schoolId)}` } })) rows += entity ? 1 : 0;
    rows += (await composed.repositories.members.list(TENANT_ID, schoolId)).length;
    rows += (await composed.directory.peopleAt(TENANT_ID, schoolId)).length;
    if (index >= 5) samples.push(msSince(start));
  }

  const counter = new HttpCounter().start();
  const roundStart = nowNs();
  const reminded = await remindUntakenRequests(composed.jobOptions, new Date());
  const reminderRoundMs = msSince(roundStart);
  const reminderRoundTrips = counter.take().length;
  counter.stop();

  // From here on, deliveries go to a stub with Teams' limits; this process's sender waits until
  // the queue is full (the summary job's own clock may queue summaries meanwhile).
  await composed.deliveries.sender.stop();
  // What the turn benchmarks and the reminder round queued is not part of the fan-out: gone, so
  // the fan-out's figure is the sender's rate on its own messages.
  await composed.storage.queue(composed.storage.names.deliveryQueue).clearMessages();
  const stub = await startThrottlingConnector(TEAMS_RATE_LIMITS);
  try {
    await connectBoard(app, board, stub.serviceUrl);
    const summary = await benchSchoolSummary(app, schoolId, 30);
    progress(`school board: one school's directie summary p50 ${summary.summary.p50.toFixed(0)} ms against a plain read p50 ${summary.plainRead.p50.toFixed(0)} ms`);
    const deliveries = await benchBoardDeliveries(app, board, stub, progress);
    return { schools, trajectories, kijkwijzerRounds: kijkwijzer.rounds, kijkwijzerPages: kijkwijzer.pages, seedSeconds, schoolRead: summarize(samples), schoolReadRows: rows, reminderRoundMs, reminded, reminderRoundTrips, summary, deliveries };
  } finally {
    // The sender runs on for the rest of the app's life (close() stops it); the stub goes now.
    composed.deliveries.startSender();
    await stub.stop();
  }
}

export function boardFigures(result: BoardResult): Figure[] {
  return [
    figure({
      item: 4,
      name: `plain read of one school's partitions (of ${result.schools}) p99`,
      value: result.schoolRead.p99,
      unit: 'ms',
      note: `${result.schoolReadRows} rows: trajectories and members partitions plus its people (filtered out of the tenant's partition); p50 ${result.schoolRead.p50.toFixed(1)} ms`,
    }),
    figure({
      item: 4,
      name: `request reminder round over ${result.schools} schools`,
      value: result.reminderRoundMs / 1000,
      unit: 's',
      note: `${result.reminded} open requests reminded, ${result.reminderRoundTrips} HTTP requests (storage + connector); scans the whole trajectories table (${result.trajectories} rows)`,
    }),
    ...summaryFigures(result.summary),
    ...boardDeliveryFigures(result.deliveries),
  ];
}

/** A board smaller than the is named as such: its fan-out figures are not the 8,000 invitations. */
export function boardMissing(schools: number): MissingFigure[] {
  if (schools >= 200) return [];
  return [{ item: 4, name: `school board at the issue's size (200 schools × 40 teachers, 5 years, ${KIJKWIJZER_ROUNDS} kijkwijzer rounds)`, reason: `--full only; this run: ${schools} schools` }];
}
