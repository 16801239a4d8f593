import type { Storage, StoreItems } from 'botbuilder';
import type { ContainerClient } from '@azure/storage-blob';

function blobNameOf(key: string): string {
  return encodeURIComponent(key);
}

function hasStatus(error: unknown, status: number): boolean {
  return typeof error === 'object' && error !== null && (error as { statusCode?: number }).statusCode === status;
}

async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '{}';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Bot Framework turn state kept as one JSON blob per key, so a restart mid-conversation loses
 * nothing. A stored item's eTag makes the next write conditional, as in botbuilder's own stores.
 */
export class BlobTurnStateStorage implements Storage {
  constructor(private readonly container: ContainerClient) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        try {
          // One download gives content and ETag together, so they always belong to each other.
          const download = await this.container.getBlockBlobClient(blobNameOf(key)).download();
          const content = await readAll(download.readableStreamBody);
          items[key] = { ...JSON.parse(content), eTag: download.etag };
        } catch (error) {
          if (!hasStatus(error, 404)) throw error;
        }
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...value } = (item ?? {}) as { eTag?: string; [name: string]: unknown };
        const body = JSON.stringify(value);
        const conditions = eTag && eTag !== '*' ? { ifMatch: eTag } : undefined;
        await this.container.getBlockBlobClient(blobNameOf(key)).upload(body, Buffer.byteLength(body), {
          conditions,
          blobHTTPHeaders: { blobContentType: 'application/json' },
        });
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.container.getBlockBlobClient(blobNameOf(key)).deleteIfExists()));
  }
}
