import { randomFillSync } from 'node:crypto';
import type { ComposedApp } from '../composition/composeApp';
import { DEFAULT_SCHOOL_ID } from '../domain/schools/school';
import type { Actor } from '../features/schools/SchoolDirectory';
import { benchPerson, installed, post, type BenchPerson } from './activities';
import type { BenchApp } from './benchApp';
import { TENANT_ID } from './fixtures';
import { forEachLimited } from './parallel';
import { uploadRecording } from './recordingUpload';
import { generatedTrajectory, RECORDING_VARIANT } from './trajectorySeed';

/** Enough for the highest concurrency: each client is a person in a chat of their own. */
export const CLIENTS = 32;
export const TRAJECTORIES_PER_TEACHER = 10;
export const TRAJECTORIES_IN_SCHOOL = 2000;
const FRAGMENTS_PER_RECORDING = 5;
const GRANTS_PER_RECORDING = 3;
/** Intake submits land in a school of their own, so they do not grow the 2,000-trajectory partition. */
export const INTAKE_SCHOOL_ID = 'bench-intake';

const groups = { typists: 1, listers: 2, others: 3, intakers: 4, svibbers: 5 } as const;

export interface BenchSchool {
  /** (a) type messages. */
  typists: BenchPerson[];
  /** (c) and (d): teachers with 10 trajectories each, one of them with a shared recording. */
  listers: BenchPerson[];
  recordingOf: string[];
  /** (b) submit intakes. */
  intakers: BenchPerson[];
}

function actorOf(person: BenchPerson, schoolId: string, roles: Actor['roles'] = ['leerkracht']): Actor {
  return { tenantId: TENANT_ID, schoolId, userId: person.aadObjectId, name: person.name, roles };
}

const people = (group: number, count: number) => Array.from({ length: count }, (_, index) => benchPerson(group, index));

/**
 * The school the turn benchmarks run in: 2,000 trajectories in one partition, 32 teachers with 10
 * each (one recording with fragments and grants each), SVIB'ers who installed the app (they get
 * the new-request cards), and people for the typed messages and the intake submits.
 */
export async function seedBenchSchool(app: BenchApp): Promise<BenchSchool> {
  const { composed } = app;
  const { directory } = composed;
  const school: BenchSchool = { typists: people(groups.typists, CLIENTS), listers: people(groups.listers, CLIENTS), recordingOf: [], intakers: people(groups.intakers, CLIENTS) };
  const svibbers = people(groups.svibbers, 4);
  const seat = (person: BenchPerson, schoolId: string, roles: Actor['roles'] = []) =>
    directory.seedMember(TENANT_ID, schoolId, { userId: person.aadObjectId, name: person.name, email: `${person.id.slice(3)}@school.example.nl` }, roles);

  await forEachLimited([...school.typists, ...school.listers], 8, (person) => seat(person, DEFAULT_SCHOOL_ID));
  await forEachLimited(school.intakers, 8, (person) => seat(person, INTAKE_SCHOOL_ID));
  await forEachLimited(svibbers, 4, async (person, index) => {
    await seat(person, index < 2 ? DEFAULT_SCHOOL_ID : INTAKE_SCHOOL_ID, ['svibber']);
    const answer = await post(app.baseUrl, installed(app.connector.serviceUrl, person));
    if (answer.status !== 200) throw new Error(`installing for an SVIB'er answered ${answer.status}`);
  });

  const guide = actorOf(svibbers[0], DEFAULT_SCHOOL_ID, ['leerkracht', 'svibber']);
  const others = people(groups.others, (TRAJECTORIES_IN_SCHOOL - CLIENTS * TRAJECTORIES_PER_TEACHER) / TRAJECTORIES_PER_TEACHER);
  const owners = [...school.listers, ...others];
  const trajectories = owners.flatMap((person, owner) =>
    Array.from({ length: TRAJECTORIES_PER_TEACHER }, (_, variant) =>
      generatedTrajectory({
        id: `bench-${owner}-${variant}`,
        schoolId: DEFAULT_SCHOOL_ID,
        teacher: actorOf(person, DEFAULT_SCHOOL_ID),
        svibber: guide,
        variant,
        startedAt: new Date(Date.UTC(2021 + (variant % 5), owner % 12, 1 + (owner % 27), 9)),
      }),
    ),
  );
  await forEachLimited(trajectories, 16, async (trajectory) => {
    await composed.repositories.trajectories.create(TENANT_ID, trajectory, trajectory.createdAt);
  });

  school.recordingOf = await seedRecordings(composed, school.listers);
  return school;
}

/** One recording per teacher on the trajectory that waits for it, with marked fragments and colleagues who may watch. */
async function seedRecordings(composed: ComposedApp, teachers: BenchPerson[]): Promise<string[]> {
  const video = randomFillSync(new Uint8Array(64 * 1024));
  // An MP4 signature in front: registration checks the container's first bytes.
  video.set([0, 0, 0, 0x18, ...Buffer.from('ftypisom')], 0);
  const recordingOf: string[] = new Array(teachers.length);
  await forEachLimited(teachers, 4, async (person, index) => {
    const teacher = actorOf(person, DEFAULT_SCHOOL_ID);
    const recording = await uploadRecording(composed, teacher, `bench-${index}-${RECORDING_VARIANT}`, video, 'video/mp4');
    for (let fragment = 0; fragment < FRAGMENTS_PER_RECORDING; fragment++) {
      const marked = await composed.recordings.markFragment(teacher, recording.id, { startSecond: fragment * 60, endSecond: fragment * 60 + 25, note: 'kijkt de klas rond', aspect: 'beurtverdeling' });
      if (!marked.ok) throw new Error(`markFragment: ${marked.reason}`);
    }
    for (let grant = 1; grant <= GRANTS_PER_RECORDING; grant++) {
      const colleague = teachers[(index + grant) % teachers.length];
      const granted = await composed.recordings.grant(teacher, recording.id, { userId: colleague.aadObjectId, name: colleague.name }, { kind: 'recording' });
      if (!granted.ok) throw new Error(`grant: ${granted.reason}`);
    }
    recordingOf[index] = recording.id;
  });
  return recordingOf;
}
