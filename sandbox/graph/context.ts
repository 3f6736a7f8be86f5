/** The request a Graph handler sees, the same whether it came over HTTP or inside a $batch. */
import type { SandboxPerson, SandboxTenant } from '../contract';
import { badRequest } from '../http/errors';
import type { JsonObject } from '../state/model';
import type { StateStore } from '../state/store';

export interface GraphRequest {
  readonly method: string;
  /** After `/v1.0`, still percent-encoded, e.g. `/me/drive/special/approot:/Samrad/a%20b.json:/content`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface GraphContext {
  readonly request: GraphRequest;
  readonly caller: SandboxPerson;
  /** The delegated scopes the caller's token may use now (auth/scopes.ts). */
  readonly scopes: ReadonlySet<string>;
  /** Which tenant signed the caller in (auth/access.ts): a guest's or an external user's reach depends on it. */
  readonly tenant: SandboxTenant;
  readonly store: StateStore;
  /** e.g. http://127.0.0.1:41234/v1.0 — for @odata.nextLink and @odata.context. */
  readonly graphBaseUrl: string;
  readonly now: () => number;
}

/** Whose mailbox a request is on: a person's, or a shared mailbox no one signs in to. */
export type MailboxOwner = Pick<SandboxPerson, 'id' | 'displayName' | 'mail'>;

/**
 * A request on a mailbox or drive: `/me/...` or `/users/{id|mail}/...`, already checked to be the caller's own, or
 * (reading mail only) a shared mailbox the caller may read.
 */
export interface MailboxContext extends GraphContext {
  readonly owner: MailboxOwner;
}

/**
 * The owner as the person signed in, for the routes that only ever serve the caller's own mailbox (the router
 * serves a shared mailbox for reading mail only): calendars, drives and meetings belong to a person.
 */
export function ownPerson(ctx: MailboxContext): SandboxPerson {
  // The router refuses these routes on anyone else's mailbox; reaching here otherwise is a defect in the sandbox.
  if (ctx.owner.id !== ctx.caller.id) throw new Error(`A route for one's own mailbox was served on ${ctx.owner.id}.`);
  return ctx.caller;
}

const NOT_JSON =
  'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.';

/** The body as a JSON object, or Graph's 400 for anything else. */
export function readJsonObject(request: GraphRequest): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(request.body.toString('utf8'));
  } catch {
    throw badRequest(NOT_JSON);
  }
  if (!isJsonObject(value)) throw badRequest(NOT_JSON);
  return value;
}

/** Empty bodies are allowed where Graph allows them (accept/decline may have no body). */
export function readOptionalJsonObject(request: GraphRequest): JsonObject {
  return request.body.length === 0 ? {} : readJsonObject(request);
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isoNow(ctx: GraphContext): string {
  return new Date(ctx.now()).toISOString();
}
