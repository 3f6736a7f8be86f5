/**
 * Sign-in's build-time configuration and the Microsoft Graph permissions Samråd asks for. The client id and the
 * tenant come from the environment of the build (`SAMRAD_CLIENT_ID=… SAMRAD_TENANT=… npm run build`); the scopes
 * are fixed here, each with the reason the README's permission table gives, so the code and the table agree
 * (tests/hosts/auth/config.test.ts checks it).
 */
import { SignInError } from './signInError';

export interface GraphScope {
  readonly scope: string;
  readonly why: string;
}

/** Delegated permissions only, each the narrowest that does the job (ADR 0002, ADR 0003). */
export const GRAPH_SCOPES = [
  {
    scope: 'Calendars.ReadWrite',
    why: "read the consultation's event, update its attendees (invitations) and its body (the published agenda), keep the link extension",
  },
  { scope: 'Mail.Read', why: 'read registration mails (never moved, flagged or deleted: they are public records)' },
  {
    scope: 'Mail.Read.Shared',
    why: 'read registration mails in a shared mailbox named in the consultation, when it is shared with the signed-in person',
  },
  { scope: 'Files.ReadWrite.AppFolder', why: "the consultation document in the organiser's OneDrive app folder, nowhere else" },
  { scope: 'OnlineMeetings.Read', why: "find the meeting's chat and event from its join link" },
  { scope: 'Chat.ReadBasic', why: 'find the meeting and its event from the meeting chat Teams opens the app in' },
  { scope: 'Chat.Read', why: "read participants' written input in the meeting chat" },
  { scope: 'ChatMessage.Send', why: 'post in the meeting chat as the signed-in person' },
  { scope: 'User.Read', why: "the signed-in person's name and organisation, to highlight the agenda items they present" },
] as const satisfies readonly GraphScope[];

export const GRAPH_SCOPE_NAMES: readonly string[] = GRAPH_SCOPES.map(({ scope }) => scope);

/**
 * Permissions asked for only when the person uses the feature that needs them (incremental consent), never at
 * sign-in, so everything else works without them. The README's table lists them with the same words.
 */
export const EXTRA_GRAPH_SCOPES = [
  {
    scope: 'Mail.ReadWrite',
    why: 'create reply drafts in the official’s Drafts folder for her to send from Outlook; asked only when the official creates reply drafts',
  },
] as const satisfies readonly GraphScope[];

export interface AuthConfig {
  /** The Application (client) ID of the app registration in Microsoft Entra ID. */
  readonly clientId: string;
  /** A tenant id, a verified domain, or `organizations` (any work or school account). */
  readonly tenant: string;
  readonly authority: string;
  readonly scopes: readonly string[];
}

export const DEFAULT_TENANT = 'organizations';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

function missing(variable: string, meaning: { sv: string; en: string }): SignInError {
  return new SignInError(
    'config-missing',
    { sv: `Byggets inställning ${variable} saknas.`, en: `The build setting ${variable} is missing.` },
    {
      sv: `Sätt ${variable} till ${meaning.sv} när du bygger, till exempel ${variable}=… npm run build.`,
      en: `Set ${variable} to ${meaning.en} when building, for example ${variable}=… npm run build.`,
    },
    { detail: variable },
  );
}

function invalid(variable: string, value: string, expected: { sv: string; en: string }): SignInError {
  return new SignInError(
    'config-invalid',
    {
      sv: `Byggets inställning ${variable} är ogiltig: "${value}".`,
      en: `The build setting ${variable} is not valid: "${value}".`,
    },
    { sv: `${variable} ska vara ${expected.sv}.`, en: `${variable} must be ${expected.en}.` },
    { detail: variable },
  );
}

const CLIENT_ID_MEANING = {
  sv: 'appregistreringens program-id (klient-id) i Microsoft Entra ID',
  en: "the app registration's Application (client) ID in Microsoft Entra ID",
};

/** The configuration, or a typed error naming the variable that is missing or wrong and how to set it. */
export function readAuthConfig(env: Readonly<Record<string, string | undefined>>): AuthConfig | SignInError {
  const clientId = env['SAMRAD_CLIENT_ID']?.trim() ?? '';
  if (clientId === '') return missing('SAMRAD_CLIENT_ID', CLIENT_ID_MEANING);
  if (!GUID.test(clientId)) {
    return invalid('SAMRAD_CLIENT_ID', clientId, {
      sv: `ett GUID: ${CLIENT_ID_MEANING.sv}`,
      en: `a GUID: ${CLIENT_ID_MEANING.en}`,
    });
  }
  const tenantSetting = env['SAMRAD_TENANT']?.trim() ?? '';
  const tenant = tenantSetting === '' ? DEFAULT_TENANT : tenantSetting;
  if (tenant !== 'organizations' && tenant !== 'common' && !GUID.test(tenant) && !DOMAIN.test(tenant)) {
    return invalid('SAMRAD_TENANT', tenant, {
      sv: 'klientorganisationens id (ett GUID), en verifierad domän (t.ex. regeringskansliet.se) eller organizations',
      en: "the organisation's tenant ID (a GUID), a verified domain (e.g. contoso.onmicrosoft.com) or organizations",
    });
  }
  return {
    clientId,
    tenant,
    authority: `https://login.microsoftonline.com/${tenant}`,
    scopes: GRAPH_SCOPE_NAMES,
  };
}
