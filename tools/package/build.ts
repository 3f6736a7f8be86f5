/**
 * Builds the app package: fills the manifest template, validates it and its localisation files offline against
 * the shipped schema, checks the two app icons, and zips manifest.json, the localisation files and the icons,
 * each at the relative path the manifest gives (Microsoft 365 requires the zip to mirror those paths).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SamradError } from '../../src/core/errors';
import { resolveConfig, type PackageConfig } from './config';
import { buildManifest, hostedUrls, type Json, type JsonObject } from './manifest';
import { MANIFEST_DIR } from './paths';
import { readPngHeader } from './png';
import { validateLocalization, validateManifest } from './validate';
import { zipPackage } from './zip';

export interface BuiltPackage {
  readonly manifest: JsonObject;
  /** The zip's entries by path: manifest.json, localisation files, icons. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly zip: Uint8Array;
  /** samrad-<version>.zip */
  readonly fileName: string;
  /** The pages and images that must be served under the base URL. */
  readonly hostedUrls: readonly string[];
}

export type PackageResult =
  { readonly ok: true; readonly built: BuiltPackage } | { readonly ok: false; readonly errors: string[] };

/** The app icons Microsoft 365 requires, by manifest property, with the size in pixels it requires. */
const APP_ICON_SIZES: Readonly<Record<string, number>> = { color: 192, outline: 32, color32x32: 32 };

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

function asList(value: Json | undefined): readonly Json[] {
  return Array.isArray(value) ? (value as readonly Json[]) : [];
}

/** A relative path from the manifest that stays inside the manifest folder, or an error line. */
function packagePath(value: Json | undefined, where: string): { path: string } | { error: string } {
  if (typeof value !== 'string' || value === '') return { error: `${where} must be a relative file path.` };
  const normalised = path.posix.normalize(value);
  if (path.posix.isAbsolute(normalised) || normalised.startsWith('../') || normalised === '..' || value.includes('\\')) {
    return { error: `${where} "${value}" must be a relative path inside the package (forward slashes, no "..").` };
  }
  return { path: normalised };
}

async function readPackageFile(manifestDir: string, relative: string): Promise<Uint8Array | string> {
  try {
    return new Uint8Array(await readFile(path.join(manifestDir, ...relative.split('/'))));
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return `${relative}: cannot be read from ${manifestDir} (${code}).`;
  }
}

function parseJsonObject(bytes: Uint8Array, file: string): JsonObject | string {
  try {
    const parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Json;
    return isObject(parsed) ? parsed : `${file}: is not a JSON object.`;
  } catch (error) {
    return `${file}: is not valid UTF-8 JSON (${error instanceof Error ? error.message : String(error)}).`;
  }
}

function localizationFiles(manifest: JsonObject): Array<{ path: string } | { error: string }> {
  const info = manifest.localizationInfo;
  if (!isObject(info)) return [];
  const files = asList(info.additionalLanguages).map((language, i) =>
    packagePath(isObject(language) ? language.file : undefined, `/localizationInfo/additionalLanguages/${i}/file`),
  );
  if (info.defaultLanguageFile !== undefined)
    files.push(packagePath(info.defaultLanguageFile, '/localizationInfo/defaultLanguageFile'));
  return files;
}

/**
 * Builds the package for one deployment. Configuration mistakes throw `PackageConfigError`; everything wrong with
 * the template, its localisation files or icons is returned as a list of one-line errors.
 */
export async function buildPackage(config: PackageConfig, manifestDir: string = MANIFEST_DIR): Promise<PackageResult> {
  const templateBytes = await readPackageFile(manifestDir, 'manifest.json');
  if (typeof templateBytes === 'string') return { ok: false, errors: [templateBytes] };
  const template = parseJsonObject(templateBytes, 'manifest.json');
  if (typeof template === 'string') return { ok: false, errors: [template] };
  const resolved = resolveConfig(config);
  const manifest = buildManifest(template, config);

  const errors = (await validateManifest(manifest)).map((error) => `manifest.json: ${error}`);
  const files = new Map<string, Uint8Array>([
    ['manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`)],
  ]);

  for (const entry of localizationFiles(manifest)) {
    if ('error' in entry) {
      errors.push(`manifest.json: ${entry.error}`);
      continue;
    }
    const bytes = await readPackageFile(manifestDir, entry.path);
    const localization = typeof bytes === 'string' ? bytes : parseJsonObject(bytes, entry.path);
    if (typeof bytes === 'string' || typeof localization === 'string') {
      errors.push(typeof localization === 'string' ? localization : `${entry.path}: cannot be read.`);
      continue;
    }
    errors.push(...(await validateLocalization(manifest, localization, entry.path)));
    files.set(entry.path, bytes);
  }

  const icons = isObject(manifest.icons) ? manifest.icons : {};
  for (const [property, size] of Object.entries(APP_ICON_SIZES)) {
    if (icons[property] === undefined) continue;
    const entry = packagePath(icons[property], `/icons/${property}`);
    if ('error' in entry) {
      errors.push(`manifest.json: ${entry.error}`);
      continue;
    }
    const bytes = await readPackageFile(manifestDir, entry.path);
    if (typeof bytes === 'string') {
      errors.push(bytes);
      continue;
    }
    try {
      const header = readPngHeader(bytes);
      if (header.width !== size || header.height !== size) {
        errors.push(`${entry.path}: is ${header.width}×${header.height} pixels; icons.${property} must be ${size}×${size}.`);
      }
    } catch (error) {
      if (!(error instanceof SamradError)) throw error;
      errors.push(`${entry.path}: ${error.what.en}`);
    }
    files.set(entry.path, bytes);
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    built: {
      manifest,
      files,
      zip: zipPackage(files),
      fileName: `samrad-${resolved.version}.zip`,
      hostedUrls: hostedUrls(manifest, resolved.baseUrl),
    },
  };
}
