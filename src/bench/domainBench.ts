import { decideAccess, type AccessTarget } from '../domain/recordings/accessPolicy';
import { recordingActions, type AccessSubject, type Grant, type Recording, type TrajectoryFacts } from '../domain/recordings/recording';
import type { Role } from '../domain/schools/roles';
import { opsPerSecond, resultOf, timeBatches, type BenchResult } from './measure';
import { TENANT_ID } from './fixtures';

const SUBJECTS = 500;
const GRANTS = 50;
const RECORDINGS = 4;

const trajectory: TrajectoryFacts = { tenantId: TENANT_ID, schoolId: 'school-1', trajectoryId: 'trajectory-1', teacherId: 'user-0', svibberId: 'user-1', phase: 'opname' };

function recording(index: number): Recording {
  return {
    id: `recording-${index}`,
    tenantId: TENANT_ID,
    schoolId: 'school-1',
    trajectoryId: 'trajectory-1',
    cycle: index + 1,
    blobName: `${TENANT_ID}/school-1/trajectory-1/${index}`,
    uploaderId: 'user-0',
    sizeBytes: 1e8,
    contentType: 'video/mp4',
    uploadedAt: new Date('2025-03-01T10:00:00Z'),
  };
}

/**
 * Grants of every kind the policy tells apart (whole recording, chosen fragments, expired,
 * withdrawn, another trajectory's), so each call walks a realistic mix of branches.
 */
function grant(index: number): Grant {
  const kind = index % 5;
  return {
    id: `grant-${index}`,
    tenantId: TENANT_ID,
    schoolId: 'school-1',
    trajectoryId: kind === 4 ? 'trajectory-2' : 'trajectory-1',
    recordingId: `recording-${index % RECORDINGS}`,
    granteeId: `user-${2 + (index % (SUBJECTS / 2))}`,
    granteeName: `Collega ${index}`,
    scope: kind === 1 ? { kind: 'fragments', fragmentIds: [`fragment-${index}`, `fragment-${index + 1}`] } : { kind: 'recording' },
    until: kind === 2 ? new Date('2025-01-01T00:00:00Z') : undefined,
    grantedAt: new Date('2024-12-01T00:00:00Z'),
    withdrawnAt: kind === 3 ? new Date('2025-02-01T00:00:00Z') : undefined,
  };
}

const roleMix: readonly (readonly Role[])[] = [['leerkracht'], ['leerkracht', 'svibber'], ['leerkracht', 'ib'], ['leerkracht', 'directie', 'beheerder']];

/** Teacher, begeleider, grantees and bystanders, with the odd one from another school. */
function subject(index: number): AccessSubject {
  return { tenantId: TENANT_ID, schoolId: index % 50 === 49 ? 'school-2' : 'school-1', userId: `user-${index}`, roles: roleMix[index % roleMix.length] };
}

export function benchDecideAccess(): BenchResult {
  const subjects = Array.from({ length: SUBJECTS }, (_, index) => subject(index));
  const grants = Array.from({ length: GRANTS }, (_, index) => grant(index));
  const targets: AccessTarget[] = [
    { trajectory },
    ...Array.from({ length: RECORDINGS }, (_, index) => ({ trajectory, recording: recording(index), fragmentId: `fragment-${index}` })),
  ];
  const now = new Date('2025-03-15T12:00:00Z');
  const batches = 40;
  const batchSize = 20_000;
  // 9 actions against 500 subjects are co-prime, and the target moves on after each round of
  // subjects: every subject meets every action and target, not one fixed pairing.
  const samples = timeBatches(batches, batchSize, (index) =>
    decideAccess(subjects[index % SUBJECTS], recordingActions[index % recordingActions.length], targets[Math.floor(index / SUBJECTS) % targets.length], grants, now)
      .allow,
  );
  return resultOf(`decideAccess (${SUBJECTS} subj, ${GRANTS} grants)`, samples, batches * batchSize, opsPerSecond);
}
