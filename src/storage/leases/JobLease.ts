import type { ContainerClient } from '@azure/storage-blob';
import { isStatus } from '../storageErrors';

/**
 * One job round at a time across all instances of the bot: the round runs only while this
 * instance holds the blob lease. A crashed holder's lease simply expires.
 */
export class JobLease {
  constructor(private readonly container: ContainerClient) {}

  /** Runs `round` under the lease; false when another instance holds it right now. */
  async runExclusively(job: string, leaseSeconds: number, round: () => Promise<void>): Promise<boolean> {
    const blob = this.container.getBlockBlobClient(`${job}.lock`);
    try {
      await blob.upload('', 0, { conditions: { ifNoneMatch: '*' } });
    } catch (error) {
      if (!isStatus(error, 409) && !isStatus(error, 412)) throw error;
    }
    const lease = blob.getBlobLeaseClient();
    try {
      await lease.acquireLease(leaseSeconds);
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
    // A long round (cutting video clips) keeps its lease; a crashed process stops renewing it.
    const renewal = setInterval(() => void lease.renewLease().catch(() => undefined), (leaseSeconds * 1000) / 3);
    renewal.unref();
    try {
      await round();
      return true;
    } finally {
      clearInterval(renewal);
      await lease.releaseLease().catch(() => undefined);
    }
  }
}
