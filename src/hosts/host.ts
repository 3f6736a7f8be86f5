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

export function hostKindFromUrl(url: URL): HostKind | null {
  const value = url.searchParams.get('host');
  return value === 'workbench' || value === 'outlook' || value === 'teams' ? value : null;
}

export function languageFromUrl(url: URL): Language {
  return url.searchParams.get('lang') === 'en' ? 'en' : 'sv';
}
