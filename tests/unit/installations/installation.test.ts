import { installationKeyOf, recordInstall, recordUninstall, scopeOf, type Installation } from '../../../src/domain/installations/installation';

const t1 = new Date('2026-09-01T08:00:00Z');
const t2 = new Date('2026-09-02T08:00:00Z');
const t3 = new Date('2026-09-03T08:00:00Z');

describe('installation keys', () => {
  it.each([
    ['personal', 'personal'],
    [undefined, 'personal'],
    ['groupChat', 'groupChat'],
    ['channel', 'channel'],
  ])('maps conversation type %s to scope %s', (type, scope) => {
    expect(scopeOf(type)).toBe(scope);
  });

  it('keys a personal chat by its user, so a reinstall finds the same row', () => {
    const key = installationKeyOf({ tenantId: 'tenant-1', conversationType: 'personal', conversationId: 'a:1', userAadObjectId: 'user-1' });
    expect(key).toEqual({ scope: 'personal', partitionKey: 'tenant-1', rowKey: 'user_user-1' });
  });

  it('keys a channel by its team, whatever channel or thread the event came from', () => {
    const general = installationKeyOf({ tenantId: 't', conversationType: 'channel', conversationId: '19:gen@thread.tacv2', teamId: '19:team@thread.tacv2' });
    const thread = installationKeyOf({ tenantId: 't', conversationType: 'channel', conversationId: '19:other@thread.tacv2;messageid=1', teamId: '19:team@thread.tacv2' });
    expect(general).toEqual(thread);
    expect(general.rowKey).toBe('team_19%3Ateam%40thread.tacv2');
  });

  it('keys a group chat by the chat, without the message thread', () => {
    const key = installationKeyOf({ tenantId: 't', conversationType: 'groupChat', conversationId: '19:chat@thread.v2;messageid=42' });
    expect(key.rowKey).toBe('chat_19%3Achat%40thread.v2');
  });

  it('never puts characters Azure Tables forbids into a key', () => {
    const key = installationKeyOf({ tenantId: 'a/b#c?d\\e', conversationType: 'groupChat', conversationId: 'x/y#z?\u0001' });
    // eslint-disable-next-line no-control-regex
    for (const part of [key.partitionKey, key.rowKey]) expect(part).not.toMatch(/[/#?\\\u0000-\u001f]/);
  });

  it('uses one partition for conversations without a tenant', () => {
    expect(installationKeyOf({ conversationId: 'a:1' }).partitionKey).toBe('no-tenant');
  });
});

describe('install and uninstall', () => {
  const key = { scope: 'personal' as const, partitionKey: 'tenant-1', rowKey: 'user_u' };

  it('records a first install as active', () => {
    expect(recordInstall(undefined, key, '{"ref":1}', t1)).toEqual({ key, active: true, reference: '{"ref":1}', installedAt: t1, updatedAt: t1, uninstalledAt: undefined });
  });

  it('keeps the first install time when an active install is announced again, with the fresh reference', () => {
    const first = recordInstall(undefined, key, '{"ref":1}', t1);
    expect(recordInstall(first, key, '{"ref":2}', t2)).toMatchObject({ installedAt: t1, updatedAt: t2, reference: '{"ref":2}' });
  });

  it('marks an uninstall inactive and keeps the record', () => {
    const installed = recordInstall(undefined, key, 'r', t1);
    expect(recordUninstall(installed, t2)).toEqual({ ...installed, active: false, updatedAt: t2, uninstalledAt: t2 });
  });

  it('leaves an already inactive record untouched', () => {
    const removed: Installation = recordUninstall(recordInstall(undefined, key, 'r', t1), t2);
    expect(recordUninstall(removed, t3)).toBe(removed);
  });

  it('starts a new install period after a reinstall', () => {
    const removed = recordUninstall(recordInstall(undefined, key, 'r', t1), t2);
    expect(recordInstall(removed, key, 'r', t3)).toMatchObject({ active: true, installedAt: t3, uninstalledAt: undefined });
  });
});
