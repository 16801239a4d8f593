import type { Role } from '../schools/roles';
import type { PhaseKind } from '../trajectories/trajectory';

/**
 * Recordings: the most sensitive thing the bot holds (a teacher's vulnerable moments, the faces
 * of children). Shapes only; who may do what is decided in accessPolicy.ts.
 */
export interface Recording {
  id: string;
  tenantId: string;
  schoolId: string;
  trajectoryId: string;
  /** The opname (cycle) this recording belongs to. */
  cycle: number;
  /** Random and unguessable, under the school and trajectory. */
  blobName: string;
  uploaderId: string;
  sizeBytes: number;
  contentType: string;
  durationSeconds?: number;
  uploadedAt: Date;
}

export interface Fragment {
  id: string;
  recordingId: string;
  startSecond: number;
  endSecond: number;
  note: string;
  /** An uitgangspunt or a basiscommunicatie aspect the fragment shows. */
  aspect: string;
  createdBy: string;
  createdAt: Date;
}

export type GrantScope = { kind: 'recording' } | { kind: 'fragments'; fragmentIds: readonly string[] };

/** The teacher's explicit permission for one named colleague. */
export interface Grant {
  id: string;
  tenantId: string;
  schoolId: string;
  trajectoryId: string;
  recordingId: string;
  granteeId: string;
  granteeName: string;
  scope: GrantScope;
  /** Optional end date; the grant stops counting from this instant. */
  until?: Date;
  grantedAt: Date;
  withdrawnAt?: Date;
  /**
   * Whether the teacher also shows this colleague the observation kijkwijzer of the recording
   * (read-only, after the nagesprek). Grants stored before the choice existed lack it: no.
   */
  includeObservations?: boolean;
}

/** Who asks: identity and roles as the server decided them, never as a client claims them. */
export interface AccessSubject {
  tenantId: string;
  schoolId: string;
  userId: string;
  roles: readonly Role[];
}

/** What the policy needs to know of the trajectory a recording belongs to. */
export interface TrajectoryFacts {
  tenantId: string;
  schoolId: string;
  trajectoryId: string;
  teacherId: string;
  /** The assigned begeleider, while there is one. */
  svibberId?: string;
  /** Where the trajectory is now: uploads only while recordings are made, nothing for others once it ended. */
  phase: PhaseKind;
}

export const recordingActions = [
  /** Issue a read link for the whole recording. */
  'view',
  /** Watch one fragment (a grant may cover only chosen fragments). */
  'viewFragment',
  'listFragments',
  'upload',
  'delete',
  'markFragment',
  'grant',
  'withdrawGrant',
  'viewAudit',
] as const;
export type RecordingAction = (typeof recordingActions)[number];
