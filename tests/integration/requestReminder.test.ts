import { remindUntakenRequests } from '../../src/jobs/requestReminderJob';
import { delivered } from '../support/deliveries';
import { RecordingConnector } from '../support/recordingConnector';
import { seedSchool, validIntake } from '../support/requestFlow';
import { cardAction, fatima, joost, marieke, personalChatOf, post, sanne } from '../support/teamsActivities';
import { startTestApp, uniquePrefix, type TestApp } from '../support/testApp';

describe('a request nobody takes up reminds the SVIB’ers once (real storage on Azurite)', () => {
  const connector = new RecordingConnector();
  const prefix = uniquePrefix();
  let clock = new Date('2026-11-23T09:00:00Z'); // a Monday
  const now = () => clock;
  let serviceUrl: string;
  let app: TestApp;

  beforeAll(async () => {
    serviceUrl = await connector.start();
    app = await startTestApp({ INITIAL_BEHEERDERS: fatima.aadObjectId, STORAGE_NAME_PREFIX: prefix, REQUEST_REMINDER_SCHOOL_DAYS: '2' }, now);
    await seedSchool(app, serviceUrl, { beheerder: fatima, svibbers: [marieke, joost], others: [sanne] });
  });
  afterAll(async () => {
    await app.close();
    await connector.stop();
  });

  async function request(): Promise<string> {
    await post(app.baseUrl, cardAction({ serviceUrl, from: sanne }, 'request.start'));
    const form = connector.to(personalChatOf(sanne)).at(-1)!.activity.attachments![0].content;
    const formId = form.actions!.find((action) => action.verb === 'intake.submit')!.data!.formId;
    await post(app.baseUrl, cardAction({ serviceUrl, from: sanne }, 'intake.submit', { formId, ...validIntake }));
    return String(connector.to(personalChatOf(marieke)).at(-1)!.activity.attachments![0].content.actions!.find((a) => a.verb === 'request.takeUp')!.data!.trajectoryId);
  }

  const reminderCardsTo = (person: typeof marieke) =>
    connector.to(personalChatOf(person)).filter((sent) => !sent.updatedActivityId && JSON.stringify(sent.activity).includes('Herinnering: deze aanvraag wacht nog'));

  it('waits the set number of school days, reminds every SVIB’er once, and never again after a restart', async () => {
    const waiting = await request();
    const taken = await request();
    await post(app.baseUrl, cardAction({ serviceUrl, from: joost }, 'request.takeUp', { trajectoryId: taken }));

    clock = new Date('2026-11-24T10:00:00Z');
    expect(await remindUntakenRequests(app.composed.jobOptions, clock)).toBe(0);

    clock = new Date('2026-11-25T10:00:00Z');
    expect(await remindUntakenRequests(app.composed.jobOptions, clock)).toBe(1);
    await delivered(app);
    expect(reminderCardsTo(marieke)).toHaveLength(1);
    expect(reminderCardsTo(joost)).toHaveLength(1);
    expect(JSON.stringify(reminderCardsTo(marieke)[0].activity)).toContain(waiting);

    expect(await remindUntakenRequests(app.composed.jobOptions, new Date('2026-11-26T10:00:00Z'))).toBe(0);
    const restarted = await startTestApp({ STORAGE_NAME_PREFIX: prefix, REQUEST_REMINDER_SCHOOL_DAYS: '2' }, now);
    expect(await remindUntakenRequests(restarted.composed.jobOptions, new Date('2026-11-27T10:00:00Z'))).toBe(0);
    await delivered(restarted);
    await restarted.close();
    await delivered(app);
    expect(reminderCardsTo(marieke)).toHaveLength(1);
  });

  it('reminds once when two instances run the same round at the same moment', async () => {
    clock = new Date('2026-11-30T09:00:00Z');
    await request();
    const other = await startTestApp({ STORAGE_NAME_PREFIX: prefix, REQUEST_REMINDER_SCHOOL_DAYS: '2' }, now);
    connector.clear();

    const at = new Date('2026-12-02T10:00:00Z');
    const counts = await Promise.all([remindUntakenRequests(app.composed.jobOptions, at), remindUntakenRequests(other.composed.jobOptions, at)]);
    await delivered(other);
    await other.close();
    await delivered(app);

    expect(counts[0] + counts[1]).toBe(1);
    expect(reminderCardsTo(marieke)).toHaveLength(1);
  });

  it('updates the reminder card in place when someone takes the request up', async () => {
    const trajectoryId = String(reminderCardsTo(joost)[0].activity.attachments![0].content.actions!.find((a) => a.verb === 'request.takeUp')!.data!.trajectoryId);
    connector.clear();

    await post(app.baseUrl, cardAction({ serviceUrl, from: marieke }, 'request.takeUp', { trajectoryId }));

    const updates = connector.to(personalChatOf(joost)).filter((sent) => sent.updatedActivityId);
    expect(updates).toHaveLength(2);
    for (const update of updates) expect(JSON.stringify(update.activity)).toContain('Marieke Jansen heeft deze aanvraag opgepakt.');
  });

  it('still reminds when the claim landed but its answer was lost, and only once', async () => {
    clock = new Date('2026-12-07T09:00:00Z');
    await request();
    connector.clear();
    const { trajectories } = app.composed.repositories;
    const claim = trajectories.claimReminder.bind(trajectories);
    const lostAnswer = jest.spyOn(trajectories, 'claimReminder').mockImplementation(async (...args) => {
      await claim(...args);
      throw new Error('the answer timed out');
    });
    const at = new Date('2026-12-09T10:00:00Z');
    await expect(remindUntakenRequests(app.composed.jobOptions, at)).rejects.toThrow('the answer timed out');
    lostAnswer.mockRestore();
    await delivered(app);

    expect(reminderCardsTo(marieke)).toHaveLength(1);
    expect(reminderCardsTo(joost)).toHaveLength(1);
    expect(await remindUntakenRequests(app.composed.jobOptions, at)).toBe(0);
  });
});
