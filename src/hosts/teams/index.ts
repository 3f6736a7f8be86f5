/** The Teams host: everything in Samråd that touches teams-js. */
export { loadTeamsApi, type TeamsApi, type TeamsCallback, type TeamsJsContext, type TeamsSdkError } from './teamsApi';
export {
  DEFAULT_INITIALIZE_TIMEOUT_MS,
  frameContextOf,
  languageOfLocale,
  startTeamsHost,
  themeOf,
  toTeamsContext,
  type TeamsContext,
  type TeamsFrameContext,
  type TeamsHost,
  type TeamsHostOptions,
  type TeamsTheme,
} from './teamsHost';
export { isTeamsHostError, TeamsHostError, type TeamsHostErrorReason, type TeamsSdkErrorDetails } from './teamsHostError';
export { createTeamsTokenProvider, type TeamsSignInOptions } from './teamsSignIn';
