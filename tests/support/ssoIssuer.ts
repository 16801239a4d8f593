import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export const SSO_CLIENT_ID = '5a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';

/**
 * Stands in for Entra ID's signing keys: a local JWKS endpoint and tokens shaped like the ones
 * Teams SSO hands a page (v2, audience = our app). The bot verifies them exactly as in Azure.
 */
export class SsoIssuer {
  private server?: Server;
  private key?: CryptoKey;
  jwksUrl = '';

  async start(): Promise<string> {
    const pair = await generateKeyPair('RS256');
    this.key = pair.privateKey;
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'test-key', use: 'sig' }] });
    this.server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(jwks);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.jwksUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/discovery/v2.0/keys`;
    return this.jwksUrl;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** A token for one person, as Teams would get it; `change` alters a claim or the key for a negative test. */
  async tokenFor(
    person: { aadObjectId: string; name: string },
    tenantId: string,
    change: { audience?: string; key?: CryptoKey; expiresInSeconds?: number; claims?: Record<string, unknown> } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ tid: tenantId, oid: person.aadObjectId, name: person.name, scp: 'access_as_user', ver: '2.0', ...change.claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
      .setIssuer(`https://login.microsoftonline.com/${tenantId}/v2.0`)
      .setAudience(change.audience ?? SSO_CLIENT_ID)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (change.expiresInSeconds ?? 3600))
      .sign(change.key ?? this.key!);
  }
}
