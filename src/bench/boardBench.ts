import { odata } from '@azure/data-tables';
import { remindUntakenRequests } from '../jobs/requestReminderJob';
import { schoolPartition } from '../storage/storageKeys';
import type { Actor } from '../features/schools/SchoolDirectory';
import { benchPerson } from './activities';
import type { BenchApp } from './benchApp';
import { figure, type Figure, type MissingFigure } from './figures';
import { TENANT_ID } from './fixtures';
import { HttpCounter } from './httpCounter';
import { msSince, nowNs } from './measure';
import { forEachLimited } from './parallel';
import { summarize, type LatencySummary } from './stats';
import { generatedTrajectory } from './trajectorySeed';

export const TEACHERS_PER_SCHOOL = 40;
export const YEARS = 5;

export interface BoardResult {
  schools: number;
  trajectories: number;
  seedSeconds: number;
  /** One school's partitions: trajectories, members, and its people (a filter on the tenant's partition). */
  schoolRead: LatencySummary;
  schoolReadRows: number;
  /** The request reminder round over every school: the fan-out that exists today. */
  reminderRoundMs: number;
  reminded: number;
  reminderRoundTrips: number;
}

const schoolIdOf = (index: number) => `board-${String(index).padStart(3, '0')}`;

/**
 * Item 4's data set: every school with 40 teachers (two of them SVIB'ers) and one trajectory per
 * teacher per school year for 5 years; only the last year has requests still open.
 */
async function seedBoard(app: BenchApp, schools: number): Promise<number> {
  const { composed } = app;
  let count = 0;
  await forEachLimited(
    Array.from({ length: schools }, (_, index) => index),
    2,
    async (schoolIndex) => {
      const schoolId = schoolIdOf(schoolIndex);
      const teachers = Array.from({ length: TEACHERS_PER_SCHOOL }, (_, index) => benchPerson(100 + schoolIndex, index));
      const actors: Actor[] = teachers.map((person, index) => ({ tenantId: TENANT_ID, schoolId, userId: person.aadObjectId, name: person.name, roles: index < 2 ? ['leerkracht', 'svibber'] : ['leerkracht'] }));
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
  return count;
}

export async function benchBoard(app: BenchApp, schools: number, progress: (line: string) => void): Promise<BoardResult> {
  const { composed } = app;
  const seedStart = nowNs();
  const trajectories = await seedBoard(app, schools);
  const seedSeconds = msSince(seedStart) / 1000;
  progress(`school board: ${schools} schools, ${trajectories} trajectories generated in ${seedSeconds.toFixed(0)} s`);

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
  return { schools, trajectories, seedSeconds, schoolRead: summarize(samples), schoolReadRows: rows, reminderRoundMs, reminded, reminderRoundTrips };
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
  ];
}

/** What item 4 asks for that cannot be measured yet, and why; the quick run also skips the data set. */
export function boardMissing(schools: number): MissingFigure[] {
  const missing: MissingFigure[] = [
    { item: 4, name: "one school's directie summary vs plain read of its partitions [≤ 1.5×]", reason: 'the directie summary (#12) and kijkwijzer rounds (#11) are not on main yet' },
    { item: 4, name: "all 200 schools' summaries through the delivery queue", reason: 'the summary (#12) and the delivery queue on Azure Storage Queues (#13) are not on main yet' },
    { item: 4, name: '8,000 kijkwijzer invitations through the queue to a 429 + Retry-After stub [rate ≥ 0.9 of allowed, 0 lost, 0 doubled]', reason: 'the kijkwijzer (#11) and the delivery queue (#13) are not on main yet' },
  ];
  if (schools < 200) missing.unshift({ item: 4, name: 'school board data set (200 schools × 40 teachers, 5 years)', reason: `generated with --full only (this run: ${schools} schools)` });
  return missing;
}
