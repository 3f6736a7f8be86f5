/**
 * The build-time values the manifest template needs, and their checks. Every wrong value is a
 * `PackageConfigError` naming the setting, what is wrong with it and how to fix it, in Swedish and English.
 */
import { SamradError, type Bilingual } from '../../src/core/errors';

export interface PackageConfig {
  /** Where the built pages (dist/) are served, e.g. https://samrad.example.se or https://example.se/samrad. */
  readonly baseUrl: string;
  /** The app's own id in Microsoft 365 (a GUID you create once and keep for every version). */
  readonly appId: string;
  /** The Application (client) ID of the app registration in Microsoft Entra ID. */
  readonly clientId: string;
  /** The app's version, from package.json (semantic versioning). */
  readonly version: string;
  /** Optional pages of your own; by default <base>/support.html, <base>/privacy.html and <base>/terms.html. */
  readonly websiteUrl?: string;
  readonly privacyUrl?: string;
  readonly termsOfUseUrl?: string;
}

/** The checked configuration, with every value the template's placeholders take. */
export interface ResolvedConfig {
  /** No trailing slash, no query, no fragment. */
  readonly baseUrl: string;
  /** scheme://host[:port] of the base URL. */
  readonly origin: string;
  /** host[:port] of the base URL, as validDomains lists it. */
  readonly domain: string;
  readonly appId: string;
  readonly clientId: string;
  readonly version: string;
  readonly websiteUrl: string;
  readonly privacyUrl: string;
  readonly termsOfUseUrl: string;
}

export type ConfigSetting = 'baseUrl' | 'appId' | 'clientId' | 'version' | 'websiteUrl' | 'privacyUrl' | 'termsOfUseUrl';

/** The environment variable that sets each setting (the names `npm run package` reads); the version is package.json's. */
export const ENV_NAMES: Readonly<Record<Exclude<ConfigSetting, 'version'>, string>> = {
  baseUrl: 'SAMRAD_BASE_URL',
  appId: 'SAMRAD_APP_ID',
  clientId: 'SAMRAD_CLIENT_ID',
  websiteUrl: 'SAMRAD_WEBSITE_URL',
  privacyUrl: 'SAMRAD_PRIVACY_URL',
  termsOfUseUrl: 'SAMRAD_TERMS_URL',
};

export class PackageConfigError extends SamradError {
  override readonly name = 'PackageConfigError';
  readonly setting: ConfigSetting;

  constructor(setting: ConfigSetting, what: Bilingual, hint: Bilingual) {
    super('invalid-input', what, hint);
    this.setting = setting;
  }
}

/** The one address a local sideload may use: Office's developer certificates and Microsoft's NAA samples use it. */
export const LOCAL_BASE_URL = 'https://localhost:3000';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function guid(setting: 'appId' | 'clientId', value: string): string {
  const trimmed = value.trim();
  const env = ENV_NAMES[setting];
  const label: Bilingual =
    setting === 'appId'
      ? { sv: 'Appens id', en: 'The app id' }
      : { sv: 'Appregistreringens klient-id', en: 'The app registration client id' };
  const hint: Bilingual =
    setting === 'appId'
      ? {
          sv: 'Skapa ett GUID en gång (t.ex. med node -e "console.log(crypto.randomUUID())") och behåll det för alla versioner.',
          en: 'Create a GUID once (e.g. node -e "console.log(crypto.randomUUID())") and keep it for every version.',
        }
      : {
          sv: 'Kopiera "Program-ID (klient)" från appregistreringens översikt i Microsoft Entra ID, t.ex. 1b3c5d7e-…',
          en: 'Copy "Application (client) ID" from the app registration\'s overview in Microsoft Entra ID, e.g. 1b3c5d7e-…',
        };
  if (!GUID.test(trimmed)) {
    throw new PackageConfigError(
      setting,
      { sv: `${label.sv} (${env}) är inte ett GUID: "${value}".`, en: `${label.en} (${env}) is not a GUID: "${value}".` },
      hint,
    );
  }
  if (trimmed === NIL_GUID) {
    throw new PackageConfigError(
      setting,
      { sv: `${label.sv} (${env}) är noll-GUID:t, en platshållare.`, en: `${label.en} (${env}) is the nil GUID, a placeholder.` },
      hint,
    );
  }
  return trimmed.toLowerCase();
}

function httpsUrl(setting: Exclude<ConfigSetting, 'version'>, value: string): URL {
  const env = ENV_NAMES[setting];
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new PackageConfigError(
      setting,
      { sv: `${env} är ingen giltig adress: "${value}".`, en: `${env} is not a valid URL: "${value}".` },
      { sv: 'Ange en hel adress, t.ex. https://samrad.example.se.', en: 'Give a full URL, e.g. https://samrad.example.se.' },
    );
  }
  if (url.protocol !== 'https:') {
    throw new PackageConfigError(
      setting,
      {
        sv: `${env} måste börja med https:// (Microsoft 365 laddar bara sidor över https), inte "${value}".`,
        en: `${env} must start with https:// (Microsoft 365 only loads pages over https), not "${value}".`,
      },
      {
        sv: 'Publicera sidorna på en https-adress; för lokal sidladdning finns https://localhost:3000.',
        en: 'Serve the pages on an https address; for local sideloading use https://localhost:3000.',
      },
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new PackageConfigError(
      setting,
      {
        sv: `${env} innehåller användarnamn eller lösenord.`,
        en: `${env} contains a user name or password.`,
      },
      { sv: 'Ta bort dem ur adressen: manifestet är offentligt.', en: 'Remove them from the URL: the manifest is public.' },
    );
  }
  return url;
}

function resolveBaseUrl(value: string): URL {
  const url = httpsUrl('baseUrl', value);
  if (url.search !== '' || url.hash !== '') {
    throw new PackageConfigError(
      'baseUrl',
      {
        sv: `SAMRAD_BASE_URL får inte ha frågedel eller fragment: "${value}".`,
        en: `SAMRAD_BASE_URL may not have a query or fragment: "${value}".`,
      },
      {
        sv: 'Ange bara adressen till mappen där sidorna ligger, t.ex. https://example.se/samrad.',
        en: 'Give only the address of the folder that holds the pages, e.g. https://example.se/samrad.',
      },
    );
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (loopback && url.origin !== LOCAL_BASE_URL) {
    throw new PackageConfigError(
      'baseUrl',
      {
        sv: `Lokala adresser tillåts bara som ${LOCAL_BASE_URL}, inte "${value}".`,
        en: `Local addresses are allowed only as ${LOCAL_BASE_URL}, not "${value}".`,
      },
      {
        sv: `Servera sidorna på ${LOCAL_BASE_URL} för lokal sidladdning, annars på en publik https-adress.`,
        en: `Serve the pages on ${LOCAL_BASE_URL} for local sideloading, otherwise on a public https address.`,
      },
    );
  }
  if (!loopback && (!url.hostname.includes('.') || /^[\d.]+$/.test(url.hostname) || url.hostname.startsWith('['))) {
    throw new PackageConfigError(
      'baseUrl',
      {
        sv: `SAMRAD_BASE_URL måste ha ett domännamn (inte en IP-adress eller ett lokalt namn): "${value}".`,
        en: `SAMRAD_BASE_URL must have a domain name (not an IP address or a local name): "${value}".`,
      },
      {
        sv: 'Använd det domännamn sidorna publiceras på, t.ex. https://samrad.example.se.',
        en: 'Use the domain name the pages are served on, e.g. https://samrad.example.se.',
      },
    );
  }
  return url;
}

function version(value: string): string {
  if (!SEMVER.test(value)) {
    throw new PackageConfigError(
      'version',
      {
        sv: `Versionen "${value}" följer inte semantisk versionering (t.ex. 1.2.0).`,
        en: `The version "${value}" does not follow semantic versioning (e.g. 1.2.0).`,
      },
      {
        sv: 'Rätta "version" i package.json; Microsoft 365 kräver MAJOR.MINOR.PATCH.',
        en: 'Correct "version" in package.json; Microsoft 365 requires MAJOR.MINOR.PATCH.',
      },
    );
  }
  return value;
}

/** Checks every setting and works out the values the template needs. Throws `PackageConfigError`. */
export function resolveConfig(config: PackageConfig): ResolvedConfig {
  const base = resolveBaseUrl(config.baseUrl);
  const baseUrl = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
  const page = (setting: 'websiteUrl' | 'privacyUrl' | 'termsOfUseUrl', own: string | undefined, file: string): string =>
    own === undefined ? `${baseUrl}/${file}` : httpsUrl(setting, own).href;
  return {
    baseUrl,
    origin: base.origin,
    domain: base.host,
    appId: guid('appId', config.appId),
    clientId: guid('clientId', config.clientId),
    version: version(config.version),
    websiteUrl: page('websiteUrl', config.websiteUrl, 'support.html'),
    privacyUrl: page('privacyUrl', config.privacyUrl, 'privacy.html'),
    termsOfUseUrl: page('termsOfUseUrl', config.termsOfUseUrl, 'terms.html'),
  };
}
