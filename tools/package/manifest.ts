/**
 * Fills manifest/manifest.json, a template, with the build-time values: `{{NAME}}` placeholders inside string
 * values are replaced; nothing else in the template changes. A placeholder the builder does not know is a typed
 * error, so a misspelt one can never reach a package.
 */
import { SamradError } from '../../src/core/errors';
import { resolveConfig, type PackageConfig, type ResolvedConfig } from './config';

export type Json = null | boolean | number | string | readonly Json[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: Json;
}

export const PLACEHOLDERS = [
  'BASE_URL',
  'ORIGIN',
  'DOMAIN',
  'APP_ID',
  'CLIENT_ID',
  'VERSION',
  'WEBSITE_URL',
  'PRIVACY_URL',
  'TERMS_OF_USE_URL',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

function placeholderValues(config: ResolvedConfig): Readonly<Record<Placeholder, string>> {
  return {
    BASE_URL: config.baseUrl,
    ORIGIN: config.origin,
    DOMAIN: config.domain,
    APP_ID: config.appId,
    CLIENT_ID: config.clientId,
    VERSION: config.version,
    WEBSITE_URL: config.websiteUrl,
    PRIVACY_URL: config.privacyUrl,
    TERMS_OF_USE_URL: config.termsOfUseUrl,
  };
}

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

function isJsonArray(value: Json): value is readonly Json[] {
  return Array.isArray(value);
}

function fill(value: Json, values: Readonly<Record<Placeholder, string>>, path: string): Json {
  if (typeof value === 'string') {
    return value.replace(/\{\{([^}]*)\}\}/g, (_match, name: string) => {
      if (isPlaceholder(name)) return values[name];
      throw new SamradError(
        'invalid-input',
        {
          sv: `Manifestmallen har en okänd platshållare {{${name}}} i ${path}.`,
          en: `The manifest template has an unknown placeholder {{${name}}} at ${path}.`,
        },
        {
          sv: `Använd en av ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`,
          en: `Use one of ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`,
        },
      );
    });
  }
  if (isJsonArray(value)) return value.map((item, i) => fill(item, values, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, values, `${path}.${key}`)]));
  }
  return value;
}

function isJsonObject(value: Json): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The manifest for one deployment: the template with every placeholder filled. Throws `PackageConfigError`. */
export function buildManifest(template: Json, config: PackageConfig): JsonObject {
  const filled = fill(template, placeholderValues(resolveConfig(config)), 'manifest');
  if (!isJsonObject(filled)) {
    throw new SamradError(
      'invalid-input',
      { sv: 'Manifestmallen är inget JSON-objekt.', en: 'The manifest template is not a JSON object.' },
      { sv: 'Återställ manifest/manifest.json.', en: 'Restore manifest/manifest.json.' },
    );
  }
  return filled;
}

/**
 * Every https address in the manifest under the base URL: the pages and images the web server must serve for the
 * package to work (Microsoft 365 fetches them; only the two app icons travel inside the zip).
 */
export function hostedUrls(manifest: Json, baseUrl: string): string[] {
  const found = new Set<string>();
  const walk = (value: Json): void => {
    if (typeof value === 'string') {
      if (value.startsWith(`${baseUrl}/`)) found.add(value);
    } else if (isJsonArray(value)) {
      value.forEach(walk);
    } else if (value !== null && typeof value === 'object') {
      Object.values(value).forEach(walk);
    }
  };
  walk(manifest);
  return [...found].sort();
}
