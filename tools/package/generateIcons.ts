/**
 * Writes the icons drawn by icons.ts to manifest/icons/ (`npm run icons`). The PNGs are committed, so packaging
 * needs no generation step; tests/manifest/icons.test.ts fails when they differ from what this writes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateIcons } from './icons';
import { ICONS_DIR } from './paths';

await mkdir(ICONS_DIR, { recursive: true });
for (const [file, bytes] of generateIcons()) {
  await writeFile(path.join(ICONS_DIR, file), bytes);
  process.stdout.write(`${path.relative(process.cwd(), path.join(ICONS_DIR, file))} (${bytes.length} byte/bytes)\n`);
}
