/**
 * Dispatch of one Graph request (over HTTP or inside a $batch) to its handler. `/me/...` and
 * `/users/{id|mail}/...` name a mailbox; the caller may use their own, and read the mail of a shared mailbox they
 * have access to, each only with a token carrying one of the route's scopes. A guest signed in to the ministry's
 * tenant has no mailbox there (auth/access.ts). Refusals are worded the way the service behind the route words
 * them. Unknown paths get Graph's "Resource not found for the segment".
 */
import type { User } from '@microsoft/microsoft-graph-types';
import { guestHasNoMailbox, hasMailboxHere } from '../auth/access';
import { allows, ROUTE_SCOPES } from '../auth/scopes';
import { badRequest, GraphError, mailboxAccessDenied } from '../http/errors';
import { json, type GraphResponse } from '../http/response';
import { findMailboxHolder, type MailboxHolder } from '../state/people';
import type { GraphContext, MailboxContext, MailboxOwner } from './context';
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

/** A token without any of the route's scopes: each service says it its own way (Exchange: access denied). */
function missingScope(family: MailboxRoute['family'], required: readonly string[], ctx: GraphContext): GraphError {
  switch (family) {
    case 'drive':
      return new GraphError(403, 'accessDenied', 'Access denied');
    case 'teams':
      return new GraphError(
        403,
        'Forbidden',
        `Missing scope permissions on the request. API requires one of '${required.join(', ')}'. ` +
          `Scopes on the request '${[...ctx.scopes].join(', ')}'`,
      );
    case 'profile':
      return new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    default:
      return mailboxAccessDenied();
  }
}

/** The basic profile anyone in the tenant may read (User.ReadBasic.All), a shared mailbox's included. */
function profile(ctx: GraphContext, holder: MailboxHolder): GraphResponse {
  if (!allows(ctx.scopes, ROUTE_SCOPES.profile)) throw missingScope('profile', ROUTE_SCOPES.profile, ctx);
  const user: User =
    holder.kind === 'person'
      ? {
          id: holder.person.id,
          displayName: holder.person.displayName,
          mail: holder.person.mail,
          userPrincipalName: holder.person.mail,
          companyName: holder.person.organisation,
          businessPhones: [],
          preferredLanguage: 'sv-SE',
        }
      : {
          id: holder.mailbox.id,
          displayName: holder.mailbox.displayName,
          mail: holder.mailbox.mail,
          userPrincipalName: holder.mailbox.mail,
          businessPhones: [],
          preferredLanguage: 'sv-SE',
        };
  return json(200, { '@odata.context': `${ctx.graphBaseUrl}/$metadata#users/$entity`, ...user });
}

function resolveHolder(ctx: GraphContext, who: string | undefined): MailboxHolder {
  if (who === undefined) return { kind: 'person', person: ctx.caller };
  const [name = ''] = decodeAll([who]);
  const holder = findMailboxHolder(ctx.store.current, name.replace(/^\('(.*)'\)$/, '$1'));
  if (holder === undefined) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${name}' is invalid.`);
  return holder;
}

/**
 * The mailbox a route may serve the caller, or the refusal: their own with one of the route's scopes; a shared
 * mailbox they are a delegate of, on a route open to delegates, with one of its shared scopes; nothing else.
 */
function authorise(ctx: GraphContext, holder: MailboxHolder, route: MailboxRoute): MailboxOwner {
  if (holder.kind === 'person') {
    if (holder.person.id !== ctx.caller.id) throw denied(route.family);
    if (!allows(ctx.scopes, route.scopes)) throw missingScope(route.family, route.scopes, ctx);
    if (route.family === 'mailbox' && !hasMailboxHere(ctx.caller, ctx.tenant)) throw guestHasNoMailbox();
    return holder.person;
  }
  const { mailbox } = holder;
  if (route.sharedScopes === undefined || !mailbox.delegates.includes(ctx.caller.id)) throw denied(route.family);
  if (!allows(ctx.scopes, route.sharedScopes)) throw missingScope(route.family, route.sharedScopes, ctx);
  return { id: mailbox.id, displayName: mailbox.displayName, mail: mailbox.mail };
}

export async function dispatchGraph(ctx: GraphContext): Promise<GraphResponse> {
  const { method, path } = ctx.request;

  let pathMatched = false;
  for (const route of ROOT_ROUTES) {
    const m = route.pattern.exec(path);
    if (m === null) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    if (!allows(ctx.scopes, route.scopes)) throw missingScope('teams', route.scopes, ctx);
    return route.handle(ctx, decodeAll(m.slice(1)));
  }
  if (pathMatched) throw methodNotAllowed(method);

  const scoped = /^\/(?:me|users\/([^/]+))(\/.*)?$/.exec(path);
  if (scoped === null) throw segmentNotFound(path);
  const holder = resolveHolder(ctx, scoped[1]);
  const rest = scoped[2] ?? '';
  if (rest === '' || rest === '/') {
    if (method !== 'GET') throw methodNotAllowed(method);
    return profile(ctx, holder);
  }

  const candidates = MAILBOX_ROUTES.flatMap((route) => {
    const m = route.pattern.exec(rest);
    return m === null ? [] : [{ route, groups: m.slice(1) }];
  });
  if (candidates.length === 0) throw segmentNotFound(rest);
  const chosen = candidates.find((c) => c.route.method === method);
  if (chosen === undefined) throw methodNotAllowed(method);
  const mailboxCtx: MailboxContext = { ...ctx, owner: authorise(ctx, holder, chosen.route) };
  return chosen.route.handle(mailboxCtx, decodeAll(chosen.groups));
}
