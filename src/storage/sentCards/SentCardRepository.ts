import { createHash } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import { deleteEntitiesWhere } from '../deleteEntities';
import { isStatus } from '../storageErrors';

/** A card the bot sent to someone, remembered so it can be updated in place later. */
export interface SentCard {
  /** What the card is about, e.g. a trajectory id. */
  subject: string;
  /** Which card of the subject, e.g. "newRequest". */
  purpose: string;
  userId: string;
  conversationReference: string;
  /** Empty while the card waits on the delivery queue. */
  activityId: string;
}

interface SentCardEntity {
  partitionKey: string;
  rowKey: string;
  purpose: string;
  userId: string;
  conversationReference: string;
  activityId: string;
}

function partitionOf(subject: string): string {
  return createHash('sha256').update(subject).digest('hex');
}

export class SentCardRepository {
  constructor(private readonly table: TableClient) {}

  async put(card: SentCard): Promise<void> {
    await this.table.upsertEntity<SentCardEntity>(
      {
        partitionKey: partitionOf(card.subject),
        rowKey: `${card.purpose}_${card.userId}`,
        purpose: card.purpose,
        userId: card.userId,
        conversationReference: card.conversationReference,
        activityId: card.activityId,
      },
      'Replace',
    );
  }

  async get(subject: string, purpose: string, userId: string): Promise<SentCard | undefined> {
    try {
      const entity = await this.table.getEntity<SentCardEntity>(partitionOf(subject), `${purpose}_${userId}`);
      return { subject, purpose: entity.purpose, userId: entity.userId, conversationReference: entity.conversationReference, activityId: entity.activityId };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async list(subject: string, purpose: string): Promise<SentCard[]> {
    const cards: SentCard[] = [];
    const filter = odata`PartitionKey eq ${partitionOf(subject)} and purpose eq ${purpose}`;
    for await (const entity of this.table.listEntities<SentCardEntity>({ queryOptions: { filter } })) {
      cards.push({ subject, purpose: entity.purpose, userId: entity.userId, conversationReference: entity.conversationReference, activityId: entity.activityId });
    }
    return cards;
  }

  /** Forgets cards not sent or updated since `cutoff` (by the table's own timestamp); returns how many. */
  async deleteNotWrittenSince(cutoff: Date): Promise<number> {
    return deleteEntitiesWhere(this.table, odata`Timestamp lt ${cutoff}`);
  }
}
