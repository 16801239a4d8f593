import { decideAccess, grantsOpening } from '../recordings/accessPolicy';
import type { AccessSubject, Grant, Recording, TrajectoryFacts } from '../recordings/recording';
import { basiscommunicatieAspects, type BasiscommunicatieAspect } from '../trajectories/intake';
import type { Trajectory } from '../trajectories/trajectory';
import { ratings } from './answers';
import type { Rating } from './roundFigures';

/**
 * The observation kijkwijzer of one recording: the three uitgangspunten with their aspects, each
 * rated and optionally linked to fragments of that recording. The begeleider fills one (preparing
 * the nagesprek), the teacher their own; after the nagesprek each sees the other's.
 */
export const uitgangspunten = ['basiscommunicatie', 'organisatie', 'didactiek'] as const;
export type Uitgangspunt = (typeof uitgangspunten)[number];
export type ObservationAspect = BasiscommunicatieAspect | 'organisatie' | 'didactiek';

export const observationAspects: readonly { aspect: ObservationAspect; uitgangspunt: Uitgangspunt }[] = [
  ...basiscommunicatieAspects.map((aspect) => ({ aspect, uitgangspunt: 'basiscommunicatie' as const })),
  { aspect: 'organisatie', uitgangspunt: 'organisatie' },
  { aspect: 'didactiek', uitgangspunt: 'didactiek' },
];

export type ObserverRole = 'begeleider' | 'leerkracht';

export interface AspectObservation {
  rating: Rating;
  fragmentIds: string[];
}

export interface Observation {
  tenantId: string;
  schoolId: string;
  trajectoryId: string;
  recordingId: string;
  cycle: number;
  author: ObserverRole;
  authorId: string;
  aspects: Partial<Record<ObservationAspect, AspectObservation>>;
  note?: string;
  updatedAt: Date;
}

export const OBSERVATION_NOTE_MAX = 500;

export const observationInputIds = {
  rating: (aspect: ObservationAspect) => `obs_${aspect}`,
  fragments: (aspect: ObservationAspect) => `frag_${aspect}`,
  note: 'obs_note',
};

export type ObservationProblem = 'unknown-choice' | 'unknown-fragment' | 'fragment-without-rating' | 'note-too-long' | 'empty';

export type ObservationInput =
  | { ok: true; aspects: Partial<Record<ObservationAspect, AspectObservation>>; note?: string }
  | { ok: false; problems: Partial<Record<ObservationAspect | 'note', ObservationProblem>> };

/**
 * Reads a submitted observation. Fragment ids must be among `fragmentIds` (the recording's
 * fragments as stored), so a forged id links nothing.
 */
export function readObservation(data: Record<string, unknown>, fragmentIds: readonly string[]): ObservationInput {
  const problems: Partial<Record<ObservationAspect | 'note', ObservationProblem>> = {};
  const aspects: Partial<Record<ObservationAspect, AspectObservation>> = {};
  for (const { aspect } of observationAspects) {
    const raw = typeof data[observationInputIds.rating(aspect)] === 'string' ? String(data[observationInputIds.rating(aspect)]).trim() : '';
    const rawFragments = typeof data[observationInputIds.fragments(aspect)] === 'string' ? String(data[observationInputIds.fragments(aspect)]) : '';
    const linked = [...new Set(rawFragments.split(',').map((id) => id.trim()).filter(Boolean))];
    const rating = ratings.find((candidate) => candidate === raw);
    if (raw && !rating) problems[aspect] = 'unknown-choice';
    else if (linked.some((id) => !fragmentIds.includes(id))) problems[aspect] = 'unknown-fragment';
    else if (!rating && linked.length > 0) problems[aspect] = 'fragment-without-rating';
    else if (rating) aspects[aspect] = { rating, fragmentIds: linked };
  }
  const note = typeof data[observationInputIds.note] === 'string' ? String(data[observationInputIds.note]).trim() : '';
  if (note.length > OBSERVATION_NOTE_MAX) problems.note = 'note-too-long';
  if (Object.keys(problems).length === 0 && Object.keys(aspects).length === 0 && !note) problems.note = 'empty';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, aspects, ...(note ? { note } : {}) };
}

/** Whether the nagesprek (or eindgesprek) of this cycle took place. */
export function afterTalkDone(trajectory: Pick<Trajectory, 'timeline'>, cycle: number): boolean {
  return trajectory.timeline.some((event) => (event.what === 'afterTalkCompleted' || event.what === 'finalTalkCompleted') && event.cycle === cycle);
}

/**
 * Who may fill an observation follows the recording's access policy: its owner and the
 * begeleider (never by role alone, so never directie). Grantees never fill one.
 */
export function observerRoleOf(subject: AccessSubject, trajectory: TrajectoryFacts, recording: Recording, grants: readonly Grant[], now: Date): ObserverRole | undefined {
  const decision = decideAccess(subject, 'listFragments', { trajectory, recording }, grants, now);
  if (!decision.allow) return undefined;
  if (decision.basis === 'owner') return 'leerkracht';
  if (decision.basis === 'begeleider') return 'begeleider';
  return undefined;
}

/** Who reads observations: one of the two authors, or a colleague the teacher showed them to. */
export type ObservationReader = ObserverRole | 'grantee';

/**
 * Who may read the observations of a recording. Besides the two authors, a grantee of that
 * recording whose grant opens it right now (the policy's own decision: not withdrawn, not expired,
 * trajectory not ended, never directie) and that the teacher marked to include the kijkwijzer.
 */
export function observationReaderOf(subject: AccessSubject, trajectory: TrajectoryFacts, recording: Recording, grants: readonly Grant[], now: Date): ObservationReader | undefined {
  const author = observerRoleOf(subject, trajectory, recording, grants, now);
  if (author) return author;
  return grantsOpening(subject, { trajectory, recording }, grants, now).some((grant) => grant.includeObservations === true) ? 'grantee' : undefined;
}

/**
 * Why someone gets no kijkwijzer, so the refusal says what is the case: 'not-shared' for a
 * colleague the teacher shared the recording with, but not its kijkwijzer; 'read-only' for one
 * who may read it but, being no author, never fills it; 'after-talk' for one who may read it once
 * the nagesprek took place; 'refused' for everyone else (directie included, whatever a grant says).
 */
export type ObservationRefusal = 'refused' | 'not-shared' | 'read-only' | 'after-talk';

/** The refusal for the form of one recording, for someone who is not one of its two authors. */
export function formRefusalOf(subject: AccessSubject, trajectory: TrajectoryFacts, recording: Recording, grants: readonly Grant[], now: Date): ObservationRefusal {
  const opening = grantsOpening(subject, { trajectory, recording }, grants, now);
  if (opening.length === 0) return 'refused';
  return opening.some((grant) => grant.includeObservations === true) ? 'read-only' : 'not-shared';
}

/**
 * The refusal for the overview of a trajectory, from what each of its recordings' grants give
 * this person: a kijkwijzer shared but waiting for its nagesprek says so before a recording shared
 * without one.
 */
export function overviewRefusalOf(perRecording: readonly ObservationRefusal[]): ObservationRefusal {
  if (perRecording.includes('read-only')) return 'after-talk';
  return perRecording.includes('not-shared') ? 'not-shared' : 'refused';
}

/**
 * The observations of a recording one reader may read: an author always her own, the other's after
 * the nagesprek; a grantee (who wrote none) both, only after the nagesprek. The notes come along:
 * they are part of the observation the teacher chose to share.
 */
export function visibleObservations(reader: ObservationReader, observations: readonly Observation[], nagesprekDone: boolean): Observation[] {
  return observations.filter((observation) => observation.author === reader || nagesprekDone);
}

export interface DevelopmentRow {
  aspect: ObservationAspect;
  /** Per cycle (1-based index - 1), the rating by author, where visible. */
  cycles: { cycle: number; leerkracht?: Rating; begeleider?: Rating }[];
}

/** Per aspect, the ratings over the cycles of one trajectory (opname 1 → 2 → 3), from visible observations. */
export function developmentOf(observations: readonly Observation[], cycles: number): DevelopmentRow[] {
  return observationAspects
    .map(({ aspect }) => ({
      aspect,
      cycles: Array.from({ length: cycles }, (_, index) => {
        const cycle = index + 1;
        const of = (author: ObserverRole) => observations.find((observation) => observation.cycle === cycle && observation.author === author)?.aspects[aspect]?.rating;
        return { cycle, ...(of('leerkracht') ? { leerkracht: of('leerkracht') } : {}), ...(of('begeleider') ? { begeleider: of('begeleider') } : {}) };
      }),
    }))
    .filter((row) => row.cycles.some((cell) => cell.leerkracht || cell.begeleider));
}
