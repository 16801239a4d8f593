import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, short-lived links: `base64url(JSON claims) + '.' + base64url(HMAC-SHA256)`.
 * The claims are readable by whoever holds the link (they carry ids, no names), but cannot be
 * changed without the secret; the server checks the rest (is this user still a party?) itself.
 */
export interface LinkClaims {
  /** What the link is for, e.g. 'calendar'; a token for one purpose opens nothing else. */
  purpose: string;
  /** What it opens, e.g. an appointment. */
  subjectId: string;
  /** For whom; the server checks again that this user may see the subject. */
  userId: string;
  expiresAt: Date;
}

export type LinkFailure = 'malformed' | 'bad-signature' | 'expired' | 'wrong-purpose';
export type LinkVerification = { ok: true; claims: LinkClaims } | { ok: false; reason: LinkFailure };

interface Payload {
  p: string;
  s: string;
  u: string;
  /** Expiry in epoch milliseconds. */
  e: number;
}

const base64url = /^[A-Za-z0-9_-]+$/;
const SIGNATURE_BYTES = 32;

function signature(secret: string, payload: string): Buffer {
  if (!secret) throw new Error('A link signing secret is required');
  return createHmac('sha256', secret).update(payload, 'utf8').digest();
}

export function signLink(secret: string, claims: LinkClaims): string {
  const expiresAt = claims.expiresAt.getTime();
  if (!Number.isFinite(expiresAt)) throw new Error('expiresAt must be a valid date');
  const body: Payload = { p: claims.purpose, s: claims.subjectId, u: claims.userId, e: expiresAt };
  const payload = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
  return `${payload}.${signature(secret, payload).toString('base64url')}`;
}

function parsePayload(payload: string): Payload | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { p, s, u, e } = value as Record<string, unknown>;
    if (typeof p !== 'string' || typeof s !== 'string' || typeof u !== 'string' || typeof e !== 'number' || !Number.isFinite(e)) return undefined;
    return { p, s, u, e };
  } catch {
    return undefined;
  }
}

/** Checks signature first, then purpose, then expiry (a link expires at `expiresAt` itself). */
export function verifyLink(secret: string, token: string, purpose: string, now: Date): LinkVerification {
  const parts = token.split('.');
  if (parts.length !== 2) return { ok: false, reason: 'malformed' };
  const [payload, signed] = parts as [string, string];
  if (!base64url.test(payload) || !base64url.test(signed)) return { ok: false, reason: 'malformed' };

  const expected = signature(secret, payload);
  const given = Buffer.from(signed, 'base64url');
  // Compare the re-encoded form too, so a second spelling of the same bytes is refused.
  if (given.length !== SIGNATURE_BYTES || given.toString('base64url') !== signed || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad-signature' };
  }

  const body = parsePayload(payload);
  if (!body) return { ok: false, reason: 'malformed' };
  if (body.p !== purpose) return { ok: false, reason: 'wrong-purpose' };
  if (now.getTime() >= body.e) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { purpose: body.p, subjectId: body.s, userId: body.u, expiresAt: new Date(body.e) } };
}
