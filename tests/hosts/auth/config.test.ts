/**
 * Build-time sign-in configuration: the client id is required (a GUID), the tenant defaults to organizations;
 * a missing or malformed variable is a typed error that names it and says how to set it, in both languages.
 * The Graph scopes requested are the delegated permissions the README's table lists, each with a reason; the one
 * asked for only when reply drafts are made (Mail.ReadWrite) is never among them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TENANT,
  EXTRA_GRAPH_SCOPES,
  GRAPH_SCOPE_NAMES,
  GRAPH_SCOPES,
  readAuthConfig,
} from '../../../src/hosts/auth/config';
import { SignInError } from '../../../src/hosts/auth/signInError';

const CLIENT_ID = '8a1c2b3d-4e5f-6071-8293-a4b5c6d7e8f9';

function error(env: Record<string, string | undefined>): SignInError {
  const result = readAuthConfig(env);
  expect(result).toBeInstanceOf(SignInError);
  return result as SignInError;
}

describe('readAuthConfig', () => {
  it('reads the client id and defaults the tenant to organizations', () => {
    expect(readAuthConfig({ SAMRAD_CLIENT_ID: CLIENT_ID })).toEqual({
      clientId: CLIENT_ID,
      tenant: DEFAULT_TENANT,
      authority: 'https://login.microsoftonline.com/organizations',
      scopes: GRAPH_SCOPE_NAMES,
    });
    expect(DEFAULT_TENANT).toBe('organizations');
  });

  it.each([
    ['72f988bf-86f1-41af-91ab-2d7cd011db47', 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47'],
    ['regeringskansliet.se', 'https://login.microsoftonline.com/regeringskansliet.se'],
    ['contoso.onmicrosoft.com', 'https://login.microsoftonline.com/contoso.onmicrosoft.com'],
    ['common', 'https://login.microsoftonline.com/common'],
    ['  ', 'https://login.microsoftonline.com/organizations'],
  ])('tenant %j → authority %s', (tenant, authority) => {
    expect(readAuthConfig({ SAMRAD_CLIENT_ID: ` ${CLIENT_ID} `, SAMRAD_TENANT: tenant })).toMatchObject({
      clientId: CLIENT_ID,
      authority,
    });
  });

  it.each([
    [{}],
    [{ SAMRAD_CLIENT_ID: '' }],
    [{ SAMRAD_CLIENT_ID: '   ' }],
    [{ SAMRAD_CLIENT_ID: undefined, SAMRAD_TENANT: 'common' }],
  ])('a missing client id (%j) is named, with how to set it', (env) => {
    const missing = error(env);
    expect(missing).toMatchObject({ reason: 'config-missing', detail: 'SAMRAD_CLIENT_ID' });
    expect(missing.what).toEqual({
      sv: 'Byggets inställning SAMRAD_CLIENT_ID saknas.',
      en: 'The build setting SAMRAD_CLIENT_ID is missing.',
    });
    expect(missing.hint.en).toMatch(/SAMRAD_CLIENT_ID=… npm run build/);
    expect(missing.hint.en).toMatch(/Application \(client\) ID/);
    expect(missing.hint.sv).toMatch(/SAMRAD_CLIENT_ID=… npm run build/);
  });

  it.each(['samrad', '8a1c2b3d4e5f60718293a4b5c6d7e8f9', `${CLIENT_ID}x`])(
    'a client id that is not a GUID (%j) is refused',
    (clientId) => {
      const invalid = error({ SAMRAD_CLIENT_ID: clientId });
      expect(invalid).toMatchObject({ reason: 'config-invalid', detail: 'SAMRAD_CLIENT_ID' });
      expect(invalid.hint.en).toMatch(/must be a GUID/);
    },
  );

  it.each(['https://login.microsoftonline.com/x', 'not a tenant', 'contoso', '-bad.example'])(
    'a malformed tenant (%j) is refused',
    (tenant) => {
      const invalid = error({ SAMRAD_CLIENT_ID: CLIENT_ID, SAMRAD_TENANT: tenant });
      expect(invalid).toMatchObject({ reason: 'config-invalid', detail: 'SAMRAD_TENANT' });
      expect(invalid.what.sv).toContain(tenant);
    },
  );
});

describe('GRAPH_SCOPES', () => {
  it('are the seven delegated permissions of the platform brief, Mail.Read.Shared and User.Read, each with a one-line reason', () => {
    expect(GRAPH_SCOPE_NAMES).toEqual([
      'Calendars.ReadWrite',
      'Mail.Read',
      'Mail.Read.Shared',
      'Files.ReadWrite.AppFolder',
      'OnlineMeetings.Read',
      'Chat.ReadBasic',
      'Chat.Read',
      'ChatMessage.Send',
      'User.Read',
    ]);
    for (const { why } of GRAPH_SCOPES) {
      expect(why.length).toBeGreaterThan(10);
      expect(why).not.toContain('\n');
    }
  });

  it('never ask for more than they need (no .All, no write to mail, no Sites, no User.Read.All)', () => {
    // User.Read is the signed-in person's own profile only; anything on other users (User.Read.All …) is refused.
    for (const scope of GRAPH_SCOPE_NAMES) {
      expect(scope).not.toMatch(/\.All$|^Mail\.ReadWrite|^Mail\.Send|^Sites\.|^User\.(?!Read$)/);
    }
  });

  it("are each listed in the README's permission table", () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('## Microsoft Graph permissions'));
    for (const scope of GRAPH_SCOPE_NAMES) expect(table).toContain(`\`${scope}\``);
  });

  it("are each in the README's permission table with the same reason, and the extra scope in its own table", () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Microsoft Graph permissions'),
      readme.indexOf('\n## ', readme.indexOf('## Microsoft Graph permissions') + 1),
    );
    const reasonIn = (scope: string): string | undefined =>
      section
        .split('\n')
        .find((line) => line.startsWith(`| \`${scope}\``))
        ?.split('|')[2]
        ?.trim();
    for (const { scope, why } of [...GRAPH_SCOPES, ...EXTRA_GRAPH_SCOPES]) expect(reasonIn(scope)).toBe(why);
    const extraTable = section.slice(section.indexOf('only when the official uses the feature'));
    for (const { scope } of EXTRA_GRAPH_SCOPES) expect(extraTable).toContain(`| \`${scope}\``);
    for (const { scope } of GRAPH_SCOPES) expect(extraTable).not.toContain(`| \`${scope}\``);
  });
});

describe('EXTRA_GRAPH_SCOPES', () => {
  it('is Mail.ReadWrite for reply drafts, asked only when the official creates them and never at sign-in', () => {
    expect(EXTRA_GRAPH_SCOPES.map(({ scope }) => scope)).toEqual(['Mail.ReadWrite']);
    const config = readAuthConfig({ SAMRAD_CLIENT_ID: CLIENT_ID });
    for (const { scope, why } of EXTRA_GRAPH_SCOPES) {
      expect(GRAPH_SCOPE_NAMES).not.toContain(scope);
      expect(config).toMatchObject({ scopes: GRAPH_SCOPE_NAMES });
      expect(why).toMatch(/asked only when the official creates reply drafts$/);
    }
  });
});
