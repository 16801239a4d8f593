import type { Person, TimelineEvent, Trajectory } from '../../domain/trajectories/trajectory';

/**
 * What people other than the actor are told when a trajectory starts or changes. TrajectoryService
 * decides who hears what (which SVIB'ers, whether a proposer hears by name); the Teams layer renders
 * it (teams/trajectoryNotices.ts), updating the request and proposal cards it sent in place.
 */
export interface TrajectoryNotices {
  /** A new request (or an accepted proposal): these SVIB'ers of the school get it to take up. */
  requestOpened(tenantId: string, trajectory: Trajectory, svibberIds: readonly string[]): Promise<void>;
  /** A request nobody took up yet, once more to these SVIB'ers. */
  requestReminded(tenantId: string, trajectory: Trajectory, svibberIds: readonly string[]): Promise<void>;
  /** A trajectory proposed to the teacher, who decides whether to take part. */
  proposed(tenantId: string, trajectory: Trajectory): Promise<void>;
  /** An SVIB'er took the request up: the teacher hears who, the other SVIB'ers' cards say so. */
  takenUp(tenantId: string, trajectory: Trajectory, by: Person): Promise<void>;
  /** The begeleider handed the trajectory to another SVIB'er: the teacher and the new one hear of it. */
  handedOver(tenantId: string, trajectory: Trajectory, byName: string, to: Person): Promise<void>;
  /** The begeleider stopped the trajectory, with a reason for the teacher. */
  stoppedByBegeleider(tenantId: string, trajectory: Trajectory, byName: string, reason: string): Promise<void>;
  /** An SVIB'er declined the request, with a reason for the teacher; the request cards say so. */
  requestDeclined(tenantId: string, trajectory: Trajectory, byName: string, reason: string): Promise<void>;
  /** The teacher accepted a proposal: the proposal card says so. */
  proposalAccepted(tenantId: string, trajectory: Trajectory): Promise<void>;
  /** A proposer who hears by name learns the teacher's answer. */
  proposerAnswered(tenantId: string, trajectory: Trajectory, answer: 'accepted' | 'declined'): Promise<void>;
  /** The teacher withdrew: the begeleider hears of it, or, before anyone took it up, the request cards say so. */
  withdrawn(tenantId: string, trajectory: Trajectory, begeleider: Person | undefined): Promise<void>;
  /** A step of the trajectory was taken: the teacher is kept posted of every one. */
  stepTaken(tenantId: string, trajectory: Trajectory, event: TimelineEvent): Promise<void>;
}
