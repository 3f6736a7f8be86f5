/** How handlers are declared: a method, a path pattern, the scopes that allow it and a function; the router does the rest. */
import type { GraphResponse } from '../http/response';
import type { GraphContext, MailboxContext } from './context';

export type Handler<C> = (ctx: C, params: readonly string[]) => GraphResponse | Promise<GraphResponse>;

/**
 * A route under `/me` or `/users/{id|mail}`. `family` picks the error Graph gives when the caller asks for
 * someone else's resource or lacks the permission: Exchange, OneDrive and Teams each word it their own way.
 */
export interface MailboxRoute {
  readonly method: string;
  /** Matched against the raw path after `/me` or `/users/{x}`; groups are passed to the handler decoded. */
  readonly pattern: RegExp;
  readonly family: 'mailbox' | 'drive' | 'teams' | 'profile';
  /** Delegated scopes, any one of which lets the signed-in person use the route on their own mailbox. */
  readonly scopes: readonly string[];
  /**
   * Set on the routes a person may also use on a shared mailbox they have access to (reading mail): the scopes
   * that allow that. Without it, the route serves the caller's own mailbox only.
   */
  readonly sharedScopes?: readonly string[];
  readonly handle: Handler<MailboxContext>;
}

/** A route at the root of v1.0 (chats, $batch). */
export interface RootRoute {
  readonly method: string;
  readonly pattern: RegExp;
  /** Delegated scopes, any one of which allows the route. */
  readonly scopes: readonly string[];
  readonly handle: Handler<GraphContext>;
}

/** `@odata.context` the way Graph writes it for something in a user's mailbox. */
export function userContext(ctx: MailboxContext, what: string): string {
  return `${ctx.graphBaseUrl}/$metadata#users('${encodeURIComponent(ctx.owner.id)}')/${what}`;
}
