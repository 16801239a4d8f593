import { odata, type TableClient } from '@azure/data-tables';
import type { Appointment, AppointmentStatus } from '../../domain/scheduling/appointment';
import { isStatus } from '../storageErrors';
import { parseWithDates, schoolPartition } from '../storageKeys';

interface AppointmentEntity {
  partitionKey: string;
  rowKey: string;
  tenantId: string;
  trajectoryId: string;
  svibberId: string;
  teacherId: string;
  status: AppointmentStatus;
  /** Start of the chosen slot, for the reminder job's range query. */
  startsAt?: Date;
  data: string;
  /** Kept outside the aggregate: what the jobs already sent. */
  dayBeforeSentAt?: Date;
  hourBeforeSentAt?: Date;
  donePromptedAt?: Date;
  /** The latest writes' change ids (JSON), so held deliveries can ask whether their change landed. */
  changeIds?: string;
}

export interface StoredAppointment {
  tenantId: string;
  appointment: Appointment;
  etag: string;
  sent: { dayBefore?: Date; hourBefore?: Date; donePrompt?: Date };
  /** The ids of the latest changes written, newest last. */
  changeIds: readonly string[];
}

/** Enough to outlast every change that can happen to one appointment while the sweep waits. */
const CHANGE_IDS_KEPT = 16;

export type JobMark = 'dayBeforeSentAt' | 'hourBeforeSentAt' | 'donePromptedAt';

export class AppointmentChangedError extends Error {
  constructor(readonly appointmentId: string) {
    super(`Appointment ${appointmentId} was changed by someone else`);
    this.name = 'AppointmentChangedError';
  }
}

const DATE_FIELDS = new Set(['start', 'createdAt', 'updatedAt']);

function parse(data: string): Appointment {
  return parseWithDates<Appointment>(data, DATE_FIELDS);
}


function toStored(entity: AppointmentEntity & { etag: string }): StoredAppointment {
  return {
    tenantId: entity.tenantId,
    appointment: parse(entity.data),
    etag: entity.etag,
    changeIds: parseChangeIds(entity.changeIds),
    sent: {
      dayBefore: entity.dayBeforeSentAt ? new Date(entity.dayBeforeSentAt) : undefined,
      hourBefore: entity.hourBeforeSentAt ? new Date(entity.hourBeforeSentAt) : undefined,
      donePrompt: entity.donePromptedAt ? new Date(entity.donePromptedAt) : undefined,
    },
  };
}

function parseChangeIds(text: string | undefined): string[] {
  try {
    const parsed: unknown = text ? JSON.parse(text) : [];
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** The change ids after this write: what was there (as read, since every write is conditional) and this one. */
function changeIdsWith(previous: readonly string[], changeId: string | undefined): { changeIds?: string } {
  return changeId ? { changeIds: JSON.stringify([...previous, changeId].slice(-CHANGE_IDS_KEPT)) } : previous.length > 0 ? { changeIds: JSON.stringify(previous) } : {};
}

function toEntity(tenantId: string, appointment: Appointment): Omit<AppointmentEntity, 'dayBeforeSentAt' | 'hourBeforeSentAt' | 'donePromptedAt'> {
  return {
    partitionKey: schoolPartition(tenantId, appointment.schoolId),
    rowKey: appointment.id,
    tenantId,
    trajectoryId: appointment.trajectoryId,
    svibberId: appointment.svibberId,
    teacherId: appointment.teacherId,
    status: appointment.status,
    ...(appointment.chosen ? { startsAt: appointment.chosen.start } : {}),
    data: JSON.stringify(appointment),
  };
}

/** Appointments in one partition per school, like trajectories; every change is conditional on the ETag. */
export class AppointmentRepository {
  constructor(private readonly table: TableClient) {}

  /** False when it exists already. `changeId` names this write for `hasChange`. */
  async create(tenantId: string, appointment: Appointment, changeId?: string): Promise<boolean> {
    try {
      await this.table.createEntity({ ...toEntity(tenantId, appointment), ...changeIdsWith([], changeId) });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  async get(tenantId: string, schoolId: string, appointmentId: string): Promise<StoredAppointment | undefined> {
    try {
      return toStored(await this.table.getEntity<AppointmentEntity>(schoolPartition(tenantId, schoolId), appointmentId));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /**
   * A new time (a move) forgets which reminders were sent for the old one; any other change keeps
   * them, so a reminder is never sent twice for the same time.
   */
  async update(stored: StoredAppointment, next: Appointment, options: { newTime?: boolean; changeId?: string } = {}): Promise<StoredAppointment> {
    const changes = changeIdsWith(stored.changeIds, options.changeId);
    try {
      const response = await this.table.updateEntity({ ...toEntity(stored.tenantId, next), ...changes }, options.newTime ? 'Replace' : 'Merge', { etag: stored.etag });
      return { ...stored, appointment: next, etag: response.etag ?? '', changeIds: parseChangeIds(changes.changeIds) };
    } catch (error) {
      if (isStatus(error, 412)) throw new AppointmentChangedError(next.id);
      throw error;
    }
  }

  /** Every appointment of the school: one partition. */
  async listForSchool(tenantId: string, schoolId: string): Promise<StoredAppointment[]> {
    return this.query(odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)}`);
  }

  async listForTrajectory(tenantId: string, schoolId: string, trajectoryId: string): Promise<StoredAppointment[]> {
    return this.query(odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)} and trajectoryId eq ${trajectoryId}`);
  }

  /** What keeps the SVIB'er busy: proposed and confirmed appointments of the school. */
  async listActiveForSvibber(tenantId: string, schoolId: string, svibberId: string): Promise<StoredAppointment[]> {
    return this.query(
      odata`PartitionKey eq ${schoolPartition(tenantId, schoolId)} and svibberId eq ${svibberId} and (status eq ${'proposed'} or status eq ${'confirmed'})`,
    );
  }

  /** Confirmed appointments starting before `until`, across schools: the reminder job's round. */
  async listConfirmedStartingBefore(until: Date): Promise<StoredAppointment[]> {
    return this.query(odata`status eq ${'confirmed'} and startsAt le ${until}`);
  }

  /** Marks a job's message as sent, conditional on the state read: of racing instances one wins. */
  async claim(stored: StoredAppointment, mark: JobMark, now: Date, changeId?: string): Promise<boolean> {
    try {
      await this.table.updateEntity(
        { partitionKey: schoolPartition(stored.tenantId, stored.appointment.schoolId), rowKey: stored.appointment.id, [mark]: now, ...changeIdsWith(stored.changeIds, changeId) },
        'Merge',
        { etag: stored.etag },
      );
      return true;
    } catch (error) {
      if (isStatus(error, 412) || isStatus(error, 404)) return false;
      throw error;
    }
  }

  /** Whether the write named `changeId` landed (and was not overtaken by more than the kept number of changes). */
  async hasChange(tenantId: string, schoolId: string, appointmentId: string, changeId: string): Promise<boolean> {
    return (await this.get(tenantId, schoolId, appointmentId))?.changeIds.includes(changeId) ?? false;
  }

  private async query(filter: string): Promise<StoredAppointment[]> {
    const found: StoredAppointment[] = [];
    for await (const entity of this.table.listEntities<AppointmentEntity>({ queryOptions: { filter } })) found.push(toStored(entity as AppointmentEntity & { etag: string }));
    return found;
  }
}
