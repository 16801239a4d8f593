import type { Grant } from './recording';

/**
 * Whether a new grant would only repeat one that still counts: the same colleague, the same
 * scope (the same fragments, in any order) and the same end date. A second click on *Toegang
 * geven* then changes nothing and tells nobody twice.
 */
export function isRepeatOf(existing: Grant, candidate: Pick<Grant, 'granteeId' | 'scope' | 'until'>, now: Date): boolean {
  if (existing.withdrawnAt !== undefined) return false;
  if (existing.until !== undefined && now.getTime() >= existing.until.getTime()) return false;
  if (existing.granteeId !== candidate.granteeId) return false;
  if ((existing.until?.getTime() ?? null) !== (candidate.until?.getTime() ?? null)) return false;
  if (existing.scope.kind !== candidate.scope.kind) return false;
  if (existing.scope.kind === 'recording' || candidate.scope.kind === 'recording') return true;
  const ids = (scope: readonly string[]) => [...new Set(scope)].sort().join('|');
  return ids(existing.scope.fragmentIds) === ids(candidate.scope.fragmentIds);
}

/**
 * Whether a repeated grant also repeats the kijkwijzer choice. The choice is not part of what makes
 * a repeat (the colleague already has that access); when only it changed, the grant is updated in
 * place. A grant stored before the choice existed counts as "no".
 */
export function keepsObservationsChoice(existing: Pick<Grant, 'includeObservations'>, includeObservations: boolean): boolean {
  return (existing.includeObservations ?? false) === includeObservations;
}
