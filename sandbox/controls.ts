/**
 * The sandbox's own controls under /sandbox (contract.ts): who can sign in, a token for them, the fault switches
 * and reset. They need no token and never meet injected faults, so a test or the workbench can always steer.
 */
import { SANDBOX_CONTROL_PREFIX } from './contract';
import type { FaultInjector } from './faults';
import { issueToken } from './auth/tokens';
import { isJsonObject } from './graph/context';
import { GraphError } from './http/errors';
import { isLoopbackOrigin } from './http/io';
import { empty, json, type GraphResponse } from './http/response';
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

function token(deps: ControlDeps, body: Buffer): GraphResponse {
  const who = parseBody(body).person;
  if (typeof who !== 'string') throw new GraphError(400, 'BadRequest', 'Say who signs in: {"person": "<id or mail>"}.');
  const person = findPerson(deps.store.current, who);
  if (person === undefined) throw new GraphError(404, 'NotFound', `No sandbox person has the id or mail '${who}'.`);
  return json(200, { accessToken: issueToken(deps.store.current.secret, person), tokenType: 'Bearer', person });
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
  const action = `${method} ${path.slice(SANDBOX_CONTROL_PREFIX.length)}`;
  switch (action) {
    case 'GET /people':
      return json(200, deps.store.current.people);
    case 'POST /token':
      return token(deps, body);
    case 'GET /scenario':
      return scenario(deps);
    case 'GET /faults':
      return json(200, deps.faults.settings);
    case 'PUT /faults':
      return setFaults(deps, body);
    case 'POST /reset':
      await deps.reset();
      return empty(204);
    default:
      throw new GraphError(404, 'NotFound', `No sandbox control '${action}'. See sandbox/contract.ts.`);
  }
}
