/**
 * The unified manifest: filled from the template, validated offline against the schema shipped by
 * @microsoft/app-manifest (and never fetched), the Outlook extension and the Teams meeting app exactly as the
 * platform brief describes them, every address on https under the base URL and built or served by the web build, and
 * the English localisation file covering every text of the Swedish default.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SamradError } from '../../src/core/errors';
import { buildManifest, hostedUrls, PLACEHOLDERS, type Json, type JsonObject } from '../../tools/package/manifest';
import {
  SHIPPED_SCHEMAS_DIR,
  shippedSchemaFile,
  validateAgainstShippedSchema,
  validateLocalization,
  validateManifest,
  valueAtLocalizationKey,
} from '../../tools/package/validate';
import { MANIFEST_DIR, PROJECT_ROOT } from '../../tools/package/paths';
import { PAGES } from '../../webpack.config';
import { CONFIG, changed, readEnglish, readTemplate } from './support';

const BASE = 'https://samrad.example.se/app';

/** Fails the test run if anything tries the network: the validation must work offline. */
const fetchSpy = vi.fn(() => Promise.reject(new Error('network used')));

beforeEach(() => {
  fetchSpy.mockClear();
  vi.stubGlobal('fetch', fetchSpy);
});

afterEach(() => {
  expect(fetchSpy).not.toHaveBeenCalled();
  vi.unstubAllGlobals();
});

function filled(): JsonObject {
  return buildManifest(readTemplate(), CONFIG);
}

function at(document: Json | undefined, ...keys: Array<string | number>): Json | undefined {
  let current = document;
  for (const key of keys) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? (current as readonly Json[])[Number(key)] : (current as JsonObject)[String(key)];
  }
  return current;
}

/** The string at a path; fails the test when there is none. */
function textAt(document: Json | undefined, ...keys: Array<string | number>): string {
  const value = at(document, ...keys);
  if (typeof value !== 'string') throw new Error(`No text at ${keys.join('.')}: ${JSON.stringify(value ?? null)}`);
  return value;
}

describe('the filled manifest', () => {
  it('validates against the shipped schema with no errors, offline', async () => {
    expect(await validateManifest(filled())).toEqual([]);
  });

  it('names a schema version that is shipped with the package and has the Outlook extensions', () => {
    const manifest = filled();
    const found = shippedSchemaFile(manifest.$schema);
    expect(found).toEqual({ file: path.join(SHIPPED_SCHEMAS_DIR, 'v1.30', 'MicrosoftTeams.schema.json') });
    expect(manifest.manifestVersion).toBe('1.30');
    const schema = JSON.parse(readFileSync(path.join(SHIPPED_SCHEMAS_DIR, 'v1.30/MicrosoftTeams.schema.json'), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    expect(schema.properties).toHaveProperty('extensions');
  });

  it('has every placeholder filled with the deployment values', () => {
    const manifest = filled();
    expect(JSON.stringify(manifest)).not.toContain('{{');
    expect(manifest.id).toBe('3f2504e0-4f89-41d3-9a0c-0305e82c3301');
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.webApplicationInfo).toEqual({ id: CONFIG.clientId, resource: 'https://samrad.example.se' });
    expect(manifest.validDomains).toEqual(['samrad.example.se']);
    expect(manifest.developer).toEqual({
      name: 'Samråd',
      websiteUrl: `${BASE}/support.html`,
      privacyUrl: `${BASE}/privacy.html`,
      termsOfUseUrl: `${BASE}/terms.html`,
    });
    // Every value the builder knows is used by the template, so none is computed for nothing.
    const used = new Set(readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8').match(/\{\{\w+\}\}/g));
    expect([...used].sort()).toEqual(PLACEHOLDERS.map((name) => `{{${name}}}`).sort());
  });

  it('uses the developer pages given instead of the defaults', () => {
    const manifest = buildManifest(readTemplate(), {
      ...CONFIG,
      websiteUrl: 'https://www.example.se/samrad',
      privacyUrl: 'https://www.example.se/personuppgifter',
      termsOfUseUrl: 'https://www.example.se/villkor',
    });
    expect(at(manifest, 'developer', 'privacyUrl')).toBe('https://www.example.se/personuppgifter');
    expect(at(manifest, 'developer', 'websiteUrl')).toBe('https://www.example.se/samrad');
    expect(at(manifest, 'developer', 'termsOfUseUrl')).toBe('https://www.example.se/villkor');
  });

  it('declares the Outlook add-in exactly as the platform brief says', () => {
    const manifest = filled();
    const extensions = at(manifest, 'extensions') as readonly Json[];
    expect(extensions).toHaveLength(1);
    expect(at(extensions, 0, 'requirements')).toEqual({
      scopes: ['mail'],
      capabilities: [{ name: 'Mailbox', minVersion: '1.3' }],
    });

    const runtimes = at(extensions, 0, 'runtimes') as readonly Json[];
    expect(runtimes).toHaveLength(1);
    expect(at(runtimes, 0, 'type')).toBe('general');
    expect(at(runtimes, 0, 'lifetime')).toBe('short');
    expect(at(runtimes, 0, 'code')).toEqual({ page: `${BASE}/outlook.html?host=outlook` });
    const action = at(runtimes, 0, 'actions', 0);
    expect(at(action, 'type')).toBe('openPage');
    expect(typeof at(action, 'view')).toBe('string');

    const ribbons = at(extensions, 0, 'ribbons') as readonly Json[];
    expect(ribbons).toHaveLength(1);
    expect(at(ribbons, 0, 'contexts')).toEqual(['meetingDetailsOrganizer', 'meetingDetailsAttendee']);
    expect(at(ribbons, 0, 'tabs', 0, 'builtInTabId')).toBe('TabDefault');
    const group = at(ribbons, 0, 'tabs', 0, 'groups', 0);
    const button = at(group, 'controls', 0);
    expect(at(button, 'type')).toBe('button');
    expect(at(button, 'label')).toBe('Samråd');
    expect(at(button, 'actionId')).toBe(at(action, 'id'));
    expect(at(button, 'supertip', 'title')).toBe('Öppna Samråd');
    const icons = [16, 32, 80].map((size) => ({ size, url: `${BASE}/icons/button-${size}.png` }));
    expect(at(button, 'icons')).toEqual(icons);
    expect(at(group, 'icons')).toEqual(icons);

    expect(at(manifest, 'authorization', 'permissions', 'resourceSpecific')).toContainEqual({
      name: 'MailboxItem.ReadWrite.User',
      type: 'Delegated',
    });
  });

  it('lists what the web server must serve, and nothing outside the base URL', () => {
    expect(hostedUrls(filled(), BASE)).toEqual([
      `${BASE}/config.html?host=teams`,
      `${BASE}/icons/button-16.png`,
      `${BASE}/icons/button-32.png`,
      `${BASE}/icons/button-80.png`,
      `${BASE}/outlook.html?host=outlook`,
      `${BASE}/privacy.html`,
      `${BASE}/support.html`,
      `${BASE}/teams.html?host=teams&view=personal`,
      `${BASE}/terms.html`,
    ]);
  });

  it("has every address on https on the app's origin, under the base URL, apart from the schema it names", () => {
    const addresses: string[] = [];
    const walk = (value: Json | undefined, key: string): void => {
      if (typeof value === 'string') {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && key !== '$schema') addresses.push(value);
      } else if (Array.isArray(value)) {
        for (const item of value as readonly Json[]) walk(item, key);
      } else if (value !== null && typeof value === 'object') {
        for (const [name, item] of Object.entries(value)) walk(item, name);
      }
    };
    walk(filled(), '');
    expect(addresses.length).toBeGreaterThan(10);
    for (const address of addresses) {
      expect(new URL(address).origin, address).toBe('https://samrad.example.se');
      // webApplicationInfo.resource is the origin itself (nested app authentication); everything else is a page or file.
      if (address !== 'https://samrad.example.se') expect(address.startsWith(`${BASE}/`), address).toBe(true);
    }
  });

  it('names only pages the build makes or serves as they are', () => {
    const built = new Set(PAGES.map((page) => page.file));
    const served = new Set(readdirSync(path.join(PROJECT_ROOT, 'pages')).filter((file) => file.endsWith('.html')));
    const pages = hostedUrls(filled(), BASE)
      .map((url) => new URL(url).pathname.slice(new URL(`${BASE}/`).pathname.length))
      .filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    for (const file of pages) expect(built.has(file) || served.has(file), file).toBe(true);
  });

  it('refuses a template with an unknown placeholder, naming it and where it is', () => {
    const template = changed(readTemplate(), '/developer/websiteUrl', '{{WEBSITE}}');
    expect(() => buildManifest(template, CONFIG)).toThrow(SamradError);
    expect(() => buildManifest(template, CONFIG)).toThrow(/\{\{WEBSITE\}\} at manifest\.developer\.websiteUrl/);
  });
});

describe('the Teams meeting app', () => {
  it('has one configurable tab for meeting chats, opened through the configuration page with host=teams', () => {
    const tabs = at(filled(), 'configurableTabs') as readonly Json[];
    expect(tabs).toHaveLength(1);
    expect(at(tabs, 0, 'configurationUrl')).toBe(`${BASE}/config.html?host=teams`);
    expect(at(tabs, 0, 'canUpdateConfiguration')).toBe(true);
    // Case matters: "groupchat" is refused by Teams.
    expect(at(tabs, 0, 'scopes')).toEqual(['groupChat']);
  });

  it.each(['meetingDetailsTab', 'meetingChatTab', 'meetingSidePanel', 'meetingStage'])(
    'offers the tab in the %s context',
    (context) => {
      const contexts = at(filled(), 'configurableTabs', 0, 'context') as readonly Json[];
      expect(contexts).toContain(context);
      expect(contexts).toHaveLength(4);
    },
  );

  it('has the personal tab "Mina samråd", whose page knows from its URL that it runs in Teams', () => {
    const tabs = at(filled(), 'staticTabs') as readonly Json[];
    expect(tabs).toHaveLength(1);
    expect(at(tabs, 0, 'entityId')).toBe('my-consultations');
    expect(at(tabs, 0, 'name')).toBe('Mina samråd');
    expect(at(tabs, 0, 'scopes')).toEqual(['personal']);
    const url = new URL(textAt(tabs, 0, 'contentUrl'));
    expect(`${url.origin}${url.pathname}`).toBe(`${BASE}/teams.html`);
    expect(url.searchParams.get('host')).toBe('teams');
    expect(url.searchParams.get('view')).toBe('personal');
  });

  it('asks for sharing to the stage and Live Share in the meeting chat, delegated, beside the item permission', () => {
    expect(filled().authorization).toEqual({
      permissions: {
        resourceSpecific: [
          { name: 'MailboxItem.ReadWrite.User', type: 'Delegated' },
          { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
          { name: 'LiveShareSession.ReadWrite.Chat', type: 'Delegated' },
        ],
      },
    });
  });

  it('lets anonymous participants use the app in the meeting', () => {
    expect(filled().meetingExtensionDefinition).toEqual({ supportsAnonymousGuestUsers: true });
  });

  it("lets Teams load the pages from the app's host and names the app registration", () => {
    const manifest = filled();
    expect(manifest.validDomains).toEqual(['samrad.example.se']);
    expect(manifest.webApplicationInfo).toEqual({ id: CONFIG.clientId, resource: 'https://samrad.example.se' });
    for (const url of [
      textAt(manifest, 'configurableTabs', 0, 'configurationUrl'),
      textAt(manifest, 'staticTabs', 0, 'contentUrl'),
    ]) {
      expect(new URL(url).host).toBe('samrad.example.se');
    }
  });
});

describe('a broken manifest is reported with errors', () => {
  it.each([
    ['a required field missing', '/developer', undefined, /must have required property 'developer'/],
    [
      'a wrong context name',
      '/extensions/0/ribbons/0/contexts/1',
      'meetingDetailsParticipant',
      /\/extensions\/0\/ribbons\/0\/contexts\/1 must be equal to one of the allowed values/,
    ],
    [
      'a page over http',
      '/extensions/0/runtimes/0/code/page',
      'http://samrad.example.se/outlook.html',
      /\/extensions\/0\/runtimes\/0\/code\/page must match pattern/,
    ],
    [
      'a button without its tooltip',
      '/extensions/0/ribbons/0/tabs/0/groups/0/controls/0/supertip',
      undefined,
      /must have required property 'supertip'/,
    ],
    ['an unknown property', '/extensions/0/ribbon', [], /must NOT have additional properties/],
    ['a wrong manifest version', '/manifestVersion', '1.17', /\/manifestVersion must be equal to constant/],
    [
      'a configurable tab in the personal scope',
      '/configurableTabs/0/scopes/0',
      'personal',
      /\/configurableTabs\/0\/scopes\/0 must be equal to one of the allowed values/,
    ],
    [
      'a meeting context spelt in the wrong case',
      '/configurableTabs/0/context/2',
      'meetingSidepanel',
      /\/configurableTabs\/0\/context\/2 must be equal to one of the allowed values/,
    ],
    ['a personal tab without its id', '/staticTabs/0/entityId', undefined, /must have required property 'entityId'/],
    [
      'an anonymous-users flag that is not a boolean',
      '/meetingExtensionDefinition/supportsAnonymousGuestUsers',
      'yes',
      /supportsAnonymousGuestUsers must be boolean/,
    ],
    [
      'a permission of an unknown type',
      '/authorization/permissions/resourceSpecific/0/type',
      'User',
      /resourceSpecific\/0\/type must be equal to one of the allowed values/,
    ],
  ] as const)('%s', async (_label, pointer, value, expected) => {
    const errors = await validateManifest(changed(filled(), pointer, value));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((error) => expected.test(error))).toBe(true);
  });

  it('reports a schema the package does not ship instead of downloading it', async () => {
    const manifest = changed(
      filled(),
      '/$schema',
      'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json',
    );
    expect(await validateManifest(manifest)).toEqual([
      '/$schema https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json is not shipped by @microsoft/app-manifest, so it cannot be validated offline.',
    ]);
  });

  it.each([
    undefined,
    'https://example.se/schema.json',
    'https://developer.microsoft.com/json-schemas/teams/../../../package.json',
  ])('reports a $schema of %s as not validated offline', async (schemaUrl) => {
    const errors = await validateAgainstShippedSchema(changed(filled(), '/$schema', schemaUrl));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\/\$schema .*offline/);
  });
});

describe('the localisation', () => {
  it('is Swedish by default with an English file', () => {
    expect(filled().localizationInfo).toEqual({
      defaultLanguageTag: 'sv-se',
      additionalLanguages: [{ languageTag: 'en', file: 'en.json' }],
    });
  });

  it('validates the English file against the shipped localisation schema', async () => {
    expect(await validateLocalization(filled(), readEnglish(), 'en.json')).toEqual([]);
  });

  it('translates every text of the manifest, and only texts that exist', () => {
    const manifest = filled();
    const english = readEnglish();
    const texts = [
      'name.short',
      'name.full',
      'description.short',
      'description.full',
      'staticTabs[0].name',
      'extensions[0].runtimes[0].actions[0].displayName',
      'extensions[0].ribbons[0].tabs[0].groups[0].label',
      'extensions[0].ribbons[0].tabs[0].groups[0].controls[0].label',
      'extensions[0].ribbons[0].tabs[0].groups[0].controls[0].supertip.title',
      'extensions[0].ribbons[0].tabs[0].groups[0].controls[0].supertip.description',
    ];
    expect(
      Object.keys(english)
        .filter((key) => key !== '$schema')
        .sort(),
    ).toEqual([...texts].sort());
    for (const key of texts) expect(typeof valueAtLocalizationKey(manifest, key)).toBe('string');
    // Sentences are translated, not copied; the product name stays Samråd in both languages.
    for (const key of texts.filter((k) => /description|full|title|displayName|staticTabs/.test(k))) {
      expect(english[key]).not.toBe(valueAtLocalizationKey(manifest, key));
    }
  });

  it.each([
    [
      'a key that points nowhere',
      '/extensions[0].ribbons[0].tabs[0].groups[1].label',
      'Samråd',
      /"extensions\[0\]\.ribbons\[0\]\.tabs\[0\]\.groups\[1\]\.label" names no text/,
    ],
    [
      'a schema of another version',
      '/$schema',
      'https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.Localization.schema.json',
      /must be the same version as the manifest \(v1\.30\)/,
    ],
    [
      'a name over 30 characters',
      '/name.short',
      'Samråd för civilsamhällets organisationer',
      /\/name\.short must NOT have more than 30 characters/,
    ],
    ['a required text missing', '/description.full', undefined, /must have required property 'description\.full'/],
  ] as const)('reports %s', async (_label, pointer, value, expected) => {
    const errors = await validateLocalization(filled(), changed(readEnglish(), pointer, value), 'en.json');
    expect(errors.some((error) => expected.test(error))).toBe(true);
    expect(errors.every((error) => error.startsWith('en.json: '))).toBe(true);
  });

  it('reads localisation keys with indexes, and nothing for malformed ones', () => {
    const manifest = filled();
    expect(valueAtLocalizationKey(manifest, 'extensions[0].ribbons[0].contexts[1]')).toBe('meetingDetailsAttendee');
    expect(valueAtLocalizationKey(manifest, 'name.short')).toBe('Samråd');
    expect(valueAtLocalizationKey(manifest, 'extensions[5].runtimes[0].id')).toBeUndefined();
    expect(valueAtLocalizationKey(manifest, 'name[0]')).toBeUndefined();
    expect(valueAtLocalizationKey(manifest, 'extensions.[0]')).toBeUndefined();
  });
});
