/** Where the packaging tool finds the project's files, from its own location (so it runs from any folder). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MANIFEST_DIR = path.join(PROJECT_ROOT, 'manifest');
export const ICONS_DIR = path.join(MANIFEST_DIR, 'icons');
export const DEFAULT_OUT_DIR = path.join(PROJECT_ROOT, 'dist/package');
