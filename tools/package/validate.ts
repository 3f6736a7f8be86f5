/**
 * Offline validation against the JSON schemas shipped inside @microsoft/app-manifest.
 *
 * `AppManifestUtils.validateAgainstSchema(manifest, schema)` compiles the given schema with ajv and validates;
 * only when no schema is passed does it call `fetchSchema($schema)`, which may download it. So this module reads
 * the schema file itself (from the package's build/json-schemas folder, chosen by the document's `$schema`) and
 * always passes it: no network, ever. A `$schema` the package does not ship is reported as an error, not fetched.
 */
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Json, JsonObject } from './manifest';

/** The schema argument's type, taken from the package itself so that it matches the ajv version it bundles. */
type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const SCHEMA_HOST_PREFIX = 'https://developer.microsoft.com/json-schemas/teams/';

/** The folder of Teams/Microsoft 365 app schemas inside the installed @microsoft/app-manifest. */
export const SHIPPED_SCHEMAS_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')),
  'build/json-schemas/teams',
);

/** The shipped schema file for a `$schema` URL, or an error message saying why there is none. */
export function shippedSchemaFile(schemaUrl: Json | undefined): { file: string } | { error: string } {
  if (typeof schemaUrl !== 'string' || !schemaUrl.startsWith(SCHEMA_HOST_PREFIX)) {
    return {
      error: `/$schema must be ${SCHEMA_HOST_PREFIX}<version>/<file>.json to be validated offline (is ${JSON.stringify(schemaUrl ?? null)}).`,
    };
  }
  const relative = schemaUrl.slice(SCHEMA_HOST_PREFIX.length);
  const file = path.resolve(SHIPPED_SCHEMAS_DIR, relative);
  if (!file.startsWith(`${SHIPPED_SCHEMAS_DIR}${path.sep}`) || !existsSync(file)) {
    return { error: `/$schema ${schemaUrl} is not shipped by @microsoft/app-manifest, so it cannot be validated offline.` };
  }
  return { file };
}

async function readSchema(file: string): Promise<ManifestSchema> {
  const raw = await readFile(file, 'utf8');
  // Some shipped schemas spell control characters as \a and \v, which JSON does not allow; the package's own
  // loader rewrites them the same way before parsing.
  const text = raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  // The localisation schema's `activities…\b]` patterns hold a lone "]": a literal in a plain regular expression,
  // a syntax error under the `u` flag ajv 8 compiles patterns with (it throws). Escaping it matches the same strings.
  return JSON.parse(text.replaceAll('\\\\b]', '\\\\b\\\\]')) as ManifestSchema;
}

/**
 * Validates a document (the app manifest or one of its localisation files) against the shipped schema its
 * `$schema` names. Returns every problem as one line ("/path message. Details: …"); empty when valid.
 */
export async function validateAgainstShippedSchema(document: JsonObject): Promise<string[]> {
  const found = shippedSchemaFile(document.$schema);
  if ('error' in found) return [found.error];
  const schema = await readSchema(found.file);
  // The package types its argument as a manifest; a localisation file is validated the same way with its own schema.
  return AppManifestUtils.validateAgainstSchema(document as unknown as AppManifest, schema);
}

/** Validates the filled app manifest offline; returns the list of errors (empty when valid). */
export function validateManifest(manifest: JsonObject): Promise<string[]> {
  return validateAgainstShippedSchema(manifest);
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The value at a localisation key such as `extensions[0].ribbons[0].tabs[0].label`, or undefined when the manifest
 * has nothing there.
 */
export function valueAtLocalizationKey(manifest: JsonObject, key: string): Json | undefined {
  let current: Json | undefined = manifest;
  for (const segment of key.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(segment);
    if (match === null || !isObject(current)) return undefined;
    current = current[match[1] ?? ''];
    for (const index of (match[2] ?? '').match(/\d+/g) ?? []) {
      if (!Array.isArray(current)) return undefined;
      const list: readonly Json[] = current;
      current = list[Number(index)];
    }
  }
  return current;
}

/**
 * Validates a localisation file offline, and checks what the schema cannot: that each translated key points to
 * a string in the manifest (a key that points nowhere is silently ignored by Microsoft 365).
 */
export async function validateLocalization(manifest: JsonObject, localization: JsonObject, file: string): Promise<string[]> {
  const errors = (await validateAgainstShippedSchema(localization)).map((error) => `${file}: ${error}`);
  // Microsoft 365 requires a localisation file's schema version to be the manifest's.
  const manifestVersion = typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : '?';
  const schemaVersion = /\/v([^/]+)\//.exec(typeof localization.$schema === 'string' ? localization.$schema : '')?.[1];
  if (schemaVersion !== manifestVersion) {
    errors.push(`${file}: /$schema must be the same version as the manifest (v${manifestVersion}).`);
  }
  for (const key of Object.keys(localization)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    if (typeof valueAtLocalizationKey(manifest, key) !== 'string') {
      errors.push(`${file}: "${key}" names no text in manifest.json.`);
    }
  }
  return errors;
}
