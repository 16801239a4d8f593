import { createHmac } from 'node:crypto';
import { signLink, verifyLink, type LinkClaims } from '../../../src/features/links/signedLinks';

const secret = 'test-secret-that-is-long-enough-0123456789';
const now = new Date('2026-11-20T12:00:00Z');
const claims: LinkClaims = {
  purpose: 'calendar',
  subjectId: 'tenant-1|school-1|afspraak-1',
  userId: '29:1AbC-teams-user',
  expiresAt: new Date('2026-11-21T12:00:00Z'),
};

function flip(text: string, index: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const current = text[index] as string;
  const replacement = alphabet[(alphabet.indexOf(current) + 1) % alphabet.length] as string;
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe('signed links', () => {
  it('round-trips the claims in a URL-safe token', () => {
    const token = signLink(secret, claims);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(verifyLink(secret, token, 'calendar', now)).toEqual({ ok: true, claims });
  });

  it('refuses a token whose payload was changed', () => {
    const [payload, signature] = signLink(secret, claims).split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ p: 'calendar', s: claims.subjectId, u: 'someone-else', e: claims.expiresAt.getTime() })).toString('base64url');
    expect(verifyLink(secret, `${forged}.${signature}`, 'calendar', now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyLink(secret, `${flip(payload, 5)}.${signature}`, 'calendar', now)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a token whose signature was changed or made with another secret', () => {
    const token = signLink(secret, claims);
    const [payload, signature] = token.split('.') as [string, string];
    expect(verifyLink(secret, `${payload}.${flip(signature, 3)}`, 'calendar', now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyLink(secret, `${payload}.${signature.slice(0, -4)}`, 'calendar', now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyLink(secret, `${payload}.${signature}AAAA`, 'calendar', now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyLink('another-secret-that-is-long-enough-012345', token, 'calendar', now)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses an expired token, from the moment it expires', () => {
    const token = signLink(secret, claims);
    expect(verifyLink(secret, token, 'calendar', new Date(claims.expiresAt.getTime() - 1)).ok).toBe(true);
    expect(verifyLink(secret, token, 'calendar', claims.expiresAt)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyLink(secret, token, 'calendar', new Date('2027-01-01T00:00:00Z'))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token made for another purpose', () => {
    const token = signLink(secret, { ...claims, purpose: 'upload' });
    expect(verifyLink(secret, token, 'calendar', now)).toEqual({ ok: false, reason: 'wrong-purpose' });
  });

  it.each(['', '.', 'garbage', 'a.b.c', 'abc.', '.abc', 'ab+c.def/', 'äö.üß', '%2e%2e.abc'])('refuses garbage %j as malformed', (token) => {
    expect(verifyLink(secret, token, 'calendar', now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a well-signed token whose payload is not the expected JSON', () => {
    for (const body of ['not json', '[]', 'null', JSON.stringify({ p: 'calendar', s: 'x', u: 'y', e: 'tomorrow' })]) {
      const payload = Buffer.from(body).toString('base64url');
      const signature = createHmac('sha256', secret).update(payload).digest('base64url');
      expect(verifyLink(secret, `${payload}.${signature}`, 'calendar', now)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('needs a secret', () => {
    expect(() => signLink('', claims)).toThrow();
    expect(() => verifyLink('', signLink(secret, claims), 'calendar', now)).toThrow();
  });
});
