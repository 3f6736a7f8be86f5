/**
 * The local Microsoft 365: a Microsoft Graph v1.0 emulator on 127.0.0.1 (contract.ts). Every Graph request goes
 * through the same steps — a request id, the fault dice (latency, then drop / 429 / 503), the bearer token, the
 * route, and a lost answer when the dice said so — and answers in Graph's shapes; the /sandbox controls skip the dice and the token.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { signInTenant } from './auth/access';
import { effectiveScopes, grantableScopes } from './auth/scopes';
import { verifyToken, issueToken } from './auth/tokens';
import {
  SANDBOX_CONTROL_PREFIX,
  type FaultSettings,
  type RunningSandbox,
  type SandboxOptions,
  type SandboxPerson,
  type SandboxTenant,
} from './contract';
import { checkControlCaller, handleControl, type ControlDeps } from './controls';
import { FaultInjector } from './faults';
import { handleBatch } from './graph/batch';
import type { GraphContext, GraphRequest } from './graph/context';
import { errorResponse, executeGraph, faultError } from './graph/execute';
import { GraphError } from './http/errors';
import { corsHeaders, lowerCaseHeaders, preflight, readBody, send } from './http/io';
import type { GraphResponse } from './http/response';
import { buildSeedState } from './seed/state';
import { findPerson } from './state/people';
import { StateStore } from './state/store';

const GRAPH_PREFIX = '/v1.0';

interface Deps extends ControlDeps {
  readonly graphBaseUrl: () => string;
}

function authenticate(
  store: StateStore,
  headers: Readonly<Record<string, string>>,
): { readonly caller: SandboxPerson; readonly scopes: ReadonlySet<string>; readonly tenant: SandboxTenant } {
  const header = headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (bearer === undefined) {
    throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', { 'WWW-Authenticate': 'Bearer realm=""' });
  }
  const claims = verifyToken(store.current.secret, bearer);
  const person = claims === null ? undefined : findPerson(store.current, claims.personId);
  if (person === undefined) {
    throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience or signature.', {
      'WWW-Authenticate': 'Bearer realm="", error="invalid_token"',
    });
  }
  return {
    caller: person,
    scopes: effectiveScopes(store.current, person.id, claims?.scopes ?? null),
    tenant: claims?.tenant ?? 'ministry',
  };
}

async function graph(
  deps: Deps,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  url: URL,
  requestId: string,
): Promise<GraphResponse | 'dropped'> {
  const headers = lowerCaseHeaders(incoming);
  const body = await readBody(incoming);
  const fault = deps.faults.decide(headers['x-sandbox-fault']);
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  if (fault.kind === 'drop') {
    outgoing.socket?.destroy();
    return 'dropped';
  }
  if (fault.kind === '429' || fault.kind === '503') throw faultError(fault.kind, deps.faults.settings.retryAfterSeconds);

  const { caller, scopes, tenant } = authenticate(deps.store, headers);
  const request: GraphRequest = {
    method: (incoming.method ?? 'GET').toUpperCase(),
    path: url.pathname.slice(GRAPH_PREFIX.length) || '/',
    query: url.searchParams,
    headers,
    body,
  };
  const ctx: GraphContext = {
    request,
    caller,
    scopes,
    tenant,
    store: deps.store,
    graphBaseUrl: deps.graphBaseUrl(),
    now: () => Date.now(),
  };
  let result: GraphResponse;
  if (request.path === '/$batch') {
    if (request.method !== 'POST') throw new GraphError(405, 'Request_BadRequest', '$batch takes POST only.');
    result = await handleBatch(ctx, deps.faults, () => randomUUID());
  } else {
    result = await executeGraph(ctx, requestId);
  }
  if (fault.kind === 'lost') {
    // Handled and applied; the answer goes nowhere, as when a connection breaks on the way back.
    outgoing.socket?.destroy();
    return 'dropped';
  }
  return result;
}

async function handle(deps: Deps, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  if (incoming.method === 'OPTIONS') {
    preflight(incoming, outgoing);
    return;
  }
  const requestId = randomUUID();
  const clientRequestId = incoming.headers['client-request-id'];
  const clientId = typeof clientRequestId === 'string' ? clientRequestId : undefined;
  const headers: Record<string, string> = {
    ...corsHeaders(incoming),
    'request-id': requestId,
    ...(clientId === undefined ? {} : { 'client-request-id': clientId }),
  };
  let result: GraphResponse | 'dropped';
  try {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === SANDBOX_CONTROL_PREFIX || url.pathname.startsWith(`${SANDBOX_CONTROL_PREFIX}/`)) {
      const method = incoming.method ?? 'GET';
      checkControlCaller(method, lowerCaseHeaders(incoming));
      result = await handleControl(deps, method, url.pathname, await readBody(incoming));
    } else if (url.pathname.startsWith(`${GRAPH_PREFIX}/`)) {
      result = await graph(deps, incoming, outgoing, url, requestId);
    } else {
      throw new GraphError(
        404,
        'NotFound',
        `Nothing at ${url.pathname}: Graph is under ${GRAPH_PREFIX}/, the controls under ${SANDBOX_CONTROL_PREFIX}/.`,
      );
    }
  } catch (error) {
    result = errorResponse(error, requestId, clientId);
  }
  if (result === 'dropped' || outgoing.destroyed) return;
  send(outgoing, result, headers);
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const store = await StateStore.open(options.dataDir, () => buildSeedState(randomBytes(32).toString('base64')));
  const faults = new FaultInjector(options.faults);
  let origin = '';
  const reset = (): Promise<void> => store.replace((current) => buildSeedState(current.secret));
  const deps: Deps = { store, faults, reset, graphBaseUrl: () => `${origin}${GRAPH_PREFIX}` };

  const server = createServer((incoming, outgoing) => {
    handle(deps, incoming, outgoing).catch((error: unknown) => {
      // handle() answers every error itself; reaching this means the socket failed while answering.
      console.error('[sandbox] could not answer a request', error);
      outgoing.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    graphBaseUrl: `${origin}${GRAPH_PREFIX}`,
    get people(): readonly SandboxPerson[] {
      return store.current.people;
    },
    tokenFor(who: string, scopes?: readonly string[], tenant?: SandboxTenant): string {
      const person = findPerson(store.current, who);
      if (person === undefined) throw new Error(`No sandbox person has the id or mail "${who}".`);
      return issueToken(
        store.current.secret,
        person,
        scopes ?? grantableScopes(store.current, person.id),
        signInTenant(person, tenant),
      );
    },
    setFaults(update: Partial<FaultSettings>): void {
      faults.set(update);
    },
    reset,
    async stop(): Promise<void> {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await store.idle();
    },
  };
}
