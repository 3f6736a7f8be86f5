/**
 * The app package: exactly manifest.json, the English localisation file and the two app icons, at the paths the
 * manifest gives; the same bytes on every build and in every time zone; and `npm run package` as a process with
 * its exit codes (0 written, 1 invalid package, 2 wrong configuration).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, type BuiltPackage } from '../../tools/package/build';
import { LOCAL_DEFAULTS } from '../../tools/package/cli';
import { PackageConfigError } from '../../tools/package/config';
import { encodePng } from '../../tools/package/png';
import { buildManifest } from '../../tools/package/manifest';
import { MANIFEST_DIR, PROJECT_ROOT } from '../../tools/package/paths';
import { CONFIG, changed, readTemplate } from './support';

const EXPECTED_FILES = ['en.json', 'icons/color.png', 'icons/outline.png', 'manifest.json'];

async function built(config = CONFIG, manifestDir = MANIFEST_DIR): Promise<BuiltPackage> {
  const result = await buildPackage(config, manifestDir);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.built;
}

/** A copy of manifest/ to break on purpose. */
function manifestCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'samrad-manifest-'));
  cpSync(MANIFEST_DIR, dir, { recursive: true });
  return dir;
}

describe('the package', () => {
  it('holds exactly the manifest, the localisation file and the two app icons', async () => {
    const pkg = await built();
    const entries = unzipSync(pkg.zip);
    expect(Object.keys(entries).sort()).toEqual(EXPECTED_FILES);
    expect([...pkg.files.keys()].sort()).toEqual(EXPECTED_FILES);
    expect(pkg.fileName).toBe('samrad-1.2.3.zip');
  });

  it("has buildManifest's output as manifest.json and the committed files unchanged", async () => {
    const entries = unzipSync((await built()).zip);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as unknown;
    expect(manifest).toEqual(buildManifest(readTemplate(), CONFIG));
    for (const file of ['en.json', 'icons/color.png', 'icons/outline.png']) {
      expect(Buffer.from(entries[file] ?? new Uint8Array(0)).equals(readFileSync(path.join(MANIFEST_DIR, file)))).toBe(true);
    }
  });

  describe('reproducibility', () => {
    const zone = process.env.TZ;
    afterEach(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });

    it('is the same bytes on every build, in every time zone', async () => {
      process.env.TZ = 'Europe/Stockholm';
      const first = (await built()).zip;
      const second = (await built()).zip;
      process.env.TZ = 'America/Los_Angeles';
      const elsewhere = (await built()).zip;
      process.env.TZ = 'Pacific/Kiritimati';
      const farther = (await built()).zip;
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
      expect(Buffer.from(elsewhere).equals(Buffer.from(first))).toBe(true);
      expect(Buffer.from(farther).equals(Buffer.from(first))).toBe(true);
    });
  });

  it('differs when the deployment differs', async () => {
    const other = await built({ ...CONFIG, baseUrl: 'https://samrad.example.org' });
    expect(Buffer.from(other.zip).equals(Buffer.from((await built()).zip))).toBe(false);
  });

  it('lists the pages and images the web server must serve', async () => {
    expect((await built()).hostedUrls).toEqual(
      expect.arrayContaining([
        'https://samrad.example.se/app/outlook.html?host=outlook',
        'https://samrad.example.se/app/config.html?host=teams',
        'https://samrad.example.se/app/teams.html?host=teams&view=personal',
      ]),
    );
  });

  it('refuses a wrong configuration with the typed error', async () => {
    await expect(buildPackage({ ...CONFIG, baseUrl: 'http://samrad.example.se' })).rejects.toBeInstanceOf(PackageConfigError);
  });

  it('lists every problem of a broken template, its localisation file and icons', async () => {
    const dir = manifestCopy();
    const template = changed(readTemplate(), '/extensions/0/ribbons/0/contexts/0', 'meetingOrganizer');
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(template));
    writeFileSync(
      path.join(dir, 'en.json'),
      JSON.stringify({
        $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json',
        'name.short': 'Samråd',
      }),
    );
    writeFileSync(path.join(dir, 'icons/outline.png'), encodePng({ width: 16, height: 16, rgba: new Uint8Array(16 * 16 * 4) }));
    const result = await buildPackage(CONFIG, dir);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^manifest\.json: \/extensions\/0\/ribbons\/0\/contexts\/0 must be equal to one of the allowed values/,
        ),
        expect.stringMatching(/^en\.json: .*must have required property 'description\.short'/),
        'icons/outline.png: is 16×16 pixels; icons.outline must be 32×32.',
      ]),
    );
  });

  it.each([
    ['a missing icon', '/icons/color', 'icons/colour.png', /^icons\/colour\.png: cannot be read/],
    ['a path outside the package', '/icons/outline', '../outline.png', /must be a relative path inside the package/],
    ['a missing localisation file', '/localizationInfo/additionalLanguages/0/file', 'sv.json', /^sv\.json: cannot be read/],
  ] as const)('reports %s', async (_label, pointer, value, expected) => {
    const dir = manifestCopy();
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(changed(readTemplate(), pointer, value)));
    const result = await buildPackage(CONFIG, dir);
    expect(result.ok ? [] : result.errors).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it('reports a template that is not JSON', async () => {
    const dir = manifestCopy();
    writeFileSync(path.join(dir, 'manifest.json'), '{ "manifestVersion": ');
    const result = await buildPackage(CONFIG, dir);
    expect(result.ok ? [] : result.errors).toEqual([expect.stringMatching(/^manifest\.json: is not valid UTF-8 JSON/)]);
  });
});

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run package` as a process, with only the given SAMRAD_* variables. */
function runPackage(args: readonly string[], env: Record<string, string>): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SAMRAD_')));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/package/main.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...clean, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('npm run package, as a process', () => {
  const env = { SAMRAD_BASE_URL: CONFIG.baseUrl, SAMRAD_APP_ID: CONFIG.appId, SAMRAD_CLIENT_ID: CONFIG.clientId };
  const version = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  let out: string;
  let runs: Record<'ok' | 'http' | 'unset' | 'usage' | 'invalid' | 'local', Run>;

  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'samrad-package-'));
    const broken = manifestCopy();
    writeFileSync(path.join(broken, 'manifest.json'), JSON.stringify(changed(readTemplate(), '/developer', undefined)));
    const [ok, http, unset, usage, invalid, local] = await Promise.all([
      runPackage(['--out', out], env),
      runPackage(['--out', out], { ...env, SAMRAD_BASE_URL: 'http://samrad.example.se' }),
      runPackage(['--out', out], { SAMRAD_APP_ID: CONFIG.appId }),
      runPackage(['--out'], env),
      runPackage(['--out', path.join(out, 'invalid'), '--manifest-dir', broken], env),
      runPackage(['--out', out, '--local'], {}),
    ]);
    runs = { ok, http, unset, usage, invalid, local };
  }, 60_000);

  it('writes samrad-<version>.zip and exits 0', async () => {
    expect(runs.ok.stderr).toBe('');
    expect(runs.ok.code).toBe(0);
    const zip = path.join(out, `samrad-${version}.zip`);
    expect(runs.ok.stdout).toContain(`samrad-${version}.zip`);
    expect(runs.ok.stdout).toContain('https://samrad.example.se/app/outlook.html?host=outlook');
    expect(runs.ok.stdout).toContain('https://samrad.example.se/app/config.html?host=teams');
    expect(runs.ok.stdout).toContain('https://samrad.example.se/app/teams.html?host=teams&view=personal');
    const expected = await built({ ...CONFIG, version });
    expect(readFileSync(zip).equals(Buffer.from(expected.zip))).toBe(true);
  });

  it('exits 2 with one bilingual line for an http base URL', () => {
    expect(runs.http.code).toBe(2);
    const lines = runs.http.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^package: SAMRAD_BASE_URL måste börja med https:\/\/.* \/ SAMRAD_BASE_URL must start with https:\/\//,
    );
    expect(runs.http.stdout).toBe('');
  });

  it('exits 2 when a setting is missing, pointing to --local', () => {
    expect(runs.unset.code).toBe(2);
    expect(runs.unset.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/SAMRAD_BASE_URL är inte satt\..* \/ SAMRAD_BASE_URL is not set\..*--local/),
    ]);
  });

  it('exits 2 on wrong usage', () => {
    expect(runs.usage.code).toBe(2);
    expect(runs.usage.stderr.trim()).toBe('package: --out behöver en mapp. / --out needs a folder. (npm run package -- --help)');
  });

  it('exits 1 and lists the errors when the manifest is invalid, writing nothing new', () => {
    expect(runs.invalid.code).toBe(1);
    const lines = runs.invalid.stderr.trimEnd().split('\n');
    expect(lines).toContain(
      'package: manifest.json:  must have required property \'developer\'. Details: {"missingProperty":"developer"}',
    );
    expect(existsSync(path.join(out, 'invalid'))).toBe(false);
    expect(lines.at(-1)).toMatch(
      /^package: paketet är ogiltigt \(\d+ fel\), inget skrevs \/ the package is invalid \(\d+ errors\), nothing was written\.$/,
    );
  });

  it('marks a local try-out as such, with its defaults, in the output and the file name', () => {
    expect(runs.local.code).toBe(0);
    for (const value of Object.values(LOCAL_DEFAULTS))
      expect(runs.local.stderr).toContain(`=${value} (inte för en klientorganisation / not for a tenant)`);
    expect(runs.local.stderr).toMatch(
      /^package: LOKALT PROV, standardvärde \/ LOCAL TRY-OUT, default value: SAMRAD_BASE_URL=https:\/\/localhost:3000/m,
    );
    expect(existsSync(path.join(out, `samrad-${version}-local.zip`))).toBe(true);
  });
});
