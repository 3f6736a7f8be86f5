#!/usr/bin/env node
// The `samrad` command. It runs the TypeScript sources through tsx, so `npx samrad` works right after
// `npm install`, with no build step in between.
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => readFile(path, 'utf8'),
  readStdin: () => text(process.stdin),
  now: () => Date.now(),
});
