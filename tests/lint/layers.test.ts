/**
 * The import rules and the strictness of `npm run lint`, checked with the project's real ESLint config on
 * fixture files (kept out of the normal lint run, and linted here with ignores switched off).
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string): string => `tests/lint/fixtures/src/${name}`;

let results: Map<string, string[]>;

beforeAll(async () => {
  const eslint = new ESLint({ cwd: root, ignore: false });
  const names = [
    'core/importsReact.ts',
    'core/importsOutsideCore.ts',
    'views/importsGraph.ts',
    'core/usesAny.ts',
    'core/floatingPromise.ts',
    'core/clean.ts',
  ];
  const linted = await eslint.lintFiles(names.map(fixture));
  results = new Map(
    linted.map((r) => [
      r.filePath.slice(r.filePath.indexOf('src/') + 4),
      r.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`),
    ]),
  );
}, 60_000);

describe('npm run lint', () => {
  it.each([
    ['core/importsReact.ts', 'samrad/layers', 'core imports nothing but core and zod, not react'],
    ['core/importsOutsideCore.ts', 'samrad/layers', 'core may not import cli'],
    ['views/importsGraph.ts', 'samrad/layers', 'views may not import graph'],
    ['core/usesAny.ts', '@typescript-eslint/no-explicit-any', 'Unexpected any'],
    ['core/floatingPromise.ts', '@typescript-eslint/no-floating-promises', 'Promises must be awaited'],
  ])('rejects %s (%s)', (file, rule, text) => {
    const messages = results.get(file) ?? [];
    expect(messages.some((m) => m.startsWith(`${rule}:`) && m.includes(text))).toBe(true);
  });

  it('accepts a core file that keeps the rules', () => {
    expect(results.get('core/clean.ts')).toEqual([]);
  });
});
