import {
  decideAccess,
  grantsOpening,
  mayReceiveGrant,
  visibleFragmentIds,
  type AccessBasis,
  type AccessDecision,
  type AccessRefusal,
} from '../../../src/domain/recordings/accessPolicy';
import {
  recordingActions,
  type AccessSubject,
  type Grant,
  type Recording,
  type RecordingAction,
  type TrajectoryFacts,
} from '../../../src/domain/recordings/recording';
import { policyCell, policyPhases, type PolicySubjectName } from '../../../src/domain/recordings/policyTable';
import type { PhaseKind } from '../../../src/domain/trajectories/trajectory';

// Fixtures: people, trajectories, recordings and grants; plain data only.
const now = new Date('2025-03-10T12:00:00Z');
const hour = 60 * 60 * 1000;

/** The trajectory the subjects relate to: teacher-1, guided by svibber-1. */
const ownTrajectory: TrajectoryFacts = {
  tenantId: 'tenant-1',
  schoolId: 'school-1',
  trajectoryId: 'traject-1',
  teacherId: 'teacher-1',
  svibberId: 'svibber-1',
  phase: 'opname',
};
/** Same school, someone else's trajectory: none of the subjects takes part in it. */
const otherTrajectory: TrajectoryFacts = {
  tenantId: 'tenant-1',
  schoolId: 'school-1',
  trajectoryId: 'traject-2',
  teacherId: 'teacher-5',
  svibberId: 'svibber-5',
  phase: 'opname',
};
/** Another school of the same tenant whose ids collide with ours: same teacher and begeleider ids. */
const otherSchoolTrajectory: TrajectoryFacts = {
  tenantId: 'tenant-1',
  schoolId: 'school-2',
  trajectoryId: 'traject-3',
  teacherId: 'teacher-1',
  svibberId: 'svibber-1',
  phase: 'opname',
};

function recordingOf(id: string, trajectory: TrajectoryFacts): Recording {
  return {
    id,
    tenantId: trajectory.tenantId,
    schoolId: trajectory.schoolId,
    trajectoryId: trajectory.trajectoryId,
    cycle: 1,
    blobName: `${trajectory.schoolId}/${trajectory.trajectoryId}/${id}-9f3c`,
    uploaderId: trajectory.svibberId ?? trajectory.teacherId,
    sizeBytes: 52_000_000,
    contentType: 'video/mp4',
    uploadedAt: new Date('2025-03-03T10:00:00Z'),
  };
}

const ownRecording = recordingOf('rec-1', ownTrajectory);
const ownSecondRecording = recordingOf('rec-1b', ownTrajectory);
const otherRecording = recordingOf('rec-2', otherTrajectory);
const otherSchoolRecording = recordingOf('rec-3', otherSchoolTrajectory);

function grantFor(granteeId: string, overrides: Partial<Grant> = {}): Grant {
  return {
    id: `grant-${granteeId}`,
    tenantId: 'tenant-1',
    schoolId: 'school-1',
    trajectoryId: 'traject-1',
    recordingId: 'rec-1',
    granteeId,
    granteeName: granteeId,
    scope: { kind: 'recording' },
    until: new Date(now.getTime() + 7 * 24 * hour),
    grantedAt: new Date('2025-03-04T09:00:00Z'),
    ...overrides,
  };
}

const grants: readonly Grant[] = [
  grantFor('colleague-rec'),
  grantFor('colleague-frag', { scope: { kind: 'fragments', fragmentIds: ['frag-1', 'frag-3'] }, until: undefined }),
  // Ends exactly now: the end instant itself no longer counts.
  grantFor('colleague-expired', { until: now }),
  grantFor('colleague-withdrawn', { withdrawnAt: new Date(now.getTime() - hour) }),
  grantFor('colleague-other-rec', { recordingId: 'rec-1b' }),
  // Stored before the rule, or forged: a grant never opens anything to directie.
  grantFor('directie-1'),
  grantFor('beheerder-1', { scope: { kind: 'fragments', fragmentIds: ['frag-1'] } }),
];



const subject = (userId: string, roles: AccessSubject['roles'], place: Partial<AccessSubject> = {}): AccessSubject => ({
  tenantId: 'tenant-1',
  schoolId: 'school-1',
  userId,
  roles,
  ...place,
});

const subjects = {
  owningTeacher: subject('teacher-1', ['leerkracht']),
  assignedSvibber: subject('svibber-1', ['leerkracht', 'svibber']),
  assignedLostSvibberRole: subject('svibber-1', ['leerkracht']),
  otherSvibber: subject('svibber-2', ['leerkracht', 'svibber']),
  ib: subject('ib-1', ['leerkracht', 'ib']),
  directie: subject('directie-1', ['leerkracht', 'directie']),
  beheerder: subject('beheerder-1', ['leerkracht', 'beheerder', 'svibber', 'ib', 'directie']),
  otherTeacher: subject('teacher-2', ['leerkracht']),
  colleagueX: subject('colleague-x', ['leerkracht']),
  granteeRecording: subject('colleague-rec', ['leerkracht']),
  granteeFragmentGranted: subject('colleague-frag', ['leerkracht']),
  granteeFragmentOther: subject('colleague-frag', ['leerkracht']),
  granteeExpired: subject('colleague-expired', ['leerkracht']),
  granteeWithdrawn: subject('colleague-withdrawn', ['leerkracht']),
  granteeOtherRecording: subject('colleague-other-rec', ['leerkracht']),
  owningTeacherOtherSchool: subject('teacher-1', ['leerkracht'], { schoolId: 'school-2' }),
  otherTenant: subject('teacher-1', ['leerkracht', 'svibber', 'beheerder'], { tenantId: 'tenant-2' }),
} as const;
type SubjectName = keyof typeof subjects;

/** The fragment each subject asks for with viewFragment; the default is a granted one. */
const fragmentAskedBy: Partial<Record<SubjectName, string>> = { granteeFragmentOther: 'frag-2' };

// The expected outcome of every cell: an allow basis, or the refusal code.
type Outcome = AccessBasis | AccessRefusal;
const bases: readonly Outcome[] = ['owner', 'begeleider', 'grant'];

function decision(outcome: Outcome): AccessDecision {
  return bases.includes(outcome) ? { allow: true, basis: outcome as AccessBasis } : { allow: false, reason: outcome as AccessRefusal };
}

const situations = {
  'own trajectory': { trajectory: ownTrajectory, recording: ownRecording },
  'other trajectory of the school': { trajectory: otherTrajectory, recording: otherRecording },
  'other school': { trajectory: otherSchoolTrajectory, recording: otherSchoolRecording },
} as const;
type Situation = keyof typeof situations;

/** The same outcome for every action, except the ones named. */
function every(outcome: Outcome, except: Partial<Record<RecordingAction, Outcome>> = {}): Record<RecordingAction, Outcome> {
  return Object.fromEntries(recordingActions.map((action) => [action, except[action] ?? outcome])) as Record<RecordingAction, Outcome>;
}

/** A grantee with a usable grant: never uploads, marks, deletes, grants or reads the audit. */
function grantee(reading: Pick<Record<RecordingAction, Outcome>, 'view' | 'viewFragment' | 'listFragments'>): Record<RecordingAction, Outcome> {
  return every('owner-only', { upload: 'not-begeleider', markFragment: 'not-begeleider', ...reading });
}

const nothingHere = {
  'own trajectory': every('not-a-party'),
  'other trajectory of the school': every('not-a-party'),
  'other school': every('other-school'),
};
const teacherOnly = { delete: 'owner-only', grant: 'owner-only', withdrawGrant: 'owner-only', viewAudit: 'owner-only' } as const;

const expected: Record<SubjectName, Record<Situation, Record<RecordingAction, Outcome>>> = {
  owningTeacher: { ...nothingHere, 'own trajectory': every('owner') },
  assignedSvibber: { ...nothingHere, 'own trajectory': every('begeleider', teacherOnly) },
  assignedLostSvibberRole: { ...nothingHere, 'own trajectory': every('not-begeleider') },
  otherSvibber: nothingHere,
  ib: nothingHere,
  directie: { ...nothingHere, 'own trajectory': every('directie-never'), 'other trajectory of the school': every('directie-never') },
  beheerder: { ...nothingHere, 'own trajectory': every('directie-never'), 'other trajectory of the school': every('directie-never') },
  otherTeacher: nothingHere,
  colleagueX: nothingHere,
  granteeRecording: {
    ...nothingHere,
    'own trajectory': grantee({ view: 'grant', viewFragment: 'grant', listFragments: 'grant' }),
  },
  granteeFragmentGranted: {
    ...nothingHere,
    'own trajectory': grantee({ view: 'fragment-not-granted', viewFragment: 'grant', listFragments: 'grant' }),
  },
  granteeFragmentOther: {
    ...nothingHere,
    'own trajectory': grantee({ view: 'fragment-not-granted', viewFragment: 'fragment-not-granted', listFragments: 'grant' }),
  },
  granteeExpired: { ...nothingHere, 'own trajectory': every('grant-expired') },
  granteeWithdrawn: { ...nothingHere, 'own trajectory': every('grant-withdrawn') },
  granteeOtherRecording: { ...nothingHere, 'own trajectory': every('grant-other-recording') },
  // Same user id as the owner, but at school-2: owns traject-3 there and nothing at school-1.
  owningTeacherOtherSchool: {
    'own trajectory': every('other-school'),
    'other trajectory of the school': every('other-school'),
    'other school': every('owner'),
  },
  otherTenant: {
    'own trajectory': every('other-tenant'),
    'other trajectory of the school': every('other-tenant'),
    'other school': every('other-tenant'),
  },
};

const cells = (Object.keys(expected) as SubjectName[]).flatMap((name) =>
  (Object.keys(situations) as Situation[]).flatMap((situation) =>
    recordingActions.map((action) => [name, action, situation, expected[name][situation][action]] as const),
  ),
);

describe('decideAccess: subjects × actions × situations', () => {
  it('covers every subject, action and situation', () => {
    expect(cells).toHaveLength(17 * 9 * 3);
  });

  it.each(cells)('%s → %s on the %s: %s', (name, action, situation, outcome) => {
    const target = { ...situations[situation], fragmentId: fragmentAskedBy[name] ?? 'frag-1' };
    expect(decideAccess(subjects[name], action, target, grants, now)).toEqual(decision(outcome));
  });
});

describe('decideAccess: forged combinations', () => {
  const forged: [string, AccessSubject, TrajectoryFacts, Recording][] = [
    ['a recording of another trajectory with our trajectory', subjects.owningTeacher, ownTrajectory, otherRecording],
    ['a recording of another school with our trajectory', subjects.owningTeacher, ownTrajectory, otherSchoolRecording],
    ['our recording with another trajectory the subject owns', { ...subjects.otherTeacher, userId: 'teacher-5' }, otherTrajectory, ownRecording],
    ['our recording presented by its begeleider with another trajectory', subjects.assignedSvibber, { ...otherTrajectory, svibberId: 'svibber-1' }, ownRecording],
    ['our trajectory id on a recording of another tenant', subjects.owningTeacher, ownTrajectory, { ...ownRecording, tenantId: 'tenant-2' }],
    ['our trajectory id on a recording of another school', subjects.owningTeacher, ownTrajectory, { ...ownRecording, schoolId: 'school-2' }],
  ];
  const forgedCells = forged.flatMap(([what, subject, trajectory, recording]) =>
    recordingActions.map((action) => [what, action, subject, trajectory, recording] as const),
  );

  it.each(forgedCells)('refuses %s (%s)', (_what, action, subject, trajectory, recording) => {
    expect(decideAccess(subject, action, { trajectory, recording, fragmentId: 'frag-1' }, grants, now)).toEqual({
      allow: false,
      reason: 'recording-mismatch',
    });
  });

  it.each([
    ['another trajectory', { trajectoryId: 'traject-2' }],
    ['another school', { schoolId: 'school-2' }],
    ['another tenant', { tenantId: 'tenant-2' }],
  ])('ignores a grant row that names %s', (_what, place) => {
    const forgedGrant = grantFor('colleague-x', place);
    expect(decideAccess(subjects.colleagueX, 'view', { trajectory: ownTrajectory, recording: ownRecording }, [forgedGrant], now)).toEqual({
      allow: false,
      reason: 'not-a-party',
    });
  });

  it('does not let another school in by its trajectory facts alone', () => {
    expect(decideAccess(subjects.owningTeacher, 'view', { trajectory: otherSchoolTrajectory, recording: ownRecording }, grants, now)).toEqual({
      allow: false,
      reason: 'other-school',
    });
  });
});

describe('decideAccess: with or without a recording', () => {
  const recordingActionsOnly = recordingActions.filter((action) => action !== 'upload' && action !== 'viewAudit');

  it.each(recordingActionsOnly)('refuses %s without a recording, also to the owner', (action) => {
    expect(decideAccess(subjects.owningTeacher, action, { trajectory: ownTrajectory }, grants, now)).toEqual({ allow: false, reason: 'no-recording' });
  });

  it.each([
    ['owningTeacher', 'upload', 'owner'],
    ['owningTeacher', 'viewAudit', 'owner'],
    ['assignedSvibber', 'upload', 'begeleider'],
    ['assignedSvibber', 'viewAudit', 'owner-only'],
    ['assignedLostSvibberRole', 'upload', 'not-begeleider'],
    ['granteeRecording', 'upload', 'not-begeleider'],
    ['granteeFragmentGranted', 'viewAudit', 'owner-only'],
    ['granteeExpired', 'upload', 'not-a-party'],
    ['granteeWithdrawn', 'viewAudit', 'not-a-party'],
    ['directie', 'viewAudit', 'directie-never'],
    ['otherSvibber', 'upload', 'not-a-party'],
    ['owningTeacherOtherSchool', 'upload', 'other-school'],
    ['otherTenant', 'viewAudit', 'other-tenant'],
  ] as const)('%s → %s on the trajectory without a recording: %s', (name, action, outcome) => {
    expect(decideAccess(subjects[name], action, { trajectory: ownTrajectory }, grants, now)).toEqual(decision(outcome));
  });

  it('gives the former begeleider nothing once the trajectory has none', () => {
    const unguided: TrajectoryFacts = { ...ownTrajectory, svibberId: undefined };
    expect(decideAccess(subjects.assignedSvibber, 'view', { trajectory: unguided, recording: ownRecording }, grants, now)).toEqual({
      allow: false,
      reason: 'not-a-party',
    });
    expect(decideAccess(subjects.assignedSvibber, 'upload', { trajectory: unguided }, grants, now)).toEqual({ allow: false, reason: 'not-a-party' });
  });

  it('lets the owner who is also the begeleider do everything as owner', () => {
    const selfGuided: TrajectoryFacts = { ...ownTrajectory, svibberId: 'teacher-1' };
    const owner = { ...subjects.owningTeacher, roles: ['leerkracht', 'svibber'] as const };
    expect(decideAccess(owner, 'delete', { trajectory: selfGuided, recording: ownRecording }, grants, now)).toEqual({ allow: true, basis: 'owner' });
  });
});

describe('decideAccess: grants', () => {
  const target = { trajectory: ownTrajectory, recording: ownRecording };
  const view = (grantList: readonly Grant[], at = now, fragmentId?: string, action: RecordingAction = 'view'): AccessDecision =>
    decideAccess(subjects.colleagueX, action, { ...target, fragmentId }, grantList, at);

  it('counts a grant until the last millisecond before its end', () => {
    const until = new Date('2025-03-10T12:00:00.000Z');
    const grant = grantFor('colleague-x', { until });
    expect(view([grant], new Date(until.getTime() - 1))).toEqual({ allow: true, basis: 'grant' });
    expect(view([grant], until)).toEqual({ allow: false, reason: 'grant-expired' });
  });

  it('refuses from the moment of withdrawal, whatever the end date', () => {
    expect(view([grantFor('colleague-x', { withdrawnAt: now, until: undefined })])).toEqual({ allow: false, reason: 'grant-withdrawn' });
  });

  it('prefers a usable grant over an old withdrawn one for the same recording', () => {
    const old = grantFor('colleague-x', { id: 'old', withdrawnAt: new Date('2025-03-05T00:00:00Z') });
    expect(view([old, grantFor('colleague-x', { id: 'new' })])).toEqual({ allow: true, basis: 'grant' });
  });

  it('reports a withdrawal before an expiry when both are there', () => {
    const expired = grantFor('colleague-x', { id: 'a', until: new Date('2025-03-01T00:00:00Z') });
    const withdrawn = grantFor('colleague-x', { id: 'b', withdrawnAt: new Date('2025-03-02T00:00:00Z') });
    expect(view([expired, withdrawn])).toEqual({ allow: false, reason: 'grant-withdrawn' });
  });

  it('opens the other recording its grant is for, and only that one', () => {
    const subject = subjects.granteeOtherRecording;
    expect(decideAccess(subject, 'view', { trajectory: ownTrajectory, recording: ownSecondRecording }, grants, now)).toEqual({ allow: true, basis: 'grant' });
    expect(decideAccess(subject, 'view', target, grants, now)).toEqual({ allow: false, reason: 'grant-other-recording' });
  });

  it('does not let someone use another person’s grant', () => {
    expect(view([grantFor('colleague-rec')])).toEqual({ allow: false, reason: 'not-a-party' });
  });

  it('opens fragments from either of two fragment grants, and refuses a fragment without an id', () => {
    const first = grantFor('colleague-x', { id: 'a', scope: { kind: 'fragments', fragmentIds: ['frag-1'] } });
    const second = grantFor('colleague-x', { id: 'b', scope: { kind: 'fragments', fragmentIds: ['frag-4'] } });
    expect(view([first, second], now, 'frag-4', 'viewFragment')).toEqual({ allow: true, basis: 'grant' });
    expect(view([first, second], now, 'frag-2', 'viewFragment')).toEqual({ allow: false, reason: 'fragment-not-granted' });
    expect(view([first, second], now, undefined, 'viewFragment')).toEqual({ allow: false, reason: 'fragment-not-granted' });
  });

  it('does not let an expired fragment grant open its fragment', () => {
    const grant = grantFor('colleague-x', { scope: { kind: 'fragments', fragmentIds: ['frag-1'] }, until: now });
    expect(view([grant], now, 'frag-1', 'viewFragment')).toEqual({ allow: false, reason: 'grant-expired' });
  });
});

describe('visibleFragmentIds', () => {
  const target = { trajectory: ownTrajectory, recording: ownRecording };

  it.each([
    ['owningTeacher', 'all'],
    ['assignedSvibber', 'all'],
    ['granteeRecording', 'all'],
    ['granteeFragmentGranted', ['frag-1', 'frag-3']],
    ['granteeExpired', []],
    ['granteeWithdrawn', []],
    ['granteeOtherRecording', []],
    ['assignedLostSvibberRole', []],
    ['directie', []],
    ['otherTenant', []],
  ] as const)('gives %s %j', (name, visible) => {
    expect(visibleFragmentIds(subjects[name], target, grants, now)).toEqual(visible);
  });

  it('joins fragment grants without duplicates and gives all when one grant covers the recording', () => {
    const a = grantFor('colleague-x', { id: 'a', scope: { kind: 'fragments', fragmentIds: ['frag-1', 'frag-2'] } });
    const b = grantFor('colleague-x', { id: 'b', scope: { kind: 'fragments', fragmentIds: ['frag-2', 'frag-5'] } });
    expect(visibleFragmentIds(subjects.colleagueX, target, [a, b], now)).toEqual(['frag-1', 'frag-2', 'frag-5']);
    expect(visibleFragmentIds(subjects.colleagueX, target, [a, grantFor('colleague-x', { id: 'c' })], now)).toBe('all');
  });

  it('gives nothing for a recording forged onto the trajectory', () => {
    expect(visibleFragmentIds(subjects.owningTeacher, { trajectory: ownTrajectory, recording: otherRecording }, grants, now)).toEqual([]);
  });
});

describe('grantsOpening', () => {
  const target = { trajectory: ownTrajectory, recording: ownRecording };

  it.each([
    ['owningTeacher', []],
    ['assignedSvibber', []],
    ['granteeExpired', []],
    ['granteeWithdrawn', []],
    ['granteeOtherRecording', []],
    ['directie', []],
    ['otherTenant', []],
  ] as const)('opens nothing by grant for %s', (name, opening) => {
    expect(grantsOpening(subjects[name], target, grants, now)).toEqual(opening);
  });

  it('gives the usable grants of the colleague, a whole-recording grant first', () => {
    const fragmentsOnly = grantFor('colleague-x', { id: 'f', scope: { kind: 'fragments', fragmentIds: ['frag-1'] } });
    const whole = grantFor('colleague-x', { id: 'w' });
    const withdrawn = grantFor('colleague-x', { id: 'x', withdrawnAt: new Date(now.getTime() - hour) });
    expect(grantsOpening(subjects.colleagueX, target, [fragmentsOnly, withdrawn, whole], now).map((grant) => grant.id)).toEqual(['w', 'f']);
    expect(grantsOpening(subjects.colleagueX, target, [fragmentsOnly, withdrawn], now).map((grant) => grant.id)).toEqual(['f']);
  });
});

describe('decideAccess: every phase × subject × action', () => {
  type Row = Record<RecordingAction, Outcome>;
  const beforeRecordings: PhaseKind[] = ['voorgesteld', 'aangevraagd', 'toegewezen', 'intake'];
  const whileRecording: PhaseKind[] = ['opname', 'nagesprek'];
  const ended: PhaseKind[] = ['afgesloten', 'geannuleerd'];
  const noUpload = { upload: 'no-uploads-in-phase' } as const;
  const ownerAfterEnd = every('owner', { upload: 'no-uploads-in-phase', markFragment: 'trajectory-ended', grant: 'trajectory-ended' });
  const byPhase = (before: Row, during: Row, after: Row) => ({ before, during, after });

  const expectedByPhase: Record<PolicySubjectName, { before: Row; during: Row; after: Row }> = {
    teacher: byPhase(every('owner', noUpload), every('owner'), ownerAfterEnd),
    begeleider: byPhase(every('begeleider', { ...teacherOnly, ...noUpload }), every('begeleider', teacherOnly), every('trajectory-ended')),
    wholeGrant: byPhase(
      grantee({ view: 'grant', viewFragment: 'grant', listFragments: 'grant' }),
      grantee({ view: 'grant', viewFragment: 'grant', listFragments: 'grant' }),
      every('trajectory-ended'),
    ),
    fragmentGrant: byPhase(
      grantee({ view: 'fragment-not-granted', viewFragment: 'grant', listFragments: 'grant' }),
      grantee({ view: 'fragment-not-granted', viewFragment: 'grant', listFragments: 'grant' }),
      every('trajectory-ended'),
    ),
    directie: byPhase(every('directie-never'), every('directie-never'), every('directie-never')),
    colleague: byPhase(every('not-a-party'), every('not-a-party'), every('trajectory-ended')),
  };
  const phaseCells = (Object.keys(expectedByPhase) as PolicySubjectName[]).flatMap((name) =>
    policyPhases.flatMap((phase) => {
      const group = beforeRecordings.includes(phase) ? 'before' : whileRecording.includes(phase) ? 'during' : 'after';
      return recordingActions.map((action) => [name, phase, action, expectedByPhase[name][group][action]] as const);
    }),
  );

  it('covers all eight phases, six subjects and nine actions', () => {
    expect(new Set([...beforeRecordings, ...whileRecording, ...ended])).toEqual(new Set(policyPhases));
    expect(phaseCells).toHaveLength(8 * 6 * 9);
  });

  it.each(phaseCells)('%s in %s → %s: %s', (name, phase, action, outcome) => {
    expect(policyCell(name, phase, action)).toEqual(decision(outcome));
  });

  it('ends a grant with the trajectory even when it names no end date, and refuses an upload link after it', () => {
    const stopped: TrajectoryFacts = { ...ownTrajectory, phase: 'geannuleerd' };
    expect(decideAccess(subjects.granteeFragmentGranted, 'viewFragment', { trajectory: stopped, recording: ownRecording, fragmentId: 'frag-1' }, grants, now)).toEqual({ allow: false, reason: 'trajectory-ended' });
    expect(decideAccess(subjects.assignedSvibber, 'upload', { trajectory: stopped }, grants, now)).toEqual({ allow: false, reason: 'trajectory-ended' });
    expect(decideAccess(subjects.owningTeacher, 'upload', { trajectory: stopped }, grants, now)).toEqual({ allow: false, reason: 'no-uploads-in-phase' });
  });
});

describe('mayReceiveGrant', () => {
  it.each([
    [['leerkracht'], true],
    [['leerkracht', 'ib'], true],
    [['leerkracht', 'svibber'], true],
    [['leerkracht', 'directie'], false],
    [['leerkracht', 'beheerder', 'directie'], false],
  ] as const)('%j → %s', (roles, allowed) => {
    expect(mayReceiveGrant(roles)).toBe(allowed);
  });
});
