import { odata, type TableClient } from '@azure/data-tables';
import type { Clip } from '../../domain/recordings/clips';
import { isStatus } from '../storageErrors';
import { parseWithDates } from '../storageKeys';

const DATE_FIELDS = new Set(['requestedAt', 'readyAt']);

interface ClipEntity {
  partitionKey: string;
  rowKey: string;
  state: string;
  data: string;
}

const toClip = (entity: ClipEntity): Clip => parseWithDates<Clip>(entity.data, DATE_FIELDS);

/** Clips of fragments: one partition per recording, one row per fragment; `state` is a column so waiting clips can be found. */
export class ClipRepository {
  constructor(private readonly table: TableClient) {}

  /** Adds the clip, or starts a failed one over; a clip that is waiting or ready is left as it is. */
  async request(clip: Clip): Promise<void> {
    try {
      await this.table.createEntity(this.entityOf(clip));
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
      const existing = await this.get(clip.recordingId, clip.fragmentId);
      if (existing?.state === 'failed') await this.put(clip);
    }
  }

  async get(recordingId: string, fragmentId: string): Promise<Clip | undefined> {
    try {
      return toClip(await this.table.getEntity<ClipEntity>(recordingId, fragmentId));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async listForRecording(recordingId: string): Promise<Clip[]> {
    return this.query(odata`PartitionKey eq ${recordingId}`);
  }

  /** Every clip still to be cut, across schools: the cutting job's round. */
  async listPending(): Promise<Clip[]> {
    return this.query(odata`state eq 'pending'`);
  }

  /** Every clip of every school: the sweep of unreferenced blobs needs to know which blobs are clips. */
  async listAll(): Promise<Clip[]> {
    const found: Clip[] = [];
    for await (const entity of this.table.listEntities<ClipEntity>()) found.push(toClip(entity));
    return found;
  }

  async put(clip: Clip): Promise<void> {
    await this.table.upsertEntity(this.entityOf(clip), 'Replace');
  }

  async remove(clip: Clip): Promise<void> {
    await this.table.deleteEntity(clip.recordingId, clip.fragmentId).catch((error: unknown) => {
      if (!isStatus(error, 404)) throw error;
    });
  }

  private entityOf(clip: Clip): ClipEntity {
    return { partitionKey: clip.recordingId, rowKey: clip.fragmentId, state: clip.state, data: JSON.stringify(clip) };
  }

  private async query(filter: string): Promise<Clip[]> {
    const found: Clip[] = [];
    for await (const entity of this.table.listEntities<ClipEntity>({ queryOptions: { filter } })) found.push(toClip(entity));
    return found;
  }
}
