import { actorOf, guidedTrajectory, putBlob, uploadRecording } from '../support/recordings';
import { useSchool } from '../support/school';
import { lotte, marieke, personalChatOf, sanne, TENANT_ID } from '../support/teamsActivities';
import { delivered } from '../support/deliveries';
import type { Actor } from '../../src/features/schools/SchoolDirectory';
import { sweepAbandonedUploads } from '../../src/jobs/uploadSweepJob';
import { closeInactiveTrajectories } from '../../src/jobs/inactivityJob';

const VIDEO = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84]), Buffer.from('webm'), Buffer.alloc(1024, 7)]);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('retention has no gaps (real Azurite)', () => {
  const school = useSchool({ svibbers: [marieke], others: [sanne, lotte] }, { env: { RECORDING_MAX_BYTES: '1000000', TRAJECTORY_INACTIVE_DAYS: '365', TRAJECTORY_INACTIVE_GRACE_DAYS: '14' } });
  const actors: Record<string, Actor> = {};
  beforeAll(async () => {
    for (const [name, person] of Object.entries({ sanne, marieke, lotte })) actors[name] = await actorOf(school.app, person);
  });

  describe('the sweep of abandoned uploads', () => {
    it('deletes an upload never registered after its window, keeps recordings, and removes the locked name of a registered one', async () => {
      const { recordings, recordingBlobs, uploadSweepOptions } = school.app.composed;
      const trajectoryId = await guidedTrajectory(school.app, actors.sanne, actors.marieke);
      const abandoned = await recordings.startUpload(actors.marieke, trajectoryId);
      if (!abandoned.ok) throw new Error(abandoned.reason);
      expect(await putBlob(abandoned.uploadUrl, VIDEO, 'video/webm')).toBe(201);
      const kept = await uploadRecording(school.app, actors.marieke, trajectoryId, VIDEO, 'video/webm');
      // An upload from before staging existed: a blob nothing refers to.
      const stray = `${TENANT_ID}/default/${trajectoryId}/never-registered`;
      await school.app.composed.storage.container(school.app.composed.storage.names.recordingsContainer).getBlockBlobClient(stray).upload(VIDEO, VIDEO.length);
      const now = Date.now();

      // Within the window (1 MB: fifteen minutes to upload, thirty to register) nothing goes.
      expect(await sweepAbandonedUploads(uploadSweepOptions, new Date(now + 40 * MINUTE))).toBe(0);
      expect(await recordingBlobs.facts(abandoned.blobName)).toBeDefined();

      // After it: the unregistered upload and the registered one's locked staging name; the stray
      // blob only once even the largest school's window passed.
      expect(await sweepAbandonedUploads(uploadSweepOptions, new Date(now + 50 * MINUTE))).toBeGreaterThanOrEqual(2);
      expect(await recordingBlobs.facts(abandoned.blobName)).toBeUndefined();
      expect(await recordingBlobs.facts(stray)).toBeDefined();
      expect(await sweepAbandonedUploads(uploadSweepOptions, new Date(now + 6 * 60 * MINUTE))).toBeGreaterThanOrEqual(1);
      expect(await recordingBlobs.facts(stray)).toBeUndefined();

      expect(await recordingBlobs.facts(kept.blobName)).toBeDefined();
      expect(await recordings.watch(actors.sanne, kept.id)).toMatchObject({ ok: true });
      const staging = [];
      for await (const blob of recordingBlobs.listUnder('staging/')) staging.push(blob.name);
      expect(staging.filter((name) => name.includes(trajectoryId))).toEqual([]);
    });
  });

  describe('a trajectory nobody moves on', () => {
    const textsTo = (person: typeof sanne) => school.connector.to(personalChatOf(person)).map((sent) => String(sent.activity.text ?? ''));

    it('is announced to teacher and begeleider once, then closed once after the grace period', async () => {
      const options = school.app.composed.inactivityOptions;
      const trajectoryId = await guidedTrajectory(school.app, actors.lotte, actors.marieke);
      const start = Date.now();
      const run = async (days: number) => {
        const outcome = await closeInactiveTrajectories(options, new Date(start + days * DAY));
        await delivered(school.app);
        return outcome;
      };

      expect(await run(364)).toEqual({ noticed: 0, closed: 0 });
      expect((await run(366)).noticed).toBeGreaterThanOrEqual(1);
      expect(textsTo(lotte).filter((text) => text.startsWith('Er is sinds'))).toHaveLength(1);
      expect(textsTo(marieke).filter((text) => text.includes('in het SVIB-traject van Lotte Smit'))).toHaveLength(1);
      await run(367);
      expect(textsTo(lotte).filter((text) => text.startsWith('Er is sinds'))).toHaveLength(1);

      // The notice of this run counted from day 366: fourteen days of grace.
      await run(379);
      const stillOpen = await school.app.composed.repositories.trajectories.get(TENANT_ID, 'default', trajectoryId);
      expect(stillOpen?.trajectory.phase.kind).toBe('opname');

      await run(381);
      await run(382);
      const closed = await school.app.composed.repositories.trajectories.get(TENANT_ID, 'default', trajectoryId);
      expect(closed?.trajectory.phase.kind).toBe('afgesloten');
      expect(closed?.trajectory.timeline.filter((event) => event.what === 'closedInactive')).toHaveLength(1);
      expect(textsTo(lotte).filter((text) => text.startsWith('Je SVIB-traject is afgesloten'))).toHaveLength(1);
      expect(textsTo(marieke).filter((text) => text.startsWith('Het SVIB-traject van Lotte Smit is afgesloten'))).toHaveLength(1);
    });

    it('stays open when someone takes a step after the notice', async () => {
      const options = school.app.composed.inactivityOptions;
      const trajectoryId = await guidedTrajectory(school.app, actors.sanne, actors.marieke);
      // Quiet for a year and a day: every step so far moved back in time.
      const store = school.app.composed.repositories.trajectories;
      const stored = await store.get(TENANT_ID, 'default', trajectoryId);
      const back = (at: Date) => new Date(at.getTime() - 366 * DAY);
      await store.update(TENANT_ID, stored!, { ...stored!.trajectory, createdAt: back(stored!.trajectory.createdAt), timeline: stored!.trajectory.timeline.map((event) => ({ ...event, at: back(event.at) })) }, new Date());
      await closeInactiveTrajectories(options, new Date());
      await delivered(school.app);
      expect(textsTo(sanne).filter((text) => text.startsWith('Er is sinds'))).toHaveLength(1);

      await school.app.composed.trajectoryService.run(actors.marieke, trajectoryId, { type: 'setCycles', cycles: 4 });
      await closeInactiveTrajectories(options, new Date(Date.now() + 15 * DAY));
      await delivered(school.app);

      expect((await store.get(TENANT_ID, 'default', trajectoryId))?.trajectory.phase.kind).toBe('opname');
    });
  });
});
