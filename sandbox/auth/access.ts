/**
 * Who is in the ministry's tenant, and what that lets Graph give them (contract.ts, SandboxAccess). The sandbox has
 * one tenant, the ministry's; a guest, an external or an e-mail-only person's own organisation is modelled only as
 * far as Samråd meets it: their own mailbox, reached with a token their own organisation issued (`home`), where the
 * invitation arrives. What Graph answers for each is written down, with the pages it comes from, in
 * docs/reach-matrix.md.
 */
import type { SandboxAccess, SandboxPerson, SandboxTenant } from '../contract';
import { GraphError } from '../http/errors';

export function accessOf(person: SandboxPerson): SandboxAccess {
  return person.access ?? 'member';
}

/** Where Teams (or their mail program) signs the person in when nobody says otherwise. */
export function defaultTenant(person: SandboxPerson): SandboxTenant {
  const access = accessOf(person);
  return access === 'external' || access === 'email-only' ? 'home' : 'ministry';
}

/**
 * The tenant a token for the person is issued by. A member's home is the ministry's tenant, so the two are one; an
 * external or e-mail-only person has no account in the ministry's tenant, and Entra ID refuses them there.
 */
export function signInTenant(person: SandboxPerson, asked: SandboxTenant | undefined): SandboxTenant {
  const access = accessOf(person);
  if (access === 'member') return 'ministry';
  const tenant = asked ?? defaultTenant(person);
  if (tenant === 'ministry' && (access === 'external' || access === 'email-only')) {
    throw new GraphError(
      400,
      'invalid_request',
      `AADSTS50020: User account '${person.mail}' from identity provider '${person.mail.split('@')[1] ?? ''}' does not ` +
        "exist in tenant 'Regeringskansliet' and cannot access the application in that tenant. The account needs to " +
        'be added as an external user in the tenant first.',
    );
  }
  return tenant;
}

export function isTenant(value: unknown): value is SandboxTenant {
  return value === 'ministry' || value === 'home';
}

/**
 * A guest account has no mailbox in the ministry's tenant (guests are directory objects only), so Exchange has
 * nothing to serve: Graph answers 404 MailboxNotEnabledForRESTAPI for the guest's own mail and calendar.
 */
export function guestHasNoMailbox(): GraphError {
  return new GraphError(
    404,
    'MailboxNotEnabledForRESTAPI',
    'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
  );
}

/**
 * A token from another organisation's tenant reaches no chat of the ministry's. Graph documents federation for
 * GET /chats/{id} only when a chat member belongs to the caller's tenant; the sandbox takes the case the Teams
 * platform describes for external users (no access to the host organisation's shared resources): refused.
 */
export function chatOfAnotherTenant(): GraphError {
  return new GraphError(
    403,
    'Forbidden',
    "Forbidden: the chat belongs to another organisation's tenant, and the signed-in user's tenant has no access to it.",
  );
}

/** Whether a request signed in this way may see the ministry's Teams side (meeting chats and online meetings). */
export function reachesMinistryTeams(tenant: SandboxTenant): boolean {
  return tenant === 'ministry';
}

/** Whether Exchange in the ministry's tenant has a mailbox for this sign-in (a guest's account has none). */
export function hasMailboxHere(person: SandboxPerson, tenant: SandboxTenant): boolean {
  return !(accessOf(person) === 'guest' && tenant === 'ministry');
}
