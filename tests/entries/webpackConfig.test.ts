/**
 * The pages' build resolves `scheduler` to the copy React DOM runs on, so Fluent's context selector (which imports
 * it too, and was given a newer copy by npm) does not ship a second one. The copy must still be what Fluent asks
 * for: its peer range and the two functions it imports.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagesConfig } from '../../webpack.config';

const nodeRequire = createRequire(import.meta.url);

function packageDir(name: string, from?: string): string {
  return path.dirname(nodeRequire.resolve(`${name}/package.json`, from === undefined ? undefined : { paths: [from] }));
}

function version(dir: string): [number, number, number] {
  const { version: text } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  const [major, minor, patch] = text.split('.').map((part) => Number.parseInt(part, 10));
  return [major ?? Number.NaN, minor ?? Number.NaN, patch ?? Number.NaN];
}

describe('the pages’ build', () => {
  const reactDomScheduler = packageDir('scheduler', packageDir('react-dom'));

  it.each([true, false])('resolves scheduler to React DOM’s own copy (production: %s)', (production) => {
    const alias = pagesConfig(production).resolve?.alias as Record<string, string> | undefined;
    expect(alias?.['scheduler$']).toBe(reactDomScheduler);
  });

  it('gives Fluent’s context selector a scheduler in its peer range, with the functions it imports', () => {
    const selector = packageDir('@fluentui/react-context-selector', packageDir('@fluentui/react-components'));
    const manifest = JSON.parse(readFileSync(path.join(selector, 'package.json'), 'utf8')) as {
      peerDependencies?: Record<string, string>;
    };
    expect(manifest.peerDependencies?.['scheduler']).toBe('>=0.19.0');
    const [major, minor] = version(reactDomScheduler);
    expect(major > 0 || minor >= 19).toBe(true);
    const scheduler = nodeRequire(reactDomScheduler) as Record<string, unknown>;
    expect(typeof scheduler['unstable_runWithPriority']).toBe('function');
    expect(typeof scheduler['unstable_NormalPriority']).toBe('number');
  });
});
