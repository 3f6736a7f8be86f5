/**
 * Sandbox bearer tokens: opaque to clients (as Graph's are to an app), naming one person, the delegated scopes
 * granted to the app (`scp`, as Entra ID's access tokens do) and, for a token the person's own organisation issued,
 * that tenant (`ten: "home"`, where Entra ID has `tid`), signed with the HMAC secret kept in the state, so a restart
 * keeps every issued token valid and neither the person, the scopes nor the tenant can be changed by editing the
 * token. They never expire: the sandbox models who is signed in and what they consented to, not token lifetimes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SandboxPerson, SandboxTenant } from '../contract';

const PREFIX = 'sbx1';

export interface TokenClaims {
  readonly personId: string;
  /** The scopes the token was issued with; null for a token issued without a list (it has the sign-in scopes). */
  readonly scopes: readonly string[] | null;
  /** Which tenant issued it; tokens without `ten` (all of them before it existed) are the ministry's. */
  readonly tenant: SandboxTenant;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', Buffer.from(secret, 'base64')).update(payload).digest('base64url');
}

export function issueToken(
  secret: string,
  person: SandboxPerson,
  scopes?: readonly string[],
  tenant: SandboxTenant = 'ministry',
): string {
  const claims = {
    sub: person.id,
    ...(scopes === undefined ? {} : { scp: [...scopes] }),
    // Only a home token says so, which keeps every ministry token byte for byte what it was.
    ...(tenant === 'home' ? { ten: 'home' } : {}),
  };
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${PREFIX}.${payload}.${sign(secret, payload)}`;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** The person, scopes and tenant a token names, or null when it is not a token this sandbox signed. */
export function verifyToken(secret: string, token: string): TokenClaims | null {
  const [prefix, payload, signature, ...rest] = token.split('.');
  if (prefix !== PREFIX || payload === undefined || signature === undefined || rest.length > 0) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null || !('sub' in claims) || typeof claims.sub !== 'string') return null;
    const ten: unknown = 'ten' in claims ? claims.ten : undefined;
    if (ten !== undefined && ten !== 'home') return null;
    const tenant: SandboxTenant = ten === 'home' ? 'home' : 'ministry';
    if (!('scp' in claims)) return { personId: claims.sub, scopes: null, tenant };
    return isStringArray(claims.scp) ? { personId: claims.sub, scopes: claims.scp, tenant } : null;
  } catch {
    // A payload that verifies but does not parse cannot come from issueToken; treat it as any bad token.
  }
  return null;
}
