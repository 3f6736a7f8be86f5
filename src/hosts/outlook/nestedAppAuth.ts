/**
 * Sign-in in Outlook: nested app authentication where the client has NestedAppAuth 1.1 (Outlook on the web, new
 * Outlook for Windows, classic Outlook for Windows 2409+, Outlook for Mac 16.89+), the Office dialog fallback
 * elsewhere. Call after waitForOffice: MSAL must be created after Office.onReady.
 */
import type { AuthConfig } from '../auth/config';
import { createNaaTokenProvider, type NaaTokenProvider, type NaaTokenProviderDeps } from '../auth/naaTokenProvider';
import type { OfficeApi } from './officeApi';
import { openSignInDialog } from './signInDialog';

export function nestedAppAuthSupported(office: Pick<OfficeApi, 'context'>): boolean {
  return office.context.requirements?.isSetSupported('NestedAppAuth', '1.1') === true;
}

export interface OutlookSignInOptions {
  /** Samråd's sign-in page for the Office dialog (https, the add-in's own origin). */
  readonly dialogUrl: string;
  /** MSAL's redirect bridge page, for the standard popup when no broker answers. */
  readonly redirectUri?: string;
}

export function createOutlookTokenProvider(
  office: Pick<OfficeApi, 'context' | 'EventType'>,
  config: AuthConfig,
  options: OutlookSignInOptions,
  deps: NaaTokenProviderDeps = {},
): NaaTokenProvider {
  return createNaaTokenProvider(
    {
      clientId: config.clientId,
      authority: config.authority,
      scopes: config.scopes,
      naaSupported: () => nestedAppAuthSupported(office),
      dialogFallback: { signIn: () => openSignInDialog(office, { url: options.dialogUrl }) },
      ...(options.redirectUri === undefined ? {} : { redirectUri: options.redirectUri }),
    },
    deps,
  );
}
