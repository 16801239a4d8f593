import type { ClipCutter } from '../features/recordings/ClipCutter';
import type { Logger } from '../logging/logger';
import type { JobLease } from '../storage/leases/JobLease';

/**
 * Runs clip-cutting rounds: right after a teacher shares fragments (a kick) and every minute
 * (after a restart, or when another instance held the lease). Rounds in this process run one
 * after another; across instances the blob lease lets one cut at a time.
 */
export class ClipJob {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly cutter: ClipCutter,
    private readonly lease: JobLease,
    private readonly logger: Logger,
  ) {}

  /**
   * Queues a round after the one that is running; never throws. With a recording, its colleagues
   * are told afterwards even when its clips were ready before (a new grant of cut fragments).
   */
  kick(recording?: { tenantId: string; schoolId: string; recordingId: string }): Promise<void> {
    this.chain = this.chain.then(() => this.round(recording));
    return this.chain;
  }

  /** Settles when every round queued so far is done (tests wait on this rather than on time). */
  idle(): Promise<void> {
    return this.chain;
  }

  private async round(recording?: { tenantId: string; schoolId: string; recordingId: string }): Promise<void> {
    try {
      await this.lease.runExclusively('recording-clips', 60, async () => {
        const ready = await this.cutter.cutPending();
        if (ready > 0) this.logger.info({ job: 'recording-clips', ready }, 'clips cut');
      });
      // Outside the lease: telling is claimed once per grant, and clips still being cut elsewhere
      // are announced by the instance that cuts them.
      if (recording) await this.cutter.announceFor(recording.tenantId, recording.schoolId, recording.recordingId);
    } catch (error) {
      this.logger.error({ err: { message: (error as Error).message }, job: 'recording-clips' }, 'job round failed');
    }
  }
}
