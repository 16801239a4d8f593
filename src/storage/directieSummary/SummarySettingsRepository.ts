import type { TableClient } from '@azure/data-tables';
import type { SummarySchedule } from '../../domain/directieSummary/schedule';
import { isStatus } from '../storageErrors';
import { schoolPartition } from '../storageKeys';

/** A school's directie summary settings: where it goes, when, and whether it is on. */
export interface SummarySettings {
  tenantId: string;
  schoolId: string;
  /** Serialized conversation reference of the directie channel; absent until a beheerder chose one. */
  channelReference?: string;
  /** The channel's conversation id, to recognise "this channel" and to report a block once per channel. */
  channelId?: string;
  enabled: boolean;
  schedule: SummarySchedule;
  /** Periods due before this moment are never posted (they predate the choice of channel). */
  activeSince: Date;
  startingTeachers?: number;
  /** Who chose the channel last: told when posting is blocked. */
  beheerderId?: string;
}

interface SettingsEntity {
  partitionKey: string;
  rowKey: string;
  tenantId: string;
  schoolId: string;
  channelReference: string;
  channelId: string;
  enabled: boolean;
  schedule: string;
  activeSince: Date;
  startingTeachers: number;
  beheerderId: string;
}

const ROW = 'settings';
export const defaultSchedule: SummarySchedule = { kind: 'monthly', day: 1, time: '08:00' };

function toSettings(entity: SettingsEntity): SummarySettings {
  return {
    tenantId: entity.tenantId,
    schoolId: entity.schoolId,
    channelReference: entity.channelReference || undefined,
    channelId: entity.channelId || undefined,
    enabled: entity.enabled,
    schedule: JSON.parse(entity.schedule) as SummarySchedule,
    activeSince: new Date(entity.activeSince),
    startingTeachers: entity.startingTeachers >= 0 ? entity.startingTeachers : undefined,
    beheerderId: entity.beheerderId || undefined,
  };
}

/** One row per school, in the school's partition; the job's round reads all enabled rows. */
export class SummarySettingsRepository {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string, schoolId: string): Promise<SummarySettings | undefined> {
    try {
      return toSettings(await this.table.getEntity<SettingsEntity>(schoolPartition(tenantId, schoolId), ROW));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** Last writer wins: a beheerder's save carries the whole new state. */
  async save(settings: SummarySettings): Promise<void> {
    await this.table.upsertEntity<SettingsEntity>(
      {
        partitionKey: schoolPartition(settings.tenantId, settings.schoolId),
        rowKey: ROW,
        tenantId: settings.tenantId,
        schoolId: settings.schoolId,
        channelReference: settings.channelReference ?? '',
        channelId: settings.channelId ?? '',
        enabled: settings.enabled,
        schedule: JSON.stringify(settings.schedule),
        activeSince: settings.activeSince,
        startingTeachers: settings.startingTeachers ?? -1,
        beheerderId: settings.beheerderId ?? '',
      },
      'Replace',
    );
  }

  async listEnabled(): Promise<SummarySettings[]> {
    const found: SummarySettings[] = [];
    for await (const entity of this.table.listEntities<SettingsEntity>({ queryOptions: { filter: `RowKey eq '${ROW}' and enabled eq true` } })) {
      found.push(toSettings(entity));
    }
    return found;
  }
}
