/**
 * How long an upload may take. The write link lives just long enough for the school's largest
 * allowed recording at a modest school uplink, not more: a leaked link is then soon worthless.
 *
 * Assumed speed: 10 Mbit/s (1.25 MB/s) sustained upload, a modest school or home uplink; a
 * 4 GiB recording then needs about 57 minutes. Ten minutes are added for choosing the file,
 * retries and a reload; never less than fifteen minutes in all.
 */
export const ASSUMED_UPLOAD_BYTES_PER_SECOND = 1_250_000;
const MARGIN_MINUTES = 10;
const MINIMUM_MINUTES = 15;
/** After the upload, registering it (checks and the server-side copy) may take this long. */
export const REGISTER_GRACE_MINUTES = 30;

export function uploadLinkMinutes(maxBytes: number): number {
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) throw new RangeError(`maxBytes must be a positive number (got ${maxBytes})`);
  return Math.max(MINIMUM_MINUTES, Math.ceil(maxBytes / ASSUMED_UPLOAD_BYTES_PER_SECOND / 60) + MARGIN_MINUTES);
}

/** How long an upload can still be registered: the upload window and the registration's grace. */
export function registerWindowMinutes(maxBytes: number): number {
  return uploadLinkMinutes(maxBytes) + REGISTER_GRACE_MINUTES;
}

/** A staging blob older than the registration window can no longer be registered: the sweep deletes it. */
export function isAbandonedUpload(createdAt: Date, maxBytes: number, now: Date): boolean {
  return now.getTime() - createdAt.getTime() > registerWindowMinutes(maxBytes) * 60_000;
}
