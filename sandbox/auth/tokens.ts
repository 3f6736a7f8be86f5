/**
 * Sandbox bearer tokens: opaque to clients (as Graph's are to an app), naming one person and signed with the
 * HMAC secret kept in the state, so a restart keeps every issued token valid and a token cannot be forged by
 * editing the person's id in it. They never expire: the sandbox models who is signed in, not token lifetimes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SandboxPerson } from '../contract';

const PREFIX = 'sbx1';

function sign(secret: string, payload: string): string {
  return createHmac('sha256', Buffer.from(secret, 'base64')).update(payload).digest('base64url');
}

export function issueToken(secret: string, person: SandboxPerson): string {
  const payload = Buffer.from(JSON.stringify({ sub: person.id }), 'utf8').toString('base64url');
  return `${PREFIX}.${payload}.${sign(secret, payload)}`;
}

/** The person id a token names, or null when it is not a token this sandbox signed. */
export function verifyToken(secret: string, token: string): string | null {
  const [prefix, payload, signature, ...rest] = token.split('.');
  if (prefix !== PREFIX || payload === undefined || signature === undefined || rest.length > 0) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims === 'object' && claims !== null && 'sub' in claims && typeof claims.sub === 'string') return claims.sub;
  } catch {
    // A payload that verifies but does not parse cannot come from issueToken; treat it as any bad token.
  }
  return null;
}
