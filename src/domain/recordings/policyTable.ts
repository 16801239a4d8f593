import type { PhaseKind } from '../trajectories/trajectory';
import { decideAccess, type AccessDecision } from './accessPolicy';
import { recordingActions, type AccessSubject, type Grant, type Recording, type RecordingAction, type TrajectoryFacts } from './recording';

/**
 * The access policy as a table (phase × who × action), computed from decideAccess itself, so
 * the privacy notes (docs/privacy.md) print what the code decides and cannot drift from it.
 */
export const policyPhases: readonly PhaseKind[] = ['voorgesteld', 'aangevraagd', 'toegewezen', 'intake', 'opname', 'nagesprek', 'afgesloten', 'geannuleerd'];

const at = new Date('2025-03-10T12:00:00Z');
const facts = (phase: PhaseKind): TrajectoryFacts => ({ tenantId: 't', schoolId: 's', trajectoryId: 'traject', teacherId: 'teacher', svibberId: 'begeleider', phase });
const recording: Recording = {
  id: 'recording',
  tenantId: 't',
  schoolId: 's',
  trajectoryId: 'traject',
  cycle: 1,
  blobName: 't/s/traject/recording',
  uploaderId: 'begeleider',
  sizeBytes: 1,
  contentType: 'video/mp4',
  uploadedAt: at,
};
const person = (userId: string, roles: AccessSubject['roles']): AccessSubject => ({ tenantId: 't', schoolId: 's', userId, roles });
const grantTo = (granteeId: string, scope: Grant['scope']): Grant => ({
  id: `grant-${granteeId}`,
  tenantId: 't',
  schoolId: 's',
  trajectoryId: 'traject',
  recordingId: 'recording',
  granteeId,
  granteeName: granteeId,
  scope,
  grantedAt: at,
});

/** The people the table shows, each with the grants that exist for them. */
export const policySubjects = {
  teacher: { title: 'teacher (owner)', subject: person('teacher', ['leerkracht']), grants: [] as Grant[] },
  begeleider: { title: "assigned begeleider (SVIB'er)", subject: person('begeleider', ['leerkracht', 'svibber']), grants: [] as Grant[] },
  wholeGrant: { title: 'colleague with a grant for the whole recording', subject: person('colleague-a', ['leerkracht']), grants: [grantTo('colleague-a', { kind: 'recording' })] },
  fragmentGrant: {
    title: 'colleague with a grant for chosen fragments (asking one of them)',
    subject: person('colleague-b', ['leerkracht']),
    grants: [grantTo('colleague-b', { kind: 'fragments', fragmentIds: ['fragment'] })],
  },
  directie: { title: 'directie, even with a grant', subject: person('directie', ['leerkracht', 'directie']), grants: [grantTo('directie', { kind: 'recording' })] },
  colleague: { title: 'any other colleague (no grant)', subject: person('colleague-c', ['leerkracht', 'ib']), grants: [] as Grant[] },
} as const;
export type PolicySubjectName = keyof typeof policySubjects;

/** One cell: what the policy decides for this person, action and phase. */
export function policyCell(name: PolicySubjectName, phase: PhaseKind, action: RecordingAction): AccessDecision {
  const { subject, grants } = policySubjects[name];
  const aboutTrajectory = action === 'upload' || action === 'viewAudit';
  const target = aboutTrajectory ? { trajectory: facts(phase) } : { trajectory: facts(phase), recording, fragmentId: 'fragment' };
  return decideAccess(subject, action, target, grants, at);
}

function cellText(decision: AccessDecision): string {
  return decision.allow ? `yes (${decision.basis})` : `no: ${decision.reason}`;
}

/** The markdown the privacy notes carry between their generated-section markers. */
export function policyTableMarkdown(): string {
  const header = `| phase | ${recordingActions.join(' | ')} |`;
  const rule = `|---|${recordingActions.map(() => '---').join('|')}|`;
  const sections = (Object.keys(policySubjects) as PolicySubjectName[]).map((name) => {
    const rows = policyPhases.map((phase) => `| ${phase} | ${recordingActions.map((action) => cellText(policyCell(name, phase, action))).join(' | ')} |`);
    return [`#### ${policySubjects[name].title}`, '', header, rule, ...rows].join('\n');
  });
  return sections.join('\n\n');
}
