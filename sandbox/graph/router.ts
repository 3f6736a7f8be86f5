/**
 * Dispatch of one Graph request (over HTTP or inside a $batch) to its handler. `/me/...` and
 * `/users/{id|mail}/...` name a mailbox; the caller may use only their own, and the refusal is worded the way
 * the service behind the route words it. Unknown paths get Graph's "Resource not found for the segment".
 */
import type { User } from '@microsoft/microsoft-graph-types';
import type { SandboxPerson } from '../contract';
import { badRequest, GraphError, mailboxAccessDenied } from '../http/errors';
import { json, type GraphResponse } from '../http/response';
import { findPerson } from '../state/people';
import type { GraphContext, MailboxContext } from './context';
import { driveRoutes } from './drive';
import { eventRoutes } from './events/routes';
import { mailRoutes } from './mail';
import type { MailboxRoute, RootRoute } from './routes';
import { chatRoutes, onlineMeetingRoutes } from './teams';

const MAILBOX_ROUTES: readonly MailboxRoute[] = [...eventRoutes, ...mailRoutes, ...driveRoutes, ...onlineMeetingRoutes];
const ROOT_ROUTES: readonly RootRoute[] = [...chatRoutes];

function decodeAll(groups: readonly (string | undefined)[]): string[] {
  return groups.map((g) => {
    try {
      return decodeURIComponent(g ?? '');
    } catch {
      throw badRequest(`The path segment '${g ?? ''}' is not valid percent-encoding.`);
    }
  });
}

function segmentNotFound(path: string): GraphError {
  const segment = path.split('/').find((s) => s !== '') ?? path;
  return badRequest(`Resource not found for the segment '${segment}'.`);
}

function methodNotAllowed(method: string): GraphError {
  return new GraphError(405, 'Request_BadRequest', `The HTTP method '${method}' is not allowed on this resource.`);
}

function denied(family: MailboxRoute['family']): GraphError {
  switch (family) {
    case 'drive':
      return new GraphError(403, 'accessDenied', 'Access denied: the app folder belongs to another user.');
    case 'teams':
      return new GraphError(403, 'Forbidden', 'Forbidden: a user can only read their own online meetings.');
    default:
      return mailboxAccessDenied();
  }
}

/** The basic profile anyone in the tenant may read (User.ReadBasic.All). */
function profile(ctx: GraphContext, person: SandboxPerson): GraphResponse {
  const user: User = {
    id: person.id,
    displayName: person.displayName,
    mail: person.mail,
    userPrincipalName: person.mail,
    companyName: person.organisation,
    businessPhones: [],
    preferredLanguage: 'sv-SE',
  };
  return json(200, { '@odata.context': `${ctx.graphBaseUrl}/$metadata#users/$entity`, ...user });
}

function resolveOwner(ctx: GraphContext, who: string | undefined): SandboxPerson {
  if (who === undefined) return ctx.caller;
  const [name = ''] = decodeAll([who]);
  const owner = findPerson(ctx.store.current, name.replace(/^\('(.*)'\)$/, '$1'));
  if (owner === undefined) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${name}' is invalid.`);
  return owner;
}

export async function dispatchGraph(ctx: GraphContext): Promise<GraphResponse> {
  const { method, path } = ctx.request;

  let pathMatched = false;
  for (const route of ROOT_ROUTES) {
    const m = route.pattern.exec(path);
    if (m === null) continue;
    pathMatched = true;
    if (route.method === method) return route.handle(ctx, decodeAll(m.slice(1)));
  }
  if (pathMatched) throw methodNotAllowed(method);

  const scoped = /^\/(?:me|users\/([^/]+))(\/.*)?$/.exec(path);
  if (scoped === null) throw segmentNotFound(path);
  const owner = resolveOwner(ctx, scoped[1]);
  const rest = scoped[2] ?? '';
  if (rest === '' || rest === '/') {
    if (method !== 'GET') throw methodNotAllowed(method);
    return profile(ctx, owner);
  }

  const candidates = MAILBOX_ROUTES.flatMap((route) => {
    const m = route.pattern.exec(rest);
    return m === null ? [] : [{ route, groups: m.slice(1) }];
  });
  if (candidates.length === 0) throw segmentNotFound(rest);
  const chosen = candidates.find((c) => c.route.method === method);
  if (chosen === undefined) throw methodNotAllowed(method);
  if (owner.id !== ctx.caller.id) throw denied(chosen.route.family);
  const mailboxCtx: MailboxContext = { ...ctx, owner };
  return chosen.route.handle(mailboxCtx, decodeAll(chosen.groups));
}
