/**
 * auth-dialog.html: Samråd's sign-in page inside the Office dialog, where Outlook has no nested app authentication
 * (ADR 0004). It waits for Office, sends the person to Microsoft Entra ID with MSAL's redirect flow and, when they
 * come back (through auth-redirect.html), hands the token or the error to the pane.
 */
import { isSignInError } from '../../hosts/auth/signInError';
import { officeFromGlobal } from '../../hosts/outlook/officeApi';
import { runOutlookSignInDialog } from '../../hosts/outlook/signInDialog';
import { buildAuthConfig, signInPages } from './buildConfig';
import { messageOfError, showPageMessage } from './pageMessage';

const REDIRECTING = {
  what: { sv: 'Du skickas till Microsofts inloggning …', en: 'Taking you to the Microsoft sign-in …' },
};
const SENT = {
  what: { sv: 'Inloggningen är klar.', en: 'Sign-in is complete.' },
  hint: { sv: 'Fönstret stängs av Samråd.', en: 'Samråd closes this window.' },
};

const config = buildAuthConfig();
if (isSignInError(config)) {
  showPageMessage(messageOfError(config), 'alert');
} else {
  showPageMessage(REDIRECTING, 'status');
  runOutlookSignInDialog(officeFromGlobal(), config, { redirectUri: signInPages(window.location.href).redirectUri }).then(
    (outcome) => {
      if (outcome === 'sent') showPageMessage(SENT, 'status');
    },
    (error: unknown) => {
      showPageMessage(messageOfError(error), 'alert');
    },
  );
}
