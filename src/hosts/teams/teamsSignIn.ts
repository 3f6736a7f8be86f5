/**
 * Sign-in in Teams: nested app authentication through MSAL, as in Outlook (the same app registration, whose SPA
 * redirect `brk-multihub://<origin>` covers both). MSAL's nestable client uses Teams' broker where Teams offers it
 * and falls back by itself to the standard popup (with the redirect bridge page) where it does not, so there is no
 * Office dialog here. An anonymous participant has no identity at all: they are never asked to sign in, and no token
 * provider exists for them.
 */
import type { AuthConfig } from '../auth/config';
import { createNaaTokenProvider, type NaaTokenProvider, type NaaTokenProviderDeps } from '../auth/naaTokenProvider';
import type { TeamsContext } from './teamsHost';

export interface TeamsSignInOptions {
  /** MSAL's redirect bridge page, for the standard popup when Teams has no broker for the app. */
  readonly redirectUri: string;
}

/** The token provider for the person in this Teams context, or null for an anonymous participant (never signed in). */
export function createTeamsTokenProvider(
  context: Pick<TeamsContext, 'anonymous'>,
  config: AuthConfig,
  options: TeamsSignInOptions,
  deps: NaaTokenProviderDeps = {},
): NaaTokenProvider | null {
  if (context.anonymous) return null;
  return createNaaTokenProvider(
    {
      clientId: config.clientId,
      authority: config.authority,
      scopes: config.scopes,
      // MSAL decides between Teams' broker and its own popup; Samråd has no other route in Teams.
      naaSupported: () => true,
      redirectUri: options.redirectUri,
    },
    deps,
  );
}
