/** Sign-in to Microsoft 365 (MSAL), independent of the host that asks for it. */
export {
  DEFAULT_TENANT,
  EXTRA_GRAPH_SCOPES,
  GRAPH_SCOPE_NAMES,
  GRAPH_SCOPES,
  readAuthConfig,
  type AuthConfig,
  type GraphScope,
} from './config';
export {
  decodeDialogMessage,
  encodeDialogFailure,
  encodeDialogToken,
  type DialogSignInMessage,
  type DialogToken,
} from './dialogProtocol';
export { runSignInDialogPage, type RedirectClient, type RedirectClientFactory, type SignInDialogPageOptions } from './dialogPage';
export {
  createNaaTokenProvider,
  DIALOG_TOKEN_ASSUMED_LIFETIME_MS,
  DIALOG_TOKEN_MARGIN_MS,
  type DialogFallback,
  type NaaTokenProvider,
  type NaaTokenProviderConfig,
  type NaaTokenProviderDeps,
  type TokenClient,
  type TokenClientFactory,
  type TokenProvider,
  type TokenResult,
} from './naaTokenProvider';
export { describeMsalError, needsInteraction, signInErrorFromCode, signInErrorFromMsal } from './msalErrors';
export { isSignInError, SignInError, type SignInErrorReason } from './signInError';
