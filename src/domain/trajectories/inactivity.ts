import { lastMovedAt } from './nextStep';
import { isClosed, type Person, type TimelineEvent, type Trajectory } from './trajectory';

/**
 * A trajectory nobody moves on for a long time (default: a school year) is closed, so it cannot
 * keep recordings forever: first its teacher and begeleider are told, then, after a grace period
 * in which any step keeps it open, it is closed and retention takes its course.
 */
export interface InactivityRule {
  /** Days without any step before the notice. */
  inactiveDays: number;
  /** Days between the notice and closing. */
  graceDays: number;
}

export type InactivityStep = { kind: 'none' } | { kind: 'notice'; closesAt: Date } | { kind: 'close' };

const dayMs = 24 * 60 * 60 * 1000;

/** The bot itself, as the one who closes a trajectory nobody moved on. */
export const svibBot: Person = { userId: 'svib-bot', name: 'SVIB-bot' };

/**
 * What is due now. A notice counts only when it was sent after the last step: a step after the
 * notice starts the wait again (and a later notice is a new one).
 */
export function inactivityStep(trajectory: Trajectory, rule: InactivityRule, now: Date, noticedAt?: Date): InactivityStep {
  if (isClosed(trajectory.phase)) return { kind: 'none' };
  const lastStep = lastMovedAt(trajectory).getTime();
  if (now.getTime() < lastStep + rule.inactiveDays * dayMs) return { kind: 'none' };
  if (noticedAt === undefined || noticedAt.getTime() < lastStep) return { kind: 'notice', closesAt: new Date(now.getTime() + rule.graceDays * dayMs) };
  return now.getTime() >= noticedAt.getTime() + rule.graceDays * dayMs ? { kind: 'close' } : { kind: 'none' };
}

/** The key of this trajectory's notice for its current quiet period: a later step gives a new key. */
export function inactivityNoticeKey(tenantId: string, trajectory: Trajectory): string {
  return `inactivity-notice|${tenantId}|${trajectory.schoolId}|${trajectory.id}|${lastMovedAt(trajectory).toISOString()}`;
}

/** The trajectory closed for inactivity, with the event on its timeline. */
export function closeForInactivity(trajectory: Trajectory, now: Date): { trajectory: Trajectory; event: TimelineEvent } {
  const event: TimelineEvent = { what: 'closedInactive', by: svibBot, at: now };
  return { event, trajectory: { ...trajectory, phase: { kind: 'afgesloten' }, timeline: [...trajectory.timeline, event] } };
}
