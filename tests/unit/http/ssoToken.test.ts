import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { createSsoVerifier, type SsoOptions } from '../../../src/http/ssoToken';

// Fixtures: a fixed clock far in the past, so passing tests also prove that options.now is used.
const now = new Date('2025-03-10T12:00:00Z');
const nowSeconds = Math.floor(now.getTime() / 1000);
const clientId = '11111111-2222-3333-4444-555555555555';
const applicationIdUri = `api://svib.example.nl/${clientId}`;
const tenantId = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const otherTenantId = 'ffffffff-0000-1111-2222-333333333333';
const userId = '99999999-8888-7777-6666-555555555555';
const kid = 'test-key-1';

let server: Server;
let baseUrl: string;
let closedPortUrl: string;
let signingKey: CryptoKey;
/** The signing key's material, to sign with it under another algorithm (a CryptoKey is bound to one). */
let signingJwk: JWK;
let foreignKey: CryptoKey;
let jwksRequests = 0;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  signingKey = pair.privateKey;
  signingJwk = await exportJWK(pair.privateKey);
  foreignKey = (await generateKeyPair('RS256')).privateKey;
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, use: 'sig' };
  const jwks = JSON.stringify({ keys: [{ ...publicJwk, alg: 'RS256' }] });
  // Microsoft's published keys carry no alg, so nothing in the key set itself limits the algorithm.
  const jwksWithoutAlg = JSON.stringify({ keys: [publicJwk] });

  server = createServer((req, res) => {
    if (req.url === '/keys') {
      jwksRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(jwks);
    } else if (req.url === '/keys-without-alg') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(jwksWithoutAlg);
    } else {
      res.writeHead(500);
      res.end('boom');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // A port that was just free and is closed again: connecting to it is refused.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPortUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/keys`;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function verifier(overrides: Partial<SsoOptions> = {}) {
  return createSsoVerifier({ clientId, applicationIdUri, jwksUrl: `${baseUrl}/keys`, now: () => now, ...overrides });
}

interface TokenOptions {
  claims?: JWTPayload;
  omit?: string[];
  key?: CryptoKey | Uint8Array;
  header?: { alg: string; kid?: string };
}

/** A token as Entra issues it for our app (v2 format), with one thing changed per test. */
async function token({ claims = {}, omit = [], key = signingKey, header = { alg: 'RS256', kid } }: TokenOptions = {}) {
  const payload: JWTPayload = {
    aud: clientId,
    iss: `https://login.microsoftonline.com/${tenantId}/v2.0`,
    iat: nowSeconds - 300,
    nbf: nowSeconds - 300,
    exp: nowSeconds + 3600,
    tid: tenantId,
    oid: userId,
    name: 'Juf Anna',
    ver: '2.0',
    scp: 'access_as_user',
    ...claims,
  };
  for (const claim of omit) delete payload[claim];
  return `Bearer ${await new SignJWT(payload).setProtectedHeader(header).sign(key)}`;
}

describe('createSsoVerifier', () => {
  it('accepts a valid v2 token and returns the identity', async () => {
    await expect(verifier()(await token())).resolves.toEqual({
      ok: true,
      identity: { tenantId, userId, name: 'Juf Anna' },
    });
  });

  it('accepts the v1 issuer of the same tenant', async () => {
    const header = await token({ claims: { iss: `https://sts.windows.net/${tenantId}/`, ver: '1.0' } });
    await expect(verifier()(header)).resolves.toMatchObject({ ok: true, identity: { tenantId, userId } });
  });

  it('accepts the app id URI as audience', async () => {
    await expect(verifier()(await token({ claims: { aud: applicationIdUri } }))).resolves.toMatchObject({ ok: true });
  });

  it('refuses the app id URI as audience when none is configured', async () => {
    const header = await token({ claims: { aud: applicationIdUri } });
    await expect(verifier({ applicationIdUri: undefined })(header)).resolves.toEqual({ ok: false, reason: 'wrong-audience' });
  });

  it('accepts a lower-case scheme and leaves out a missing name', async () => {
    const header = (await token({ omit: ['name'] })).replace('Bearer', 'bearer');
    await expect(verifier()(header)).resolves.toEqual({ ok: true, identity: { tenantId, userId } });
  });

  it('refuses a token for another app', async () => {
    const header = await token({ claims: { aud: '00000003-0000-0000-c000-000000000000' } });
    await expect(verifier()(header)).resolves.toEqual({ ok: false, reason: 'wrong-audience' });
  });

  it.each([
    ['another tenant (v2)', `https://login.microsoftonline.com/${otherTenantId}/v2.0`],
    ['another tenant (v1)', `https://sts.windows.net/${otherTenantId}/`],
    ['the common endpoint', 'https://login.microsoftonline.com/common/v2.0'],
    ['a look-alike host', `https://login.microsoftonline.com.evil.example/${tenantId}/v2.0`],
  ])('refuses an issuer of %s', async (_label, iss) => {
    await expect(verifier()(await token({ claims: { iss } }))).resolves.toEqual({ ok: false, reason: 'wrong-issuer' });
  });

  it('accepts only the allowed tenants when a list is given, ignoring case', async () => {
    const header = await token();
    await expect(verifier({ allowedTenantIds: [otherTenantId] })(header)).resolves.toEqual({ ok: false, reason: 'wrong-tenant' });
    await expect(verifier({ allowedTenantIds: [otherTenantId, tenantId.toUpperCase()] })(header)).resolves.toMatchObject({
      ok: true,
    });
  });

  it.each([
    ['an app-only token (roles, no scp)', { omit: ['scp'], claims: { roles: ['Recordings.Read.All'] } }],
    ['an app-only token marked idtyp=app, even with our scope', { claims: { idtyp: 'app' } }],
    ['a token without scp', { omit: ['scp'] }],
    ['a token for another scope', { claims: { scp: 'User.Read openid' } }],
    ['a scope that only contains ours as part of a word', { claims: { scp: 'access_as_user_admin' } }],
    ['scp that is no string', { claims: { scp: ['access_as_user'] } }],
  ])('refuses %s: only a delegated user token with our scope names a person', async (_label, options: TokenOptions) => {
    await expect(verifier()(await token(options))).resolves.toEqual({ ok: false, reason: 'not-a-user-token' });
  });

  it('accepts our scope among others, and idtyp=user', async () => {
    await expect(verifier()(await token({ claims: { scp: 'openid access_as_user profile', idtyp: 'user' } }))).resolves.toMatchObject({ ok: true });
  });

  it('refuses an expired token, judged by options.now with 60 s tolerance', async () => {
    const header = await token();
    const at = (secondsAfterExpiry: number) => () => new Date((nowSeconds + 3600 + secondsAfterExpiry) * 1000);
    await expect(verifier({ now: at(30) })(header)).resolves.toMatchObject({ ok: true });
    await expect(verifier({ now: at(90) })(header)).resolves.toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token that is not yet valid, with 60 s tolerance', async () => {
    await expect(verifier()(await token({ claims: { nbf: nowSeconds + 30 } }))).resolves.toMatchObject({ ok: true });
    await expect(verifier()(await token({ claims: { nbf: nowSeconds + 300 } }))).resolves.toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token without exp', async () => {
    await expect(verifier()(await token({ omit: ['exp'] }))).resolves.toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token signed with a key that is not in the key set', async () => {
    const v = verifier();
    await expect(v(await token({ key: foreignKey, header: { alg: 'RS256', kid: 'unknown-kid' } }))).resolves.toEqual({
      ok: false,
      reason: 'invalid',
    });
    // Same kid as the real key, different key: the signature itself does not match.
    await expect(v(await token({ key: foreignKey }))).resolves.toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an HS256 token', async () => {
    const header = await token({ key: new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!'), header: { alg: 'HS256', kid } });
    await expect(verifier()(header)).resolves.toEqual({ ok: false, reason: 'invalid' });
  });

  it.each([['RS384'], ['PS256']])('refuses %s even when signed with the right key and the key names no alg', async (alg) => {
    const v = verifier({ jwksUrl: `${baseUrl}/keys-without-alg` });
    await expect(v(await token())).resolves.toMatchObject({ ok: true });
    const sameKey = (await importJWK(signingJwk, alg)) as CryptoKey;
    await expect(v(await token({ key: sameKey, header: { alg, kid } }))).resolves.toEqual({ ok: false, reason: 'invalid' });
  });

  it.each([[undefined], [''], ['   ']])('reports a missing header (%p)', async (header) => {
    await expect(verifier()(header)).resolves.toEqual({ ok: false, reason: 'missing' });
  });

  it('refuses another scheme or a Bearer header without a token', async () => {
    const jwt = (await token()).slice('Bearer '.length);
    await expect(verifier()(`Basic ${jwt}`)).resolves.toEqual({ ok: false, reason: 'malformed' });
    await expect(verifier()(jwt)).resolves.toEqual({ ok: false, reason: 'malformed' });
    await expect(verifier()('Bearer')).resolves.toEqual({ ok: false, reason: 'malformed' });
    await expect(verifier()(`Bearer${jwt}`)).resolves.toEqual({ ok: false, reason: 'malformed' });
    await expect(verifier()(`NotBearer ${jwt}`)).resolves.toEqual({ ok: false, reason: 'malformed' });
    await expect(verifier()(`Bearer ${jwt} extra`)).resolves.toEqual({ ok: false, reason: 'malformed' });
  });

  it.each([['not-a-jwt'], ['a.b.c'], ['a.b.c.d.e']])('reports garbage %p as malformed', async (garbage) => {
    await expect(verifier()(`Bearer ${garbage}`)).resolves.toEqual({ ok: false, reason: 'malformed' });
  });

  it('reports a readable header with a garbage body as invalid: the signature is checked before the payload is read', async () => {
    await expect(verifier()('Bearer eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln')).resolves.toEqual({ ok: false, reason: 'invalid' });
  });

  it.each([
    ['oid missing', { omit: ['oid'] }],
    ['tid missing', { omit: ['tid'] }],
    ['oid not a GUID', { claims: { oid: 'teacher-1' } }],
    ['tid not a GUID', { claims: { tid: 'common', iss: 'https://login.microsoftonline.com/common/v2.0' } }],
  ])('refuses a token with %s', async (_label, options: TokenOptions) => {
    await expect(verifier()(await token(options))).resolves.toEqual({ ok: false, reason: 'invalid' });
  });

  it('fetches the key set once per verifier', async () => {
    const v = verifier();
    const before = jwksRequests;
    await expect(v(await token())).resolves.toMatchObject({ ok: true });
    await expect(v(await token())).resolves.toMatchObject({ ok: true });
    expect(jwksRequests - before).toBe(1);
  });

  it('reports unavailable when the key set cannot be fetched', async () => {
    const header = await token();
    await expect(verifier({ jwksUrl: closedPortUrl })(header)).resolves.toEqual({ ok: false, reason: 'unavailable' });
    await expect(verifier({ jwksUrl: `${baseUrl}/broken` })(header)).resolves.toEqual({ ok: false, reason: 'unavailable' });
  });
});
