/**
 * Delegated permissions, modelled on Microsoft Graph's: a token carries the scopes the person has granted the app,
 * each route accepts any one of the scopes Graph documents for it, and a scope the app asks for only later (an
 * extra one) must first be consented to by the person. The sandbox never imports src/, so the app's sign-in scopes
 * are written out here; tests/sandbox checks that they agree with GRAPH_SCOPES in src/hosts/auth/config.ts.
 */
import type { SandboxState } from '../state/model';

/** What the app asks for at sign-in; a token issued without a scope list carries exactly these. */
export const SIGN_IN_SCOPES = [
  'Calendars.ReadWrite',
  'Mail.Read',
  'Mail.Read.Shared',
  'Files.ReadWrite.AppFolder',
  'OnlineMeetings.Read',
  'Chat.ReadBasic',
  'Chat.Read',
  'ChatMessage.Send',
  'User.Read',
] as const;

/** Scopes the app asks for only when a feature needs them; each person consents to them on their own (default: not). */
export const EXTRA_SCOPES = ['Mail.ReadWrite'] as const;

export type ExtraScope = (typeof EXTRA_SCOPES)[number];

export function isExtraScope(scope: string): scope is ExtraScope {
  return (EXTRA_SCOPES as readonly string[]).includes(scope);
}

/** Which scopes allow what, any one of each list sufficing (Graph's permission tables, least privileged first). */
export const ROUTE_SCOPES = {
  calendarRead: ['Calendars.Read', 'Calendars.ReadWrite'],
  calendarWrite: ['Calendars.ReadWrite'],
  mailRead: ['Mail.Read', 'Mail.ReadWrite'],
  mailWrite: ['Mail.ReadWrite'],
  /** Reading a mailbox someone shared with the caller. */
  sharedMailRead: ['Mail.Read.Shared', 'Mail.ReadWrite.Shared'],
  filesRead: ['Files.ReadWrite.AppFolder', 'Files.Read', 'Files.ReadWrite', 'Files.Read.All', 'Files.ReadWrite.All'],
  filesWrite: ['Files.ReadWrite.AppFolder', 'Files.ReadWrite', 'Files.ReadWrite.All'],
  onlineMeetingsRead: ['OnlineMeetings.Read', 'OnlineMeetings.ReadWrite'],
  chatBasic: ['Chat.ReadBasic', 'Chat.Read', 'Chat.ReadWrite'],
  chatRead: ['Chat.Read', 'Chat.ReadWrite'],
  chatSend: ['ChatMessage.Send', 'Chat.ReadWrite'],
  profile: ['User.Read', 'User.ReadBasic.All', 'User.Read.All'],
} as const satisfies Record<string, readonly string[]>;

/** The extra scopes a person has consented to. */
export function consentsOf(state: Readonly<SandboxState>, personId: string): readonly ExtraScope[] {
  return (state.consents?.[personId] ?? []).filter(isExtraScope);
}

/** Everything a token for the person may carry now: the sign-in scopes and the extra ones consented to. */
export function grantableScopes(state: Readonly<SandboxState>, personId: string): readonly string[] {
  return [...SIGN_IN_SCOPES, ...consentsOf(state, personId)];
}

/**
 * The scopes a request may use: those the token carries (the sign-in scopes when it names none), narrowed to what
 * the person may grant now, so a consent taken back takes effect at once (Entra ID: when the token expires).
 */
export function effectiveScopes(
  state: Readonly<SandboxState>,
  personId: string,
  tokenScopes: readonly string[] | null,
): ReadonlySet<string> {
  const grantable = new Set(grantableScopes(state, personId));
  return new Set((tokenScopes ?? SIGN_IN_SCOPES).filter((scope) => grantable.has(scope)));
}

export function allows(scopes: ReadonlySet<string>, anyOf: readonly string[]): boolean {
  return anyOf.some((scope) => scopes.has(scope));
}
