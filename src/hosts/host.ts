/**
 * The one interface every host (Outlook, Teams, the local workbench) gives the rest of the app: which host it
 * is, the user's language, and an access token for Microsoft Graph. The page learns its host from its URL
 * (`?host=…`, set in the manifest's URLs), never by trying a host's SDK and waiting.
 */
import type { Language } from '../core/time/format';

export type HostKind = 'workbench' | 'outlook' | 'teams';

export interface Host {
  readonly kind: HostKind;
  readonly language: Language;
  /** A bearer token for Microsoft Graph for the signed-in person. */
  getAccessToken(): Promise<string>;
}

/**
 * A delegated permission beyond the sign-in ones (e.g. Mail.ReadWrite for reply drafts), asked for only when the
 * person uses the feature that needs it. Hosts that can ask for one give this; the Graph gateway's ExtraPermission
 * has the same shape, and the composition root hands one to the other.
 */
export interface ExtraScopes {
  /** Whether the person has granted the scope, found without prompting anyone. */
  granted(scope: string): Promise<boolean>;
  /** Asks the person (the consent prompt); true when it is granted afterwards, false when they declined. */
  request(scope: string): Promise<boolean>;
  /** An access token that carries the scope. */
  token(scope: string): Promise<string>;
}

export function hostKindFromUrl(url: URL): HostKind | null {
  const value = url.searchParams.get('host');
  return value === 'workbench' || value === 'outlook' || value === 'teams' ? value : null;
}

export function languageFromUrl(url: URL): Language {
  return url.searchParams.get('lang') === 'en' ? 'en' : 'sv';
}
