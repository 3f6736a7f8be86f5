/**
 * `npm run bench`: speed figures of the core, printed for people to read and compare between commits.
 * Nothing here is a test: there are no thresholds (machines differ); ratios are printed where they say more
 * than absolute times (the reconciliation must grow linearly: 100k/10k ≈ 10).
 */
import { buildForBench, printWeights } from './bundles';
import { benchFirstPaint } from './firstPaint';
import { benchImportSeed } from './importSeed';
import { benchOrganiserFace } from './organiserFace';
import { benchReconcile } from './reconcile';
import { benchStatusTable } from './statusTable';
import { benchTriage } from './triage';

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

print(`Samråd benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`);
print('');
print('Registration reconciliation');
benchReconcile(print);
print('');
print('Registration triage');
benchTriage(print);
print('');
print('Registration status table (jsdom)');
await benchStatusTable(print);
print('');
print('Invitation import');
benchImportSeed(print);
print('');
print('Graph: the organiser pane against the sandbox');
await benchOrganiserFace(print);
print('');
print('JavaScript per page (production build, from webpack stats)');
const build = await buildForBench();
try {
  printWeights(print, build);
  print('');
  print('First paint in headless Chromium');
  await benchFirstPaint(print, build);
} finally {
  build.remove();
}
