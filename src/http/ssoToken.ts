import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';

/**
 * Server-side check of the Teams SSO token (`microsoftTeams.authentication.getAuthToken()`):
 * an Entra ID access token issued to our own app registration. Pages send it as
 * `Authorization: Bearer <token>`; only a token that passes here identifies a user.
 */
export interface SsoOptions {
  /** The Entra app (client) id of the SSO app registration. */
  clientId: string;
  /** The app id URI, e.g. api://svib.example.nl/<clientId>; tokens may name it or the client id as audience. */
  applicationIdUri?: string;
  /** Where the signing keys are; default https://login.microsoftonline.com/common/discovery/v2.0/keys. Tests point it at a local server. */
  jwksUrl?: string;
  /** Only these tenants are accepted when given (multi-school deployments may list several); otherwise any tenant. */
  allowedTenantIds?: readonly string[];
  now?: () => Date;
}

export interface SsoIdentity {
  tenantId: string;
  /** The oid claim: the Entra object id, stable across apps (unlike `sub`, which is per app). */
  userId: string;
  name?: string;
}

export type SsoFailure =
  | 'missing'
  | 'malformed'
  | 'invalid'
  | 'expired'
  | 'wrong-audience'
  | 'wrong-issuer'
  | 'wrong-tenant'
  | 'not-a-user-token'
  | 'unavailable';
export type SsoVerification = { ok: true; identity: SsoIdentity } | { ok: false; reason: SsoFailure };

const DEFAULT_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

const fail = (reason: SsoFailure): SsoVerification => ({ ok: false, reason });

/** The delegated scope our app exposes (infra/aad.manifest.json) and Teams asks for. */
export const SSO_SCOPE = 'access_as_user';

/**
 * A user's delegated token carries our scope in `scp`. An app-only token (client credentials)
 * carries `roles` instead, and Entra marks it `idtyp=app`: it speaks for no person, so its `oid`
 * is a service principal and must never be taken for a teacher.
 */
function isDelegatedUserToken(payload: JWTPayload): boolean {
  if (payload.idtyp !== undefined && payload.idtyp !== 'user') return false;
  if (typeof payload.scp !== 'string') return false;
  return payload.scp.split(' ').includes(SSO_SCOPE);
}

export function createSsoVerifier(options: SsoOptions): (authorizationHeader: string | undefined) => Promise<SsoVerification> {
  // One key set per verifier: jose caches the keys and refetches only for an unknown kid (with a cooldown),
  // so a stream of forged tokens cannot make us hammer Microsoft's endpoint.
  const keys = createRemoteJWKSet(new URL(options.jwksUrl ?? DEFAULT_JWKS_URL));
  const audience = options.applicationIdUri ? [options.clientId, options.applicationIdUri] : [options.clientId];
  // Tenant ids are GUIDs; their case differs between configuration files and tokens.
  const allowedTenants = options.allowedTenantIds?.map((t) => t.toLowerCase());

  return async (authorizationHeader) => {
    if (authorizationHeader === undefined || authorizationHeader.trim() === '') return fail('missing');
    const match = BEARER.exec(authorizationHeader);
    if (!match) return fail('malformed');

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], keys, {
        // Pinning the algorithm rules out alg=none and HMAC tokens "signed" with the public key.
        algorithms: ['RS256'],
        audience,
        clockTolerance: 60,
        currentDate: options.now?.(),
        // jose accepts tokens without exp; an access token that never expires is not one Entra issued.
        requiredClaims: ['exp'],
      }));
    } catch (err) {
      return fail(classify(err));
    }

    const { tid, oid, iss } = payload;
    if (typeof tid !== 'string' || !GUID.test(tid) || typeof oid !== 'string' || !GUID.test(oid)) return fail('invalid');
    // The common key set signs tokens of every tenant, so a valid signature alone says nothing about the
    // tenant: the issuer must be the one belonging to the token's own tid (v2 or v1 token format).
    if (iss !== `https://login.microsoftonline.com/${tid}/v2.0` && iss !== `https://sts.windows.net/${tid}/`) {
      return fail('wrong-issuer');
    }
    if (allowedTenants && !allowedTenants.includes(tid.toLowerCase())) return fail('wrong-tenant');
    if (!isDelegatedUserToken(payload)) return fail('not-a-user-token');

    const identity: SsoIdentity = { tenantId: tid, userId: oid };
    if (typeof payload.name === 'string') identity.name = payload.name;
    return { ok: true, identity };
  };
}

function classify(err: unknown): SsoFailure {
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) return err.claim === 'aud' ? 'wrong-audience' : 'invalid';
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) return 'malformed';
  // Key set problems are ours, not the caller's: a 503 lets the page retry instead of signing the user out.
  // Network errors (ECONNREFUSED, DNS) arrive as plain Errors; a bad HTTP status or body as a generic JOSEError.
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid) return 'unavailable';
  if (!(err instanceof errors.JOSEError) || err.code === errors.JOSEError.code) return 'unavailable';
  // Unknown kid, bad signature, disallowed alg, unusable key: the token is not one we can trust.
  return 'invalid';
}
