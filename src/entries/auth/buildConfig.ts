/**
 * Sign-in's build-time configuration: webpack's DefinePlugin writes the two values into the bundle
 * (`SAMRAD_CLIENT_ID=… SAMRAD_TENANT=… npm run build`). Each is named in full, because DefinePlugin replaces
 * exact expressions: `process` itself does not exist in the browser.
 */
import { readAuthConfig, type AuthConfig } from '../../hosts/auth/config';
import type { SignInError } from '../../hosts/auth/signInError';

export function buildAuthConfig(): AuthConfig | SignInError {
  return readAuthConfig({ SAMRAD_CLIENT_ID: process.env.SAMRAD_CLIENT_ID, SAMRAD_TENANT: process.env.SAMRAD_TENANT });
}

/**
 * The two sign-in pages, next to the page that asks (so on the add-in's own origin and base path, as Office's
 * dialog requires); the redirect bridge is registered as a SPA redirect URI of the app registration (README).
 */
export function signInPages(pageUrl: string): { readonly dialogUrl: string; readonly redirectUri: string } {
  return {
    dialogUrl: new URL('auth-dialog.html', pageUrl).toString(),
    redirectUri: new URL('auth-redirect.html', pageUrl).toString(),
  };
}
