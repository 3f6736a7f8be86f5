/**
 * The `samrad` command as a process: what it prints on stdout and stderr, and its exit codes
 * (0 ok, 1 invalid input, 2 usage). Errors are one clear line each.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Consultation } from '../../src/core/consultation/schema';
import { validateConsultation } from '../../src/core/consultation/validate';
import { sampleConsultation } from '../support/consultations';
import { PROJECT_ROOT, SEED_INVITATION_PATH } from '../support/seed';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const BIN = path.join(PROJECT_ROOT, 'bin/samrad.mjs');

function samrad(args: readonly string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

let dir: string;
const file = (name: string, content: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'samrad-cli-'));
});

describe('samrad import', () => {
  it('prints the seed consultation as JSON and the review report on stderr', async () => {
    const run = await samrad(['import', SEED_INVITATION_PATH]);
    expect(run.code).toBe(0);
    const parsed = validateConsultation(JSON.parse(run.stdout) as unknown);
    expect(parsed.ok).toBe(true);
    const c = (parsed as { consultation: Consultation }).consultation;
    expect(c.start).toBe('2023-12-12T13:00:00+01:00');
    expect(c.end).toBe('2023-12-12T14:30:00+01:00');
    expect(c.agenda.parts.map((p) => p.title)).toEqual(['Information', 'Diskussion']);
    expect(run.stderr).toMatch(/^Behöver granskas \(\d+\)$/m);
  });

  it('writes the report in English with --lang en, and reads standard input for "-"', async () => {
    const { readFileSync } = await import('node:fs');
    const run = await samrad(['import', '-', '--lang', 'en'], readFileSync(SEED_INVITATION_PATH, 'utf8'));
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^Needs review \(\d+\)$/m);
  });

  it.each([
    ['an empty file', () => file('empty.txt', ''), /^samrad: Texten är tom\. .+$/],
    [
      'a missing file',
      () => path.join(dir, 'finns-inte.txt'),
      /^samrad: kan inte läsa \/ cannot read .+finns-inte\.txt \(ENOENT\)\.$/,
    ],
    [
      'a text without a date',
      () => file('nodate.txt', 'Inbjudan till samråd om vatten\n\nFinansdepartementet bjuder in.\n'),
      /^samrad: Hittade inget datum/,
    ],
  ])('exits 1 with one clear line for %s', async (_name, make, message) => {
    const run = await samrad(['import', make()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
  });
});

describe('samrad validate', () => {
  it('accepts a valid consultation', async () => {
    const run = await samrad(['validate', file('ok.json', JSON.stringify(sampleConsultation()))]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('giltigt samråd');
  });

  it('exits 1 and lists every problem, one per line', async () => {
    const broken = { ...sampleConsultation(), title: '', revision: -1 };
    const run = await samrad(['validate', file('broken.json', JSON.stringify(broken)), '--lang', 'en']);
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.filter((l) => /: title: /.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /: revision: /.test(l))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/2 problems\.$/);
  });

  it('says what is wrong in Swedish by default', async () => {
    const broken = { ...sampleConsultation(), title: '' };
    const run = await samrad(['validate', file('broken-sv.json', JSON.stringify(broken))]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken-sv\.json: title: Får inte vara tomt\.$/m);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toMatch(/1 fel\.$/);
  });

  it('exits 1 on text that is not JSON, saying so', async () => {
    const run = await samrad(['validate', file('not.json', '{ "title": ')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd()).toMatch(/^samrad: .+not\.json är inte giltig JSON/);
  });
});

describe('samrad plan', () => {
  it('prints each item with its clock times and the state of the plan', async () => {
    const run = await samrad(['plan', file('plan.json', JSON.stringify(sampleConsultation()))]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('12 december 2023 kl. 13.00–14.30 (Europe/Stockholm)');
    expect(lines).toContain('13.00–13.15  Information: Inledning (15 min)');
    expect(lines.some((l) => l.includes('Diskussion: Fråga 1 (okänd längd)'))).toBe(true);
    expect(lines).toContain('Tidsplanen saknar längder för 1 punkt');
  });

  it('prints the plan in English', async () => {
    const run = await samrad(['plan', file('plan-en.json', JSON.stringify(sampleConsultation())), '--lang', 'en']);
    expect(run.stdout).toContain('13:00–13:15  Information: Inledning (15 min)');
  });
});

describe('usage', () => {
  it.each([
    [[], /Användning \/ Usage/],
    [['fetch', 'x'], /Okänt kommando "fetch"/],
    [['import'], /import behöver en FIL/],
    [['plan', 'x.json', '--lang', 'de'], /--lang tar sv eller en/],
    [['validate', 'a.json', 'b.json'], /Oväntat argument "b.json"/],
  ])('exits 2 for %j', async (args, message) => {
    const run = await samrad(args);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(message);
  });

  it('prints help and exits 0 when asked', async () => {
    const run = await samrad(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/samrad import FILE/);
  });

  it('runs as `npx samrad` from the project', async () => {
    const { stdout } = await promisify(execFile)('npx', ['--no-install', 'samrad', 'help'], { cwd: PROJECT_ROOT });
    expect(stdout).toMatch(/samrad plan FILE/);
  });
});
