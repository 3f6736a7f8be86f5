/**
 * The build-time configuration: https only (with the one local allowance), real GUIDs, semantic versions; every
 * refusal a typed error naming the setting, in Swedish and English, with what to do.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SamradError } from '../../src/core/errors';
import { configFromEnv, LOCAL_DEFAULTS } from '../../tools/package/cli';
import { PackageConfigError, resolveConfig, type ConfigSetting, type PackageConfig } from '../../tools/package/config';
import { buildManifest } from '../../tools/package/manifest';
import { CONFIG, readTemplate } from './support';

function refusal(config: PackageConfig): PackageConfigError {
  try {
    resolveConfig(config);
  } catch (error) {
    if (error instanceof PackageConfigError) return error;
    throw error;
  }
  throw new Error(`Accepted: ${JSON.stringify(config)}`);
}

function expectBilingual(error: PackageConfigError, setting: ConfigSetting): void {
  expect(error).toBeInstanceOf(SamradError);
  expect(error.code).toBe('invalid-input');
  expect(error.setting).toBe(setting);
  for (const text of [error.what.sv, error.what.en, error.hint.sv, error.hint.en]) expect(text.length).toBeGreaterThan(10);
  expect(error.what.sv).not.toBe(error.what.en);
  expect(error.hint.sv).not.toBe(error.hint.en);
}

describe('the base URL', () => {
  it.each([
    ['http://samrad.example.se', /https:\/\//],
    ['ftp://samrad.example.se', /https:\/\//],
    ['samrad.example.se', /not a valid URL/],
    ['', /not a valid URL/],
    ['http://localhost:3000', /https:\/\//],
    ['https://localhost:8080', /only as https:\/\/localhost:3000/],
    ['https://localhost', /only as https:\/\/localhost:3000/],
    ['https://127.0.0.1:3000', /only as https:\/\/localhost:3000/],
    ['https://[::1]:3000', /only as https:\/\/localhost:3000/],
    ['https://samrad', /domain name/],
    ['https://10.0.0.7', /domain name/],
    ['https://user:secret@samrad.example.se', /user name or password/],
    ['https://samrad.example.se/?lang=en', /query or fragment/],
    ['https://samrad.example.se/#top', /query or fragment/],
  ])('refuses %s', (baseUrl, reason) => {
    const error = refusal({ ...CONFIG, baseUrl });
    expectBilingual(error, 'baseUrl');
    expect(error.what.en).toMatch(reason);
  });

  it('names the wrong value and how to fix it, in both languages', () => {
    const error = refusal({ ...CONFIG, baseUrl: 'http://samrad.example.se' });
    expect(error.what.sv).toContain('"http://samrad.example.se"');
    expect(error.what.en).toContain('"http://samrad.example.se"');
    expect(error.hint.sv).toContain('https');
    expect(error.message).toBe(`${error.what.en} ${error.hint.en}`);
  });

  it.each([
    ['https://localhost:3000', 'https://localhost:3000', 'localhost:3000'],
    ['https://samrad.example.se', 'https://samrad.example.se', 'samrad.example.se'],
    ['https://samrad.example.se/app/', 'https://samrad.example.se/app', 'samrad.example.se'],
    ['  https://Samrad.Example.se:8443/a/b//  ', 'https://samrad.example.se:8443/a/b', 'samrad.example.se:8443'],
    ['https://samrad.example.se:443/', 'https://samrad.example.se', 'samrad.example.se'],
  ])('accepts %s as %s on %s', (baseUrl, normalised, domain) => {
    const resolved = resolveConfig({ ...CONFIG, baseUrl });
    expect(resolved.baseUrl).toBe(normalised);
    expect(resolved.domain).toBe(domain);
  });

  it('refuses every http URL (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http'], withQueryParameters: true, withFragments: true }), (baseUrl) => {
        expect(refusal({ ...CONFIG, baseUrl }).setting).toBe('baseUrl');
      }),
      { numRuns: 200 },
    );
  });

  it('is refused by buildManifest with the typed error', () => {
    expect(() => buildManifest(readTemplate(), { ...CONFIG, baseUrl: 'http://samrad.example.se' })).toThrow(PackageConfigError);
  });
});

describe('the app id and the client id', () => {
  const bad = [
    '',
    'samrad',
    '3f2504e04f8941d39a0c0305e82c3301',
    '{3f2504e0-4f89-41d3-9a0c-0305e82c3301}',
    '3f2504e0-4f89-41d3-9a0c-0305e82c330',
    '3f2504e0-4f89-41d3-9a0c-0305e82c3301-0',
    'g3f2504e-4f89-41d3-9a0c-0305e82c3301',
    '00000000-0000-0000-0000-000000000000',
  ];

  it.each(bad)('refuses app id %j', (appId) => {
    const error = refusal({ ...CONFIG, appId });
    expectBilingual(error, 'appId');
    expect(error.what.en).toContain('SAMRAD_APP_ID');
  });

  it.each(bad)('refuses client id %j', (clientId) => {
    const error = refusal({ ...CONFIG, clientId });
    expectBilingual(error, 'clientId');
    expect(error.what.en).toContain('SAMRAD_CLIENT_ID');
    expect(error.hint.en + error.hint.sv).toMatch(/Entra ID/);
  });

  it('accepts any GUID, in lower case (property)', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.boolean(), (appId, clientId, upper) => {
        fc.pre(appId !== '00000000-0000-0000-0000-000000000000' && clientId !== '00000000-0000-0000-0000-000000000000');
        const resolved = resolveConfig({ ...CONFIG, appId: upper ? appId.toUpperCase() : appId, clientId: ` ${clientId} ` });
        expect(resolved.appId).toBe(appId.toLowerCase());
        expect(resolved.clientId).toBe(clientId.toLowerCase());
      }),
      { numRuns: 200 },
    );
  });

  it('is refused by buildManifest with the typed error', () => {
    expect(() => buildManifest(readTemplate(), { ...CONFIG, clientId: 'not-a-guid' })).toThrow(PackageConfigError);
  });
});

describe('the version and the developer pages', () => {
  it.each(['1.0', 'v1.0.0', '01.2.3', '1.2.3.4', ''])('refuses version %j', (version) => {
    expectBilingual(refusal({ ...CONFIG, version }), 'version');
  });

  it.each(['0.1.0', '1.2.3', '10.0.1-beta.2', '1.0.0+build.7'])('accepts version %s', (version) => {
    expect(resolveConfig({ ...CONFIG, version }).version).toBe(version);
  });

  it.each([
    ['websiteUrl', 'http://www.example.se'],
    ['privacyUrl', 'personuppgifter.html'],
    ['termsOfUseUrl', 'ftp://www.example.se/villkor'],
  ] as const)('refuses %s %s', (setting, value) => {
    expectBilingual(refusal({ ...CONFIG, [setting]: value }), setting);
  });
});

describe('the configuration from the environment', () => {
  const env = {
    SAMRAD_BASE_URL: 'https://samrad.example.se',
    SAMRAD_APP_ID: CONFIG.appId,
    SAMRAD_CLIENT_ID: CONFIG.clientId,
  };

  it('reads the three settings and the optional pages', () => {
    const { config, defaultsUsed } = configFromEnv(
      { ...env, SAMRAD_PRIVACY_URL: 'https://www.example.se/pu', SAMRAD_TERMS_URL: ' ' },
      '1.2.3',
      false,
    );
    expect(config).toEqual({
      baseUrl: 'https://samrad.example.se',
      appId: CONFIG.appId,
      clientId: CONFIG.clientId,
      version: '1.2.3',
      privacyUrl: 'https://www.example.se/pu',
    });
    expect(defaultsUsed).toEqual([]);
  });

  it.each(['SAMRAD_BASE_URL', 'SAMRAD_APP_ID', 'SAMRAD_CLIENT_ID'])('refuses a missing %s and points to --local', (name) => {
    const error = (() => {
      try {
        configFromEnv({ ...env, [name]: '' }, '1.2.3', false);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(PackageConfigError);
    const typed = error as PackageConfigError;
    expect(typed.what.en).toBe(`${name} is not set.`);
    expect(typed.what.sv).toBe(`${name} är inte satt.`);
    expect(typed.hint.en).toContain('--local');
  });

  it('fills only what is missing with the local defaults, and says which', () => {
    const { config, defaultsUsed } = configFromEnv({ SAMRAD_CLIENT_ID: CONFIG.clientId }, '1.2.3', true);
    expect(config).toEqual({
      baseUrl: LOCAL_DEFAULTS.baseUrl,
      appId: LOCAL_DEFAULTS.appId,
      clientId: CONFIG.clientId,
      version: '1.2.3',
    });
    expect(defaultsUsed).toEqual(['baseUrl', 'appId']);
    expect(() => resolveConfig({ ...config, clientId: LOCAL_DEFAULTS.clientId })).not.toThrow();
  });
});
