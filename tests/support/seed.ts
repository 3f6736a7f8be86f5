/** The seed invitation (the real case), read the same way in every environment (node and jsdom alike). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const PROJECT_ROOT = process.cwd();
export const SEED_INVITATION_PATH = path.join(PROJECT_ROOT, 'sandbox/seed/invitation-ogp-2023-12-12.txt');

export function readSeedInvitation(): string {
  return readFileSync(SEED_INVITATION_PATH, 'utf8');
}
