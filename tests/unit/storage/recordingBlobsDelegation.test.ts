import { ContainerClient, type BlobServiceClient, type UserDelegationKey } from '@azure/storage-blob';
import { RecordingBlobs } from '../../../src/storage/recordings/RecordingBlobs';

/**
 * With a managed identity the links are signed with a user delegation key from Azure. Only the
 * key request is stood in for here (Azurite has no Entra sign-in); the signing itself is the SDK's.
 */
function withManagedIdentity() {
  const asked: { startsOn: Date; expiresOn: Date }[] = [];
  const service = {
    accountName: 'svibst',
    credential: {},
    getUserDelegationKey: async (startsOn: Date, expiresOn: Date): Promise<UserDelegationKey> => {
      asked.push({ startsOn, expiresOn });
      return {
        signedObjectId: '00000000-0000-0000-0000-000000000001',
        signedTenantId: '00000000-0000-0000-0000-000000000002',
        signedStartsOn: startsOn,
        signedExpiresOn: expiresOn,
        signedService: 'b',
        signedVersion: '2021-12-02',
        value: Buffer.from('delegation-key-for-tests').toString('base64'),
      };
    },
  } as unknown as BlobServiceClient;
  const container = new ContainerClient('https://svibst.blob.core.windows.net/svib-recordings');
  return { blobs: new RecordingBlobs(service, container, true), asked };
}

describe('RecordingBlobs with a managed identity', () => {
  const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000);

  it('signs many read links with one delegation key', async () => {
    const { blobs, asked } = withManagedIdentity();
    const links = await Promise.all(['a', 'b', 'c'].map((name) => blobs.readUrl(`t/s/tr/clips/${name}.mp4`, soon(15))));
    await blobs.uploadUrl('t/s/tr/new', soon(120));
    await blobs.readUrl('t/s/tr/clips/d.mp4', soon(15));
    expect(asked).toHaveLength(1);
    for (const link of links) expect(new URL(link).searchParams.get('skoid')).toBe('00000000-0000-0000-0000-000000000001');
  });

  it('asks again after a failed request rather than keeping the failure', async () => {
    const { blobs, asked } = withManagedIdentity();
    const service = (blobs as unknown as { service: { getUserDelegationKey: (...args: Date[]) => Promise<UserDelegationKey> } }).service;
    const working = service.getUserDelegationKey;
    service.getUserDelegationKey = async () => {
      throw new Error('Entra is away');
    };
    await expect(blobs.readUrl('t/s/tr/x', soon(15))).rejects.toThrow('Entra is away');
    service.getUserDelegationKey = working;
    await blobs.readUrl('t/s/tr/x', soon(15));
    expect(asked).toHaveLength(1);
  });

  it('asks for a new key when a link would outlive the one it has', async () => {
    const { blobs, asked } = withManagedIdentity();
    await blobs.readUrl('t/s/tr/x', soon(15));
    expect(asked).toHaveLength(1);
    await blobs.uploadUrl('t/s/tr/y', soon(60 * 24));
    expect(asked).toHaveLength(2);
    expect(asked[1].expiresOn.getTime()).toBeGreaterThanOrEqual(soon(60 * 24).getTime() - 1000);
  });
});
