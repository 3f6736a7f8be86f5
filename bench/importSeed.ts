/**
 * How fast the invitation importer reads the real case (the Ministry of Finance's OGP invitation, as extracted
 * from its PDF). The add-in imports one invitation at a time, so the figure that matters is the time of one
 * import; the fuzz test bounds the slowest input, this measures the typical one. Prints figures only.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { importInvitation } from '../src/core/invitation';

const SEED = new URL('../sandbox/seed/invitation-ogp-2023-12-12.txt', import.meta.url);
const WARM_UP = 100;
const RUNS = 1_000;

export function benchImportSeed(print: (line: string) => void): void {
  const text = readFileSync(SEED, 'utf8');
  // Let the JIT compile the importer's hot paths before measuring.
  for (let i = 0; i < WARM_UP; i += 1) importInvitation(text);
  const started = performance.now();
  for (let i = 0; i < RUNS; i += 1) importInvitation(text);
  const total = performance.now() - started;
  print(
    `  seed invitation (${text.length} characters), ${RUNS} imports: ${total.toFixed(0)} ms, ${(total / RUNS).toFixed(3)} ms per import`,
  );
}
