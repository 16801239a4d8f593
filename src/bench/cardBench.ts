import * as ACData from 'adaptivecards-templating';
import trajectoryDetailTemplate from '../../cards/trajectories/trajectoryDetail.json';
import { accessCard } from '../cards/recordingCards';
import { trajectoryDetailCard } from '../cards/trajectoryCards';
import type { Fragment, Grant } from '../domain/recordings/recording';
import { createTrajectory } from '../domain/trajectories/createTrajectory';
import { validateIntakeForm } from '../domain/trajectories/intakeForm';
import { applyCommand } from '../domain/trajectories/transitions';
import type { PersonWithRoles, Trajectory, TrajectoryCommand } from '../domain/trajectories/trajectory';
import { opsPerSecond, resultOf, timeBatches, type BenchResult } from './measure';
import { TENANT_ID, validIntake } from './fixtures';

const teacher: PersonWithRoles = { userId: 'teacher', name: 'Sanne de Vries', roles: ['leerkracht'] };
const svibber: PersonWithRoles = { userId: 'svibber', name: 'Marieke Jansen', roles: ['leerkracht', 'svibber'] };

/** A trajectory well under way, so the card shows a timeline, intake answers and step buttons. */
function trajectoryInProgress(): Trajectory {
  const intake = validateIntakeForm(validIntake);
  if (!intake.ok) throw new Error('the bench intake is invalid');
  const created = createTrajectory({ type: 'request', trajectoryId: 'trajectory-1', schoolId: 'school-1', intake: intake.value }, teacher, new Date('2025-03-01T09:00:00Z'));
  if (!created.ok) throw new Error(created.reason);
  const steps: TrajectoryCommand[] = [{ type: 'takeUp' }, { type: 'startIntake' }, { type: 'completeIntake', cycles: 3 }, { type: 'completeRecording', cycle: 1 }];
  return steps.reduce((trajectory, command, index) => {
    const result = applyCommand(trajectory, command, svibber, new Date(Date.UTC(2025, 2, 2 + index, 10)));
    if (!result.ok) throw new Error(`${command.type}: ${result.reason}`);
    return result.trajectory;
  }, created.trajectory);
}

export function benchTrajectoryDetailCard(): BenchResult {
  const trajectory = trajectoryInProgress();
  const options = {
    handOverChoices: [svibber, { userId: 'joost', name: 'Joost Visser' }, { userId: 'lotte', name: 'Lotte Smit' }],
    recordingLinks: [1, 2].map((cycle) => ({ title: `Opname ${cycle}`, url: `https://svib.example.nl/recordings/watch?r=${cycle}` })),
  };
  const batches = 30;
  const batchSize = 100;
  const samples = timeBatches(batches, batchSize, () => trajectoryDetailCard(trajectory, svibber, options));
  return resultOf('trajectoryDetailCard (svibber view)', samples, batches * batchSize, opsPerSecond);
}

export function benchAccessCard(): BenchResult {
  const people = Array.from({ length: 30 }, (_, index) => ({ userId: `user-${index}`, name: `Collega ${index}` }));
  const fragments: Fragment[] = Array.from({ length: 8 }, (_, index) => ({
    id: `fragment-${index}`,
    recordingId: 'recording-1',
    startSecond: index * 60,
    endSecond: index * 60 + 25,
    note: 'kijkt de klas rond',
    aspect: 'beurtverdeling',
    createdBy: 'svibber',
    createdAt: new Date('2025-03-05T10:00:00Z'),
  }));
  const grants: Grant[] = people.slice(0, 10).map((person, index) => ({
    id: `grant-${index}`,
    tenantId: TENANT_ID,
    schoolId: 'school-1',
    trajectoryId: 'trajectory-1',
    recordingId: 'recording-1',
    granteeId: person.userId,
    granteeName: person.name,
    scope: index % 2 === 0 ? { kind: 'recording' } : { kind: 'fragments', fragmentIds: ['fragment-1', 'fragment-2'] },
    until: index % 3 === 0 ? new Date('2025-06-01T00:00:00Z') : undefined,
    grantedAt: new Date('2025-03-06T10:00:00Z'),
  }));
  const input = { recordingId: 'recording-1', cycle: 1, grants, people, fragments, fragmentSharing: true };
  const batches = 30;
  const batchSize = 100;
  const samples = timeBatches(batches, batchSize, () => accessCard(input));
  return resultOf('accessCard (10 grants, 30 people)', samples, batches * batchSize, opsPerSecond);
}

/**
 * What every render paid before templates were kept (bench/README.md): parsing the detail card's
 * template, every `${…}` into an expression tree. Now this happens once per card per process.
 */
export function benchTemplateParse(): BenchResult {
  const batches = 10;
  const batchSize = 20;
  const samples = timeBatches(batches, batchSize, () => new ACData.Template(trajectoryDetailTemplate));
  return resultOf('parse trajectoryDetail template (once now)', samples, batches * batchSize, opsPerSecond);
}
