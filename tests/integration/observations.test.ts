import type { Actor } from '../../src/features/schools/SchoolDirectory';
import type { Fragment, Recording } from '../../src/domain/recordings/recording';
import { actorOf, guidedTrajectory, uploadRecording } from '../support/recordings';
import { sampleVideo } from '../support/sampleVideo';
import { useSchool } from '../support/school';
import { cardAction, fatima, joost, lotte, marieke, peter, personalChatOf, post, sanne, type Person } from '../support/teamsActivities';

jest.setTimeout(60_000);

describe('the observation kijkwijzer per recording follows the recording access policy (real Azurite)', () => {
  const school = useSchool({ svibbers: [marieke, joost], others: [sanne, lotte, peter] });
  let teacher: Actor;
  let begeleider: Actor;
  let trajectoryId: string;
  let recording: Recording;
  let fragment: Fragment;

  const refused = 'Deze kijkwijzer is alleen voor de leerkracht en de begeleider van het traject.';
  const notShared = 'De leerkracht heeft de kijkwijzer niet met je gedeeld.';
  const readOnly = 'Deze kijkwijzer vullen de leerkracht en de begeleider in. Jij mag hem lezen';
  const afterTalk = 'De leerkracht deelt de kijkwijzer met je. Je kunt hem lezen zodra het nagesprek';

  const act = async (person: Person, verb: string, data: Record<string, unknown> = {}) => {
    const answer = await post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: person }, verb, data));
    return JSON.stringify(answer.body?.value);
  };

  beforeAll(async () => {
    teacher = await actorOf(school.app, sanne);
    begeleider = await actorOf(school.app, marieke);
    const beheerder = await actorOf(school.app, fatima);
    await school.app.composed.directory.changeRole(beheerder, { userId: peter.aadObjectId }, 'directie', 'grant');
    trajectoryId = await guidedTrajectory(school.app, teacher, begeleider);
    recording = await uploadRecording(school.app, teacher, trajectoryId, sampleVideo(6), 'video/mp4', 6);
    const marked = await school.app.composed.recordings.markFragment(begeleider, recording.id, { startSecond: 1, endSecond: 4, note: 'volgt het initiatief', aspect: 'initiatief-volgen' });
    if (!marked.ok) throw new Error(marked.reason);
    fragment = marked.fragment;
    // Lotte may watch the whole recording; that alone does not show her the observations.
    const granted = await school.app.composed.recordings.grant(teacher, recording.id, { userId: lotte.aadObjectId, name: lotte.name }, { kind: 'recording' });
    if (!granted.ok) throw new Error(granted.reason);
  });

  it('the begeleider fills it, linked to a fragment of that recording, as preparation for the nagesprek', async () => {
    const form = await act(marieke, 'observation.open', { recordingId: recording.id });
    expect(form).toContain('Kijkwijzer opname 1');
    expect(form).toContain('0:01–0:04 volgt het initiatief');

    const forged = await act(marieke, 'observation.save', { recordingId: recording.id, 'obs_initiatief-volgen': 'plus', 'frag_initiatief-volgen': 'fragment-of-another-recording' });
    expect(forged).toContain('Dit fragment hoort niet bij deze opname.');

    const saved = await act(marieke, 'observation.save', { recordingId: recording.id, 'obs_initiatief-volgen': 'plus', 'frag_initiatief-volgen': fragment.id, obs_didactiek: 'partly', obs_note: 'Sterk begin van de les' });
    expect(saved).toContain('Je kijkwijzer is opgeslagen.');
    expect(saved).toContain(`"value":"${fragment.id}"`);
  });

  it('the teacher fills her own and does not see the begeleider’s before the nagesprek', async () => {
    const form = await act(sanne, 'observation.open', { recordingId: recording.id });
    expect(form).toContain('Bekijk eerst je opname');
    expect(form).not.toContain('Sterk begin van de les');
    expect(form).toContain('Na het nagesprek zie je hier ook de kijkwijzer van de ander.');
    const saved = await act(sanne, 'observation.save', { recordingId: recording.id, 'obs_initiatief-volgen': 'minus', obs_note: 'Ik ging te snel' });
    expect(saved).toContain('Je kijkwijzer is opgeslagen.');
    expect(await act(marieke, 'observation.open', { recordingId: recording.id })).not.toContain('Ik ging te snel');
  });

  it('the teacher may include the kijkwijzer in a grant; before the nagesprek that grantee still sees nothing', async () => {
    const card = await act(sanne, 'recording.access', { recordingId: recording.id });
    expect(card).toContain('Ook de kijkwijzer bij deze opname laten zien');
    // Joost (an SVIB'er, but not hers) gets the recording with the kijkwijzer.
    const granted = await act(sanne, 'recording.grant', { recordingId: recording.id, granteeId: joost.aadObjectId, scope: 'recording', includeObservations: 'true' });
    expect(granted).toContain('Joost');
    expect(granted).toContain('met kijkwijzer');
    const told = school.connector.to(personalChatOf(joost)).length;
    // A repeated click changes nothing and tells nobody twice.
    await act(sanne, 'recording.grant', { recordingId: recording.id, granteeId: joost.aadObjectId, scope: 'recording', includeObservations: 'true' });
    expect(school.connector.to(personalChatOf(joost))).toHaveLength(told);
    const grants = await school.app.composed.recordings['options'].recordings.listGrants(teacher.tenantId, teacher.schoolId, recording.id);
    expect(grants.filter((grant) => grant.granteeId === joost.aadObjectId)).toHaveLength(1);
    // Shared with the kijkwijzer, but before the nagesprek: told when, never refused as a stranger.
    expect(await act(joost, 'observation.overview', { trajectoryId })).toContain(afterTalk);
    expect(await act(joost, 'observation.open', { recordingId: recording.id })).toContain(readOnly);
  });

  it('grantees, directie, another SVIB’er and colleagues get nothing, whatever ids they send', async () => {
    // A grantee is told the teacher did not share the kijkwijzer (or that it is only to read), in words fit for them.
    const refusals = new Map([
      [lotte, [notShared, notShared, notShared]],
      [joost, [readOnly, readOnly, afterTalk]],
      [peter, [refused, refused, refused]],
      [fatima, [refused, refused, refused]],
    ]);
    for (const [person, [open, save, overview]] of refusals) {
      expect(await act(person, 'observation.open', { recordingId: recording.id })).toContain(open);
      expect(await act(person, 'observation.save', { recordingId: recording.id, obs_didactiek: 'minus' })).toContain(save);
      expect(await act(person, 'observation.overview', { trajectoryId })).toContain(overview);
    }
    expect(await act(marieke, 'observation.open', { recordingId: 'no-such-recording' })).toContain(refused);
    // Nothing Lotte or Peter did changed the begeleider's observation.
    expect(await act(marieke, 'observation.open', { recordingId: recording.id })).toContain('Sterk begin van de les');
  });

  it('after the nagesprek both see each other’s, and the trajectory card leads there with the development per aspect', async () => {
    const { trajectoryService } = school.app.composed;
    // The trajectory is in opname 1 since the set-up (recordings are only uploaded while recordings are made).
    for (const command of [{ type: 'completeRecording', cycle: 1 }, { type: 'completeAfterTalk', cycle: 1 }] as const) {
      const outcome = await trajectoryService.run(begeleider, trajectoryId, command);
      expect(outcome.kind).toBe('done');
    }
    expect(await act(sanne, 'observation.open', { recordingId: recording.id })).toContain('Sterk begin van de les');
    expect(await act(marieke, 'observation.open', { recordingId: recording.id })).toContain('Ik ging te snel');

    await act(sanne, 'trajectory.open', { trajectoryId });
    expect(JSON.stringify(school.connector.to(personalChatOf(sanne)).at(-1)?.activity)).toContain('observation.overview');
    const overview = await act(sanne, 'observation.overview', { trajectoryId });
    expect(overview).toContain('Ontwikkeling per aspect');
    expect(overview).toContain('Initiatief volgen: opname 1: − (jij) + (begeleider)');
    expect(overview).toContain('Kijkwijzer opname 1');
    await act(peter, 'trajectory.open', { trajectoryId });
    expect(JSON.stringify(school.connector.to(personalChatOf(peter)))).not.toContain('observation.overview');
  });

  it('after the nagesprek a grantee whose grant includes the kijkwijzer reads both, notes included, and never gets the form', async () => {
    const overview = await act(joost, 'observation.overview', { trajectoryId });
    expect(overview).toContain('Kijkwijzers die met je gedeeld zijn');
    expect(overview).toContain('Opname 1');
    expect(overview).toContain('Sterk begin van de les');
    expect(overview).toContain('Ik ging te snel');
    expect(overview).toContain('Initiatief volgen: opname 1: − (leerkracht) + (begeleider)');
    expect(overview).not.toContain('observation.open');
    expect(await act(joost, 'observation.open', { recordingId: recording.id })).toContain(readOnly);
    expect(await act(joost, 'observation.save', { recordingId: recording.id, obs_didactiek: 'minus' })).toContain(readOnly);
    // Her shared-with-me list leads there.
    await act(joost, 'recordings.sharedWithMe');
    expect(JSON.stringify(school.connector.to(personalChatOf(joost)).at(-1)?.activity)).toContain('observation.overview');
    // Forged ids open nothing.
    expect(await act(joost, 'observation.overview', { trajectoryId: 'no-such-trajectory' })).toContain(refused);
    expect(await act(joost, 'observation.open', { recordingId: 'no-such-recording' })).toContain(refused);
  });

  it('a grant without the choice shows nothing, even after the nagesprek; changing only the choice updates that grant', async () => {
    expect(await act(lotte, 'observation.overview', { trajectoryId })).toContain(notShared);
    const changed = await act(sanne, 'recording.grant', { recordingId: recording.id, granteeId: lotte.aadObjectId, scope: 'recording', includeObservations: 'true' });
    expect(changed).toContain('De keuze over de kijkwijzer voor Lotte');
    const grants = await school.app.composed.recordings['options'].recordings.listGrants(teacher.tenantId, teacher.schoolId, recording.id);
    expect(grants.filter((grant) => grant.granteeId === lotte.aadObjectId).map((grant) => grant.includeObservations)).toEqual([true]);
    expect(await act(lotte, 'observation.overview', { trajectoryId })).toContain('Sterk begin van de les');
    await act(sanne, 'recording.grant', { recordingId: recording.id, granteeId: lotte.aadObjectId, scope: 'recording' });
    expect(await act(lotte, 'observation.overview', { trajectoryId })).toContain(notShared);
  });

  it('after withdrawal nothing; directie never, whatever a stored grant says', async () => {
    const { recordings } = school.app.composed.recordings['options'];
    const joostGrant = (await recordings.listGrants(teacher.tenantId, teacher.schoolId, recording.id)).find((grant) => grant.granteeId === joost.aadObjectId)!;
    await act(sanne, 'recording.withdraw', { recordingId: recording.id, grantId: joostGrant.id });
    expect(await act(joost, 'observation.overview', { trajectoryId })).toContain(refused);

    await recordings.putGrant({ ...joostGrant, id: 'forged-directie-grant', granteeId: peter.aadObjectId, granteeName: peter.name, withdrawnAt: undefined, includeObservations: true });
    expect(await act(peter, 'observation.overview', { trajectoryId })).toContain(refused);
    expect(await act(peter, 'observation.open', { recordingId: recording.id })).toContain(refused);
  });
});
