import {
  BlobSASPermissions,
  SASProtocol,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
  type BlobServiceClient,
  type ContainerClient,
  type UserDelegationKey,
} from '@azure/storage-blob';
import { isStatus } from '../storageErrors';

export interface BlobFacts {
  sizeBytes: number;
  contentType: string;
  /** The version checked: a later read or copy names it, so a blob changed in between is refused. */
  etag: string;
}

/** The blob changed between the check and the copy (a client wrote it again through its link). */
export class BlobChangedError extends Error {
  constructor(readonly blobName: string) {
    super('The blob changed while it was being checked');
    this.name = 'BlobChangedError';
  }
}

/**
 * The recording blobs. Nothing here is public: a browser gets a SAS for exactly one blob, with
 * only the permissions of the step it takes (create+write to upload, read to watch), for minutes.
 * With a storage key the SAS is signed with it; with a managed identity, with a user delegation key.
 */
/** How far ahead a user delegation key is asked for (Azure allows up to seven days). */
const DELEGATION_KEY_HOURS = 6;

export class RecordingBlobs {
  private cachedKey?: { startsOn: Date; expiresOn: Date; key: Promise<UserDelegationKey> };

  constructor(
    private readonly service: BlobServiceClient,
    private readonly container: ContainerClient,
    private readonly httpsOnly: boolean,
  ) {}

  async uploadUrl(blobName: string, expiresOn: Date): Promise<string> {
    return this.sasUrl(blobName, BlobSASPermissions.parse('cw'), expiresOn);
  }

  /**
   * A read link that also fixes the response: the checked video type (`rsct`) and a download
   * disposition (`rscd`), so whatever the blob's own headers say, a browser never renders it as
   * a page. A video element plays it all the same.
   */
  async readUrl(blobName: string, expiresOn: Date, response?: { contentType: string; fileName: string }): Promise<string> {
    const headers = response ? { contentType: response.contentType, contentDisposition: `attachment; filename="${response.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"` } : {};
    return this.sasUrl(blobName, BlobSASPermissions.parse('r'), expiresOn, headers);
  }

  /** The first bytes of the checked version of a blob, read with the account's own credential (a content signature check). */
  async head(blobName: string, bytes: number, etag: string): Promise<Uint8Array> {
    try {
      const buffer = await this.container.getBlockBlobClient(blobName).downloadToBuffer(0, bytes, { conditions: { ifMatch: etag } });
      return new Uint8Array(buffer);
    } catch (error) {
      if (isStatus(error, 412)) throw new BlobChangedError(blobName);
      throw error;
    }
  }

  /**
   * Copies a checked upload to its final name inside the account (no client link ever covered
   * that name, so nobody can write it again), sets the checked headers, then empties the upload
   * and locks its name.
   */
  async promote(stagingName: string, finalName: string, headers: { contentType: string; fileName: string }, etag: string): Promise<void> {
    const source = await this.sasUrl(stagingName, BlobSASPermissions.parse('r'), new Date(Date.now() + 60 * 60_000));
    const target = this.container.getBlockBlobClient(finalName);
    let copied;
    try {
      // Only the version that was checked: a write through the upload link in between fails the copy.
      const poller = await target.beginCopyFromURL(source, { intervalInMs: 500, sourceConditions: { ifMatch: etag } });
      copied = await poller.pollUntilDone();
    } catch (error) {
      if (isStatus(error, 412)) throw new BlobChangedError(stagingName);
      throw error;
    }
    if (copied.copyStatus !== 'success') throw new Error(`copy ended as ${copied.copyStatus ?? 'unknown'}`);
    await target.setHTTPHeaders({ blobContentType: headers.contentType, blobContentDisposition: `attachment; filename="${headers.fileName}"` });
    // The upload link still lives for a while and may create its blob anew: an empty blob under an
    // infinite lease takes the staging name instead, so every write through that link fails. The
    // sweep of abandoned uploads removes it once the link has ended.
    const staging = this.container.getBlockBlobClient(stagingName);
    await staging.upload('', 0, { blobHTTPHeaders: { blobContentType: 'application/octet-stream' } });
    await staging.getBlobLeaseClient().acquireLease(-1);
  }

  /** Blobs under a prefix with when they were created: the sweep of abandoned uploads. */
  async *listUnder(prefix: string): AsyncGenerator<{ name: string; createdOn: Date }> {
    for await (const blob of this.container.listBlobsFlat({ prefix })) {
      yield { name: blob.name, createdOn: blob.properties.createdOn ?? blob.properties.lastModified };
    }
  }

  async facts(blobName: string): Promise<BlobFacts | undefined> {
    try {
      const properties = await this.container.getBlockBlobClient(blobName).getProperties();
      return { sizeBytes: properties.contentLength ?? 0, contentType: properties.contentType ?? '', etag: properties.etag ?? '' };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** Stores a file the server made itself (a clip), with the content type browsers need to play it. */
  async putFile(blobName: string, filePath: string, contentType: string): Promise<void> {
    await this.container.getBlockBlobClient(blobName).uploadFile(filePath, { blobHTTPHeaders: { blobContentType: contentType } });
  }

  /**
   * Blocks an interrupted upload left in the blob but did not commit yet (base64 block id and
   * size), read with the account's own credential: the browser's write-only SAS cannot list them.
   * A blob that does not exist (yet) has none.
   */
  async uncommittedBlocks(blobName: string): Promise<{ name: string; size: number }[]> {
    try {
      const list = await this.container.getBlockBlobClient(blobName).getBlockList('uncommitted');
      return (list.uncommittedBlocks ?? []).map((block) => ({ name: block.name, size: block.size }));
    } catch (error) {
      if (isStatus(error, 404)) return [];
      throw error;
    }
  }

  async remove(blobName: string): Promise<void> {
    const blob = this.container.getBlockBlobClient(blobName);
    try {
      await blob.deleteIfExists({ deleteSnapshots: 'include' });
    } catch (error) {
      // A registered upload's staging name is held by a lease (see promote): break it, then delete.
      if (!isStatus(error, 412)) throw error;
      await blob.getBlobLeaseClient().breakLease(0);
      await blob.deleteIfExists({ deleteSnapshots: 'include' });
    }
  }

  /** The origin browsers talk to, for the pages' Content-Security-Policy and the account's CORS. */
  get origin(): string {
    return new URL(this.container.url).origin;
  }

  private async sasUrl(blobName: string, permissions: BlobSASPermissions, expiresOn: Date, response: { contentType?: string; contentDisposition?: string } = {}): Promise<string> {
    const startsOn = new Date(Date.now() - 5 * 60_000);
    const values = {
      ...response,
      containerName: this.container.containerName,
      blobName,
      permissions,
      startsOn,
      expiresOn,
      protocol: this.httpsOnly ? SASProtocol.Https : SASProtocol.HttpsAndHttp,
    };
    const credential = this.service.credential;
    const query =
      credential instanceof StorageSharedKeyCredential
        ? generateBlobSASQueryParameters(values, credential)
        : generateBlobSASQueryParameters(values, await this.delegationKey(startsOn, expiresOn), this.service.accountName);
    return `${this.container.getBlockBlobClient(blobName).url}?${query.toString()}`;
  }

  /**
   * One user delegation key serves many links: a player page with several fragment clips would
   * otherwise ask Azure for a key per link. A key is asked for a few hours ahead and used while
   * it outlives the link being signed.
   */
  private async delegationKey(startsOn: Date, expiresOn: Date): Promise<UserDelegationKey> {
    const cached = this.cachedKey;
    if (cached && cached.startsOn.getTime() <= startsOn.getTime() && cached.expiresOn.getTime() >= expiresOn.getTime()) return cached.key;
    const keyStartsOn = new Date(startsOn.getTime() - 5 * 60_000);
    const keyExpiresOn = new Date(Math.max(expiresOn.getTime(), Date.now() + DELEGATION_KEY_HOURS * 3_600_000));
    // Links signed at the same moment share the one request.
    const key = this.service.getUserDelegationKey(keyStartsOn, keyExpiresOn);
    this.cachedKey = { startsOn: keyStartsOn, expiresOn: keyExpiresOn, key };
    key.catch(() => {
      if (this.cachedKey?.key === key) this.cachedKey = undefined;
    });
    return key;
  }}
