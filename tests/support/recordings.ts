import type { Actor } from '../../src/features/schools/SchoolDirectory';
import type { Recording } from '../../src/domain/recordings/recording';
import { validIntake } from './requestFlow';
import { TENANT_ID, type Person } from './teamsActivities';
import type { TestApp } from './testApp';

/** The person as the bot knows them at their school, with their roles. */
export function actorOf(app: TestApp, person: Person): Promise<Actor> {
  return app.composed.directory.actorFor({ tenantId: TENANT_ID, userId: person.aadObjectId, name: person.name, fetchEmail: async () => undefined });
}

/**
 * A trajectory the teacher asked for, in its first opname (recordings are added only while they
 * are made): taken up by the SVIB'er when one is given and moved on by them; without one, the
 * stored phase is set directly, as if a begeleider had done so and left.
 */
export async function guidedTrajectory(app: TestApp, teacher: Actor, svibber?: Actor, formId = `form-${Math.random()}`): Promise<string> {
  const created = await app.composed.trajectoryService.requestSupport(teacher, formId, validIntake);
  if (created.kind !== 'created') throw new Error(created.kind);
  const id = created.trajectory.id;
  if (svibber) {
    for (const command of [{ type: 'takeUp' }, { type: 'startIntake' }, { type: 'completeIntake' }] as const) {
      const outcome = await app.composed.trajectoryService.run(svibber, id, command);
      if (outcome.kind !== 'done') throw new Error(`${command.type}: ${outcome.kind}`);
    }
    return id;
  }
  const store = app.composed.repositories.trajectories;
  const stored = await store.get(teacher.tenantId, teacher.schoolId, id);
  if (!stored) throw new Error('trajectory not stored');
  await store.update(teacher.tenantId, stored, { ...stored.trajectory, phase: { kind: 'opname', cycle: 1 } }, new Date());
  return id;
}

/** What a browser does with an upload link: one Put Blob through the SAS. */
export async function putBlob(url: string, body: Buffer, contentType: string): Promise<number> {
  const response = await fetch(url, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob', 'x-ms-version': '2021-12-02', 'content-type': contentType }, body: new Uint8Array(body) });
  return response.status;
}

/** Uploads through a fresh write-only link and registers the recording, as the upload page does. */
export async function uploadRecording(app: TestApp, by: Actor, trajectoryId: string, video: Buffer, contentType: string, durationSeconds?: number): Promise<Recording> {
  const started = await app.composed.recordings.startUpload(by, trajectoryId);
  if (!started.ok) throw new Error(started.reason);
  const status = await putBlob(started.uploadUrl, video, contentType);
  if (status !== 201) throw new Error(`upload answered ${status}`);
  const registered = await app.composed.recordings.register(by, trajectoryId, 1, started.blobName, durationSeconds);
  if (!registered.ok) throw new Error(registered.reason);
  return registered.recording;
}
