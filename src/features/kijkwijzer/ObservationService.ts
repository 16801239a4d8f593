import {
  afterTalkDone,
  developmentOf,
  formRefusalOf,
  observationReaderOf,
  observerRoleOf,
  overviewRefusalOf,
  readObservation,
  visibleObservations,
  type DevelopmentRow,
  type Observation,
  type ObservationAspect,
  type ObservationProblem,
  type ObservationReader,
  type ObservationRefusal,
  type ObserverRole,
} from '../../domain/kijkwijzer/observation';
import type { AccessSubject, Fragment, Recording, TrajectoryFacts } from '../../domain/recordings/recording';
import type { Trajectory } from '../../domain/trajectories/trajectory';
import type { ObservationRepository } from '../../storage/kijkwijzer/ObservationRepository';
import type { RecordingRepository } from '../../storage/recordings/RecordingRepository';
import type { TrajectoryRepository } from '../../storage/trajectories/TrajectoryRepository';

export interface ObservationForm {
  recording: Recording;
  role: ObserverRole;
  fragments: Fragment[];
  own?: Observation;
  /** The other party's, only once the nagesprek of this cycle took place. */
  other?: Observation;
  nagesprekDone: boolean;
}

export type ObservationOutcome =
  | { ok: true; form: ObservationForm }
  | { ok: false; reason: ObservationRefusal }
  | { ok: false; reason: 'invalid'; form: ObservationForm; problems: Partial<Record<ObservationAspect | 'note', ObservationProblem>>; typed: Record<string, string> };

export interface ObservationOverview {
  trajectory: Trajectory;
  /** A grantee reads only: they wrote nothing, and get no form to fill. */
  role: ObservationReader;
  /** Per recording (cycle order), the observations this person may read. */
  recordings: { recording: Recording; observations: Observation[]; nagesprekDone: boolean }[];
  development: DevelopmentRow[];
}

export type ObservationOverviewOutcome = { ok: true; overview: ObservationOverview } | { ok: false; reason: ObservationRefusal };

export interface ObservationServiceOptions {
  observations: ObservationRepository;
  recordings: RecordingRepository;
  trajectories: TrajectoryRepository;
  now: () => Date;
}

function factsOf(tenantId: string, trajectory: Trajectory): TrajectoryFacts {
  return { tenantId, schoolId: trajectory.schoolId, trajectoryId: trajectory.id, teacherId: trajectory.teacher.userId, svibberId: trajectory.svibber?.userId, phase: trajectory.phase.kind };
}

/**
 * The observation kijkwijzer per recording. Every read and write decides again, from storage,
 * with the recordings' access policy: the teacher who owns it and the begeleider fill and read;
 * a grantee whose live grant includes the kijkwijzer only reads, after the nagesprek; nobody by role.
 */
export class ObservationService {
  constructor(private readonly options: ObservationServiceOptions) {}

  async form(subject: AccessSubject, recordingId: string): Promise<ObservationOutcome> {
    const loaded = await this.load(subject, recordingId);
    if ('refusal' in loaded) return { ok: false, reason: loaded.refusal };
    return { ok: true, form: await this.formOf(subject, loaded) };
  }

  async save(subject: AccessSubject, recordingId: string, data: Record<string, unknown>): Promise<ObservationOutcome> {
    const loaded = await this.load(subject, recordingId);
    if ('refusal' in loaded) return { ok: false, reason: loaded.refusal };
    const fragments = await this.options.recordings.listFragments(loaded.recording);
    const read = readObservation(data, fragments.map((fragment) => fragment.id));
    if (!read.ok) {
      const typed = Object.fromEntries(Object.entries(data).filter(([key, value]) => typeof value === 'string' && /^(obs|frag)_[a-z-]+$/.test(key)).map(([key, value]) => [key, String(value).slice(0, 600)]));
      return { ok: false, reason: 'invalid', form: await this.formOf(subject, loaded), problems: read.problems, typed };
    }
    const { recording } = loaded;
    await this.options.observations.put({
      tenantId: subject.tenantId,
      schoolId: subject.schoolId,
      trajectoryId: recording.trajectoryId,
      recordingId: recording.id,
      cycle: recording.cycle,
      author: loaded.role,
      authorId: subject.userId,
      aspects: read.aspects,
      ...(read.note ? { note: read.note } : {}),
      updatedAt: this.options.now(),
    });
    return { ok: true, form: await this.formOf(subject, loaded) };
  }

  /** The trajectory's observations this person may read, and the development per aspect over the cycles. */
  async overview(subject: AccessSubject, trajectoryId: string): Promise<ObservationOverviewOutcome> {
    const trajectory = (await this.options.trajectories.get(subject.tenantId, subject.schoolId, trajectoryId))?.trajectory;
    if (!trajectory) return { ok: false, reason: 'refused' };
    const facts = factsOf(subject.tenantId, trajectory);
    const all = await this.options.observations.listForTrajectory(subject.tenantId, subject.schoolId, trajectory.id);
    const recordings: ObservationOverview['recordings'] = [];
    let role: ObservationReader | undefined;
    const refusals: ObservationRefusal[] = [];
    const stored = await this.options.recordings.listForTrajectory(subject.tenantId, subject.schoolId, trajectory.id);
    for (const recording of stored.sort((a, b) => a.cycle - b.cycle)) {
      const grants = await this.options.recordings.listGrants(subject.tenantId, subject.schoolId, recording.id);
      const recordingRole = observationReaderOf(subject, facts, recording, grants, this.options.now());
      if (!recordingRole) {
        refusals.push(formRefusalOf(subject, facts, recording, grants, this.options.now()));
        continue;
      }
      const nagesprekDone = afterTalkDone(trajectory, recording.cycle);
      // A grantee sees a recording's observations only once its nagesprek took place, and nothing before.
      if (recordingRole === 'grantee' && !nagesprekDone) {
        refusals.push('read-only');
        continue;
      }
      // Owner or begeleider on one recording is so on all of them; a grantee only where granted.
      role = role === undefined || role === 'grantee' ? recordingRole : role;
      recordings.push({ recording, nagesprekDone, observations: visibleObservations(recordingRole, all.filter((observation) => observation.recordingId === recording.id), nagesprekDone) });
    }
    if (!role) return { ok: false, reason: overviewRefusalOf(refusals) };
    return { ok: true, overview: { trajectory, role, recordings, development: developmentOf(recordings.flatMap((entry) => entry.observations), trajectory.cycles) } };
  }

  private async load(subject: AccessSubject, recordingId: string): Promise<{ recording: Recording; trajectory: Trajectory; role: ObserverRole } | { refusal: ObservationRefusal }> {
    const recording = await this.options.recordings.get(subject.tenantId, subject.schoolId, recordingId);
    if (!recording) return { refusal: 'refused' };
    const trajectory = (await this.options.trajectories.get(subject.tenantId, subject.schoolId, recording.trajectoryId))?.trajectory;
    if (!trajectory) return { refusal: 'refused' };
    const grants = await this.options.recordings.listGrants(subject.tenantId, subject.schoolId, recording.id);
    const facts = factsOf(subject.tenantId, trajectory);
    const role = observerRoleOf(subject, facts, recording, grants, this.options.now());
    return role ? { recording, trajectory, role } : { refusal: formRefusalOf(subject, facts, recording, grants, this.options.now()) };
  }

  private async formOf(subject: AccessSubject, loaded: { recording: Recording; trajectory: Trajectory; role: ObserverRole }): Promise<ObservationForm> {
    const { recording, trajectory, role } = loaded;
    const observations = await this.options.observations.listForRecording(subject.tenantId, subject.schoolId, recording.id);
    const nagesprekDone = afterTalkDone(trajectory, recording.cycle);
    const visible = visibleObservations(role, observations, nagesprekDone);
    return {
      recording,
      role,
      fragments: await this.options.recordings.listFragments(recording),
      own: visible.find((observation) => observation.author === role),
      other: visible.find((observation) => observation.author !== role),
      nagesprekDone,
    };
  }
}
