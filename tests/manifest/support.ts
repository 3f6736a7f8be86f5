/** Shared inputs of the manifest and packaging tests: one deployment's configuration and the committed template. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PackageConfig } from '../../tools/package/config';
import type { Json, JsonObject } from '../../tools/package/manifest';
import { MANIFEST_DIR } from '../../tools/package/paths';

export const CONFIG: PackageConfig = {
  baseUrl: 'https://samrad.example.se/app/',
  appId: '3F2504E0-4F89-41D3-9A0C-0305E82C3301',
  clientId: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
  version: '1.2.3',
};

export function readJson(file: string): JsonObject {
  return JSON.parse(readFileSync(path.join(MANIFEST_DIR, file), 'utf8')) as JsonObject;
}

export const readTemplate = (): JsonObject => readJson('manifest.json');
export const readEnglish = (): JsonObject => readJson('en.json');

/**
 * A copy of a JSON document with one change at a JSON pointer (e.g. "/extensions/0/ribbons/0/contexts/0"):
 * the value set, or the property removed when the value is undefined. For tests that break a manifest on purpose.
 */
export function changed(document: JsonObject, pointer: string, value: Json | undefined): JsonObject {
  const copy = JSON.parse(JSON.stringify(document)) as JsonObject;
  const keys = pointer.split('/').slice(1);
  const last = keys.pop();
  let parent: unknown = copy;
  for (const key of keys) {
    if (typeof parent !== 'object' || parent === null) throw new Error(`No ${pointer} in the document.`);
    parent = (parent as Record<string, unknown>)[key];
  }
  if (typeof parent !== 'object' || parent === null || last === undefined) throw new Error(`No ${pointer} in the document.`);
  if (value === undefined) Reflect.deleteProperty(parent, last);
  else Reflect.set(parent, last, value);
  return copy;
}
