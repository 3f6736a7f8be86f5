/**
 * auth-redirect.html: MSAL's redirect bridge. Microsoft Entra ID returns here (a SPA redirect URI of the app
 * registration); the bridge hands the answer to the page that asked — the popup's opener, or the sign-in dialog
 * page for the redirect flow — and closes or navigates. It must be served without a
 * Cross-Origin-Opener-Policy header, or the popup loses its opener.
 */
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';
import { signInErrorFromMsal } from '../../hosts/auth/msalErrors';
import { messageOfError, showPageMessage } from './pageMessage';

broadcastResponseToMainFrame().catch((error: unknown) => {
  showPageMessage(messageOfError(signInErrorFromMsal(error)), 'alert');
});
