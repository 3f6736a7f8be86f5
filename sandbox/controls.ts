/**
 * The sandbox's own controls under /sandbox (contract.ts): who can sign in, a token for them, their consent to the
 * app's extra scopes, the shared mailboxes, the fault switches, the Live Share container of a meeting
 * (liveShareControl.ts) and reset. They need no token and never meet injected faults, so a test or the workbench
 * can always steer.
 */
import { SANDBOX_CONTROL_PREFIX, type ConsentState, type SandboxPerson, type SharedMailboxInfo } from './contract';
import type { FaultInjector } from './faults';
import { isTenant, signInTenant } from './auth/access';
import { consentsOf, EXTRA_SCOPES, grantableScopes, isExtraScope, SIGN_IN_SCOPES } from './auth/scopes';
import { issueToken } from './auth/tokens';
import { isJsonObject } from './graph/context';
import { GraphError } from './http/errors';
import { isLoopbackOrigin } from './http/io';
import { empty, json, type GraphResponse } from './http/response';
import { forgetLiveShareContainers, handleLiveShareControl, isLiveShareControl } from './liveShareControl';
import { findPerson } from './state/people';
import type { StateStore } from './state/store';

export interface ControlDeps {
  readonly store: StateStore;
  readonly faults: FaultInjector;
  readonly reset: () => Promise<void>;
}

function parseBody(body: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    throw new GraphError(400, 'BadRequest', 'The body must be JSON.');
  }
  if (!isJsonObject(value)) throw new GraphError(400, 'BadRequest', 'The body must be a JSON object.');
  return value;
}

function personNamed(deps: ControlDeps, who: unknown, shape: string): SandboxPerson {
  if (typeof who !== 'string') throw new GraphError(400, 'BadRequest', `Say who: ${shape}.`);
  const person = findPerson(deps.store.current, who);
  if (person === undefined) throw new GraphError(404, 'NotFound', `No sandbox person has the id or mail '${who}'.`);
  return person;
}

/**
 * A token as Entra ID would issue it: whatever scopes are asked for, it carries every scope the person has granted
 * the app (the sign-in ones and the extra ones consented to); asking for an extra scope not consented to is the
 * "consent required" answer that sends MSAL to the interactive prompt. It is issued by the tenant asked for, by
 * default the one Teams signs the person in to (auth/access.ts); one they have no account in refuses them.
 */
function token(deps: ControlDeps, body: Buffer): GraphResponse {
  const request = parseBody(body);
  const person = personNamed(deps, request.person, '{"person": "<id or mail>", "scopes"?: ["…"], "tenant"?: "home"}');
  if (request.tenant !== undefined && !isTenant(request.tenant)) {
    throw new GraphError(400, 'BadRequest', '"tenant" must be "ministry" or "home".');
  }
  const tenant = signInTenant(person, request.tenant);
  const asked = request.scopes ?? [];
  if (!Array.isArray(asked) || !asked.every((s): s is string => typeof s === 'string')) {
    throw new GraphError(400, 'BadRequest', '"scopes" must be an array of scope names, e.g. ["Mail.ReadWrite"].');
  }
  const known = new Set<string>([...SIGN_IN_SCOPES, ...EXTRA_SCOPES]);
  const unknown = asked.filter((scope) => !known.has(scope));
  if (unknown.length > 0) {
    throw new GraphError(
      400,
      'invalid_scope',
      `The app does not ask for ${unknown.join(', ')}; it knows ${[...known].join(', ')}.`,
    );
  }
  const granted = grantableScopes(deps.store.current, person.id);
  const missing = asked.filter((scope) => !granted.includes(scope));
  if (missing.length > 0) {
    throw new GraphError(
      403,
      'consent_required',
      `AADSTS65001: ${person.displayName} has not consented to the app using ${missing.join(', ')}. ` +
        'Send an interactive authorization request for this user and resource (POST /sandbox/consent stands in for it).',
    );
  }
  return json(200, {
    accessToken: issueToken(deps.store.current.secret, person, granted, tenant),
    tokenType: 'Bearer',
    person,
    scopes: granted,
    tenant,
  });
}

function consentState(deps: ControlDeps): ConsentState {
  const state = deps.store.current;
  const granted: Record<string, readonly string[]> = {};
  for (const person of state.people) {
    const scopes = consentsOf(state, person.id);
    if (scopes.length > 0) granted[person.id] = scopes;
  }
  return { extraScopes: EXTRA_SCOPES, granted };
}

/** The person gives (or takes back) their consent to an extra scope: what Entra ID's consent prompt records. */
async function setConsent(deps: ControlDeps, body: Buffer): Promise<GraphResponse> {
  const request = parseBody(body);
  const shape = '{"person": "<id or mail>", "scope": "Mail.ReadWrite", "granted": true}';
  const person = personNamed(deps, request.person, shape);
  const { scope, granted } = request;
  if (typeof scope !== 'string' || !isExtraScope(scope)) {
    throw new GraphError(
      400,
      'BadRequest',
      `"scope" must be one of the app's extra scopes (${EXTRA_SCOPES.join(', ')}); the sign-in scopes are always granted.`,
    );
  }
  if (typeof granted !== 'boolean') throw new GraphError(400, 'BadRequest', `"granted" must be true or false: ${shape}.`);
  await deps.store.write((state) => {
    const kept = Object.entries(state.consents ?? {}).filter(([id]) => id !== person.id);
    const others = (state.consents?.[person.id] ?? []).filter((s) => s !== scope);
    const mine = granted ? [...others, scope] : others;
    state.consents = Object.fromEntries(mine.length > 0 ? [...kept, [person.id, mine]] : kept);
  });
  return json(200, consentState(deps));
}

function sharedMailboxes(deps: ControlDeps): SharedMailboxInfo[] {
  return (deps.store.current.sharedMailboxes ?? []).map(({ id, displayName, mail, delegates }) => ({
    id,
    displayName,
    mail,
    delegates,
  }));
}

/**
 * What a real Outlook or Teams would tell the faces: the calendar item Outlook has open (the organiser's event of
 * the consultation) and the meeting chat Teams gives a meeting app. The workbench needs both to open its frames.
 */
function scenario(deps: ControlDeps): GraphResponse {
  const meeting = deps.store.current.onlineMeetings[0];
  if (meeting === undefined) throw new GraphError(404, 'NotFound', 'The sandbox has no meeting; reset it to restore the seed.');
  const organiserEvent = deps.store.current.mailboxes[meeting.organizerId]?.events.find((e) => e.event.id === meeting.eventId);
  return json(200, {
    organiserEventId: meeting.eventId,
    organiserId: meeting.organizerId,
    iCalUId: organiserEvent?.event.iCalUId ?? null,
    chatId: meeting.chatId,
    joinUrl: meeting.joinWebUrl,
  });
}

function setFaults(deps: ControlDeps, body: Buffer): GraphResponse {
  try {
    return json(200, deps.faults.set(parseBody(body)));
  } catch (error) {
    if (error instanceof RangeError) throw new GraphError(400, 'BadRequest', error.message);
    throw error;
  }
}

/**
 * The controls change the sandbox (reset, faults, tokens), so a page from another site must not be able to fire
 * them blind, as a form or a "simple" cross-site request could (CORS only stops it from READING the answer).
 * A change must come as JSON — which a browser sends cross-site only after a preflight that is refused for other
 * sites — and from no page or a page on this machine.
 */
export function checkControlCaller(method: string, headers: Readonly<Record<string, string>>): void {
  if (method === 'GET' || method === 'HEAD') return;
  const origin = headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin)) {
    throw new GraphError(
      403,
      'Forbidden',
      `The sandbox controls take changes only from pages on this machine, not from ${origin}.`,
    );
  }
  const contentType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') {
    throw new GraphError(
      415,
      'UnsupportedMediaType',
      `A change to the sandbox controls must be sent with Content-Type: application/json (got "${contentType ?? ''}").`,
    );
  }
}

export async function handleControl(deps: ControlDeps, method: string, path: string, body: Buffer): Promise<GraphResponse> {
  const controlPath = path.slice(SANDBOX_CONTROL_PREFIX.length);
  if (isLiveShareControl(controlPath)) return handleLiveShareControl(deps, method, controlPath, body);
  const action = `${method} ${controlPath}`;
  switch (action) {
    case 'GET /people':
      return json(200, deps.store.current.people);
    case 'POST /token':
      return token(deps, body);
    case 'GET /consent':
      return json(200, consentState(deps));
    case 'POST /consent':
      return setConsent(deps, body);
    case 'GET /mailboxes':
      return json(200, sharedMailboxes(deps));
    case 'GET /scenario':
      return scenario(deps);
    case 'GET /faults':
      return json(200, deps.faults.settings);
    case 'PUT /faults':
      return setFaults(deps, body);
    case 'POST /reset':
      await deps.reset();
      forgetLiveShareContainers(deps);
      return empty(204);
    default:
      throw new GraphError(404, 'NotFound', `No sandbox control '${action}'. See sandbox/contract.ts.`);
  }
}
