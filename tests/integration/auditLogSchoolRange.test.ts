import type { AuditEntry } from '../../src/domain/recordings/auditEntry';
import { AuditLog } from '../../src/storage/audit/AuditLog';
import { useSchool } from '../support/school';
import { TENANT_ID } from '../support/teamsActivities';

/** The directie summary reads a school's recording changes in one range query: only that school's, only uploads and deletions. */
describe('the audit log read for a whole school (real Azurite)', () => {
  const school = useSchool({ svibbers: [], others: [] });
  const entry = (action: AuditEntry['action'], objectId: string, minutes: number, result: AuditEntry['result'] = 'allowed'): AuditEntry => ({
    at: new Date(Date.UTC(2026, 10, 2, 9, minutes)),
    actorId: 'someone',
    action,
    objectType: 'recording',
    objectId,
    result,
  });

  it('finds uploads and deletions per trajectory of this school, and nothing of a school whose id starts alike', async () => {
    const { storage } = school.app.composed;
    const audit = new AuditLog(storage.table(storage.names.auditTable));
    await audit.append(TENANT_ID, 'west', 'trajectory-1', entry('upload', 'rec-1', 1));
    await audit.append(TENANT_ID, 'west', 'trajectory-1', entry('view', 'rec-1', 2));
    await audit.append(TENANT_ID, 'west', 'trajectory-1', entry('upload', 'rec-2', 3, 'refused'));
    await audit.append(TENANT_ID, 'west', 'trajectory-1', entry('delete', 'rec-1', 4));
    await audit.append(TENANT_ID, 'west', 'trajectory-2', entry('upload', 'rec-3', 5));
    // Another school whose partitions share the prefix "…_west_": never part of west's figures.
    await audit.append(TENANT_ID, 'west_2', 'trajectory-9', entry('upload', 'rec-9', 6));
    await audit.append(TENANT_ID, 'westend', 'trajectory-8', entry('upload', 'rec-8', 7));

    const found = await audit.recordingChangesAtSchool(TENANT_ID, 'west', ['trajectory-1', 'trajectory-2', 'trajectory-3']);

    expect([...found.keys()]).toEqual(['trajectory-1', 'trajectory-2', 'trajectory-3']);
    expect(found.get('trajectory-1')!.map((change) => `${change.action} ${change.objectId}`)).toEqual(['delete rec-1', 'upload rec-1']);
    expect(found.get('trajectory-2')!.map((change) => `${change.action} ${change.objectId}`)).toEqual(['upload rec-3']);
    expect(found.get('trajectory-3')).toEqual([]);
  });
});
