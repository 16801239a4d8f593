/** One line of a trajectory's append-only audit log (stored by storage/audit/AuditLog). */
export type AuditResult = 'allowed' | 'refused';

export interface AuditEntry {
  at: Date;
  actorId: string;
  action: string;
  objectType: 'recording' | 'fragment' | 'grant' | 'trajectory';
  objectId: string;
  result: AuditResult;
  /** A refusal code or a short detail; never content. */
  detail?: string;
}
