import { afterTalkDone, developmentOf, formRefusalOf, observationAspects, observationReaderOf, observerRoleOf, overviewRefusalOf, readObservation, visibleObservations, type Observation } from '../../../src/domain/kijkwijzer/observation';
import type { AccessSubject, Grant, Recording, TrajectoryFacts } from '../../../src/domain/recordings/recording';

const trajectory: TrajectoryFacts = { tenantId: 't', schoolId: 's', trajectoryId: 'tr', teacherId: 'sanne', svibberId: 'marieke', phase: 'nagesprek' };
const recording: Recording = { id: 'r1', tenantId: 't', schoolId: 's', trajectoryId: 'tr', cycle: 1, blobName: 'b', uploaderId: 'sanne', sizeBytes: 1, contentType: 'video/mp4', uploadedAt: new Date() };
const subject = (userId: string, roles: AccessSubject['roles'] = ['leerkracht']): AccessSubject => ({ tenantId: 't', schoolId: 's', userId, roles });
const grant: Grant = { id: 'g', tenantId: 't', schoolId: 's', trajectoryId: 'tr', recordingId: 'r1', granteeId: 'lotte', granteeName: 'L', scope: { kind: 'recording' }, grantedAt: new Date() };
const now = new Date();

describe('the observation kijkwijzer', () => {
  it('has the three uitgangspunten with the five basiscommunicatie aspects', () => {
    expect(observationAspects.map((a) => a.aspect)).toEqual(['initiatief-volgen', 'ontvangstbevestiging', 'instemmend-benoemen', 'beurtverdeling', 'leiding-geven', 'organisatie', 'didactiek']);
    expect(new Set(observationAspects.map((a) => a.uitgangspunt))).toEqual(new Set(['basiscommunicatie', 'organisatie', 'didactiek']));
  });

  it('reads ratings with fragments of this recording, and a note', () => {
    const read = readObservation({ 'obs_initiatief-volgen': 'plus', 'frag_initiatief-volgen': 'f1,f2,f1', obs_didactiek: 'minus', obs_note: ' goed begin ' }, ['f1', 'f2']);
    expect(read).toEqual({ ok: true, aspects: { 'initiatief-volgen': { rating: 'plus', fragmentIds: ['f1', 'f2'] }, didactiek: { rating: 'minus', fragmentIds: [] } }, note: 'goed begin' });
  });

  it('refuses a fragment of another recording, a fragment without rating, an unknown rating, a long note and an empty form', () => {
    expect(readObservation({ obs_organisatie: 'plus', frag_organisatie: 'elsewhere' }, ['f1'])).toEqual({ ok: false, problems: { organisatie: 'unknown-fragment' } });
    expect(readObservation({ frag_organisatie: 'f1' }, ['f1'])).toEqual({ ok: false, problems: { organisatie: 'fragment-without-rating' } });
    expect(readObservation({ obs_organisatie: 'super' }, [])).toEqual({ ok: false, problems: { organisatie: 'unknown-choice' } });
    expect(readObservation({ obs_organisatie: 'plus', obs_note: 'x'.repeat(501) }, [])).toEqual({ ok: false, problems: { note: 'note-too-long' } });
    expect(readObservation({}, [])).toEqual({ ok: false, problems: { note: 'empty' } });
  });

  it('follows the recording access policy: owner and begeleider fill it; grantees, directie and others do not', () => {
    expect(observerRoleOf(subject('sanne'), trajectory, recording, [], now)).toBe('leerkracht');
    expect(observerRoleOf(subject('marieke', ['leerkracht', 'svibber']), trajectory, recording, [], now)).toBe('begeleider');
    // A begeleider who lost the SVIB'er role no longer guides.
    expect(observerRoleOf(subject('marieke'), trajectory, recording, [], now)).toBeUndefined();
    expect(observerRoleOf(subject('lotte'), trajectory, recording, [grant], now)).toBeUndefined();
    expect(observerRoleOf(subject('peter', ['leerkracht', 'directie', 'beheerder']), trajectory, recording, [], now)).toBeUndefined();
    expect(observerRoleOf({ ...subject('sanne'), schoolId: 'other' }, trajectory, recording, [], now)).toBeUndefined();
    expect(observerRoleOf(subject('sanne'), trajectory, { ...recording, trajectoryId: 'other' }, [], now)).toBeUndefined();
  });

  it('a grantee reads them only when her live grant of this recording includes the kijkwijzer; directie never', () => {
    const lotte = subject('lotte');
    const withObservations: Grant = { ...grant, includeObservations: true };
    const past = new Date(now.getTime() - 1000);
    // Grants stored before the choice existed lack the field: no.
    expect(observationReaderOf(lotte, trajectory, recording, [grant], now)).toBeUndefined();
    expect(observationReaderOf(lotte, trajectory, recording, [{ ...grant, includeObservations: false }], now)).toBeUndefined();
    expect(observationReaderOf(lotte, trajectory, recording, [withObservations], now)).toBe('grantee');
    expect(observationReaderOf(lotte, trajectory, recording, [{ ...withObservations, scope: { kind: 'fragments', fragmentIds: ['f1'] } }], now)).toBe('grantee');
    // Never filling: the grantee is no author.
    expect(observerRoleOf(lotte, trajectory, recording, [withObservations], now)).toBeUndefined();
    expect(observationReaderOf(lotte, trajectory, recording, [{ ...withObservations, withdrawnAt: past }], now)).toBeUndefined();
    expect(observationReaderOf(lotte, trajectory, recording, [{ ...withObservations, until: past }], now)).toBeUndefined();
    expect(observationReaderOf(lotte, { ...trajectory, phase: 'afgesloten' }, recording, [withObservations], now)).toBeUndefined();
    expect(observationReaderOf(lotte, trajectory, recording, [{ ...withObservations, recordingId: 'r2' }], now)).toBeUndefined();
    expect(observationReaderOf(lotte, trajectory, recording, [{ ...withObservations, trajectoryId: 'other' }], now)).toBeUndefined();
    expect(observationReaderOf(subject('joost'), trajectory, recording, [withObservations], now)).toBeUndefined();
    const peter = subject('peter', ['leerkracht', 'directie']);
    expect(observationReaderOf(peter, trajectory, recording, [{ ...withObservations, granteeId: 'peter' }], now)).toBeUndefined();
    // The authors keep their own role, whatever grants exist.
    expect(observationReaderOf(subject('sanne'), trajectory, recording, [withObservations], now)).toBe('leerkracht');
    expect(observationReaderOf(subject('marieke', ['svibber']), trajectory, recording, [], now)).toBe('begeleider');
  });

  it.each([
    ['a grantee whose grant leaves the kijkwijzer out', 'lotte', [grant], 'not-shared'],
    ['a grantee of only some fragments, without the kijkwijzer', 'lotte', [{ ...grant, scope: { kind: 'fragments', fragmentIds: ['f1'] } }], 'not-shared'],
    ['a grantee whose grant includes the kijkwijzer (reads, never fills)', 'lotte', [{ ...grant, includeObservations: true }], 'read-only'],
    ['a grantee whose grant was withdrawn', 'lotte', [{ ...grant, withdrawnAt: new Date(now.getTime() - 1000) }], 'refused'],
    ['a grantee whose grant is for another recording', 'lotte', [{ ...grant, recordingId: 'r2' }], 'refused'],
    ['a colleague without a grant', 'joost', [grant], 'refused'],
  ] as const)('tells %s why there is no form', (_case, userId, grants, refusal) => {
    expect(formRefusalOf(subject(userId), trajectory, recording, grants, now)).toBe(refusal);
  });

  it('never tells directie more than a refusal, whatever a stored grant says', () => {
    const peter = subject('peter', ['leerkracht', 'directie']);
    expect(formRefusalOf(peter, trajectory, recording, [{ ...grant, granteeId: 'peter', includeObservations: true }], now)).toBe('refused');
  });

  it.each([
    [[], 'refused'],
    [['refused', 'refused'], 'refused'],
    [['refused', 'not-shared'], 'not-shared'],
    [['not-shared', 'read-only'], 'after-talk'],
    [['read-only'], 'after-talk'],
  ] as const)('refuses the overview of recordings refused as %j with %s', (perRecording, refusal) => {
    expect(overviewRefusalOf(perRecording)).toBe(refusal);
  });

  const observation = (author: 'begeleider' | 'leerkracht', cycle: number, rating: 'plus' | 'partly' | 'minus'): Observation => ({
    tenantId: 't',
    schoolId: 's',
    trajectoryId: 'tr',
    recordingId: `r${cycle}`,
    cycle,
    author,
    authorId: author,
    aspects: { 'initiatief-volgen': { rating, fragmentIds: [] } },
    updatedAt: now,
  });

  it('each sees her own; the other’s only after the nagesprek', () => {
    const both = [observation('begeleider', 1, 'plus'), observation('leerkracht', 1, 'minus')];
    expect(visibleObservations('leerkracht', both, false).map((o) => o.author)).toEqual(['leerkracht']);
    expect(visibleObservations('begeleider', both, false).map((o) => o.author)).toEqual(['begeleider']);
    expect(visibleObservations('leerkracht', both, true)).toHaveLength(2);
    // A grantee wrote none: both, only after the nagesprek, notes included.
    expect(visibleObservations('grantee', both, false)).toEqual([]);
    expect(visibleObservations('grantee', [{ ...both[0]!, note: 'n' }, both[1]!], true).map((o) => o.note ?? o.author)).toEqual(['n', 'leerkracht']);
  });

  it('the nagesprek of a cycle is done once its after-talk or final talk was completed', () => {
    const by = { userId: 'm', name: 'M' };
    expect(afterTalkDone({ timeline: [{ what: 'recordingCompleted', by, at: now, cycle: 1 }] }, 1)).toBe(false);
    expect(afterTalkDone({ timeline: [{ what: 'afterTalkCompleted', by, at: now, cycle: 1 }] }, 1)).toBe(true);
    expect(afterTalkDone({ timeline: [{ what: 'afterTalkCompleted', by, at: now, cycle: 1 }] }, 2)).toBe(false);
    expect(afterTalkDone({ timeline: [{ what: 'finalTalkCompleted', by, at: now, cycle: 3 }] }, 3)).toBe(true);
  });

  it('shows the development per aspect over the cycles, only aspects that were rated', () => {
    const rows = developmentOf([observation('leerkracht', 1, 'minus'), observation('begeleider', 1, 'partly'), observation('leerkracht', 2, 'plus')], 3);
    expect(rows).toEqual([
      { aspect: 'initiatief-volgen', cycles: [{ cycle: 1, leerkracht: 'minus', begeleider: 'partly' }, { cycle: 2, leerkracht: 'plus' }, { cycle: 3 }] },
    ]);
    expect(developmentOf([], 3)).toEqual([]);
  });
});
