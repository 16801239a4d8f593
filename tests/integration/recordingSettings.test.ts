import { actorOf, guidedTrajectory, uploadRecording } from '../support/recordings';
import { useSchool } from '../support/school';
import { cardAction, fatima, marieke, message, personalChatOf, post, sanne, type Person } from '../support/teamsActivities';

const GB = 1024 ** 3;
const VIDEO = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(2048, 7)]);

/** Instellingen → Opnames: a beheerder sets the school's size limit and retention period. */
describe('school recording settings (real Azurite)', () => {
  const school = useSchool({ svibbers: [marieke], others: [sanne] });
  const act = (person: Person, verb: string, data: Record<string, unknown> = {}) => post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: person }, verb, data));
  const shown = (answer: { body?: Record<string, unknown> }) => JSON.stringify(answer.body?.value);
  const settings = () => school.app.composed.directory.recordingSettingsOf(school.beheerder.tenantId, school.beheerder.schoolId);

  it('is reached from the roles card and shows the defaults first', async () => {
    await post(school.app.baseUrl, message({ serviceUrl: school.serviceUrl, from: fatima }, 'instellingen'));
    expect(JSON.stringify(school.connector.to(personalChatOf(fatima))[0].activity.attachments![0].content)).toContain('"verb":"settings.recordings"');
    const card = shown(await act(fatima, 'settings.recordings'));
    expect(card).toContain('Instellingen → Opnames');
    expect(card).toContain('"id":"maxGigabytes","label":"Grootste opname, in GB (0,5 tot 20)","value":"4"');
    expect(card).toContain('"id":"retentionDays"');
    expect(card).toContain('"value":"30"');
  });

  it('shows the card again with every problem named, and keeps nothing of a wrong answer', async () => {
    const card = shown(await act(fatima, 'settings.recordings.save', { maxGigabytes: 'veel', retentionDays: '0' }));
    expect(card).toContain('Vul een getal in, bijvoorbeeld 4 of 1,5.');
    expect(card).toContain('Dit is te weinig: het kleinste is 1.');
    expect(card).toContain('"value":"veel"');
    expect(await settings()).toEqual({ maxBytes: 4 * GB, retentionDays: 30 });
    expect(shown(await act(fatima, 'settings.recordings.save', { maxGigabytes: '25', retentionDays: '30' }))).toContain('Dit is te veel: het grootste is 20.');
  });

  it('keeps what a beheerder saves, and refuses anyone else', async () => {
    expect(shown(await act(sanne, 'settings.recordings.save', { maxGigabytes: '20', retentionDays: '365' }))).toContain('beheerder');
    expect(shown(await act(sanne, 'settings.recordings'))).toContain('beheerder');

    const saved = shown(await act(fatima, 'settings.recordings.save', { maxGigabytes: '1,5', retentionDays: '10' }));
    expect(saved).toContain('Opgeslagen: opnames tot 1,5 GB, verwijderd 10 dagen na het afsluiten.');
    expect(await settings()).toEqual({ maxBytes: 1.5 * GB, retentionDays: 10 });
  });

  it('applies the school’s limit to uploads and its period to deletion', async () => {
    await act(fatima, 'settings.recordings.save', { maxGigabytes: '1,5', retentionDays: '10' });
    const teacher = await actorOf(school.app, sanne);
    const trajectoryId = await guidedTrajectory(school.app, teacher, await actorOf(school.app, marieke));
    const started = await school.app.composed.recordings.startUpload(teacher, trajectoryId);
    expect(started).toMatchObject({ ok: true, maxBytes: 1.5 * GB });

    await uploadRecording(school.app, teacher, trajectoryId, VIDEO, 'video/webm');
    await school.app.composed.trajectoryService.run(teacher, trajectoryId, { type: 'withdraw' });
    const closedAt = Date.now();
    const day = 86_400_000;
    // The default would keep them 30 days; this school said 10.
    expect(await school.app.composed.recordings.deleteExpired(new Date(closedAt + 9 * day))).toBe(0);
    expect(await school.app.composed.recordings.deleteExpired(new Date(closedAt + 11 * day))).toBe(1);
    expect(await school.app.composed.recordings.watchable(teacher, trajectoryId)).toEqual([]);
  });
});
