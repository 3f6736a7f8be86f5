/**
 * The roaming-settings hint store: which consultation document belongs to which calendar item, kept with the
 * mailbox. Set saves through roamingSettings.saveAsync (a failure is typed); the store keeps the most recent
 * entries only, so it stays far below the 32 KB roaming settings allow.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createOutlookDocumentMemory,
  createOutlookHintStore,
  HINT_SETTING,
  MAX_HINTS,
} from '../../../src/hosts/outlook/hintStore';
import { OutlookHostError } from '../../../src/hosts/outlook/outlookHostError';
import { failed, officeMock } from './officeMock';

describe('the hint store', () => {
  it('knows nothing at first, then what was set, saved with the mailbox', async () => {
    const { office, calls, settings } = officeMock();
    const store = createOutlookHintStore(office);
    expect(store.get('AAMk-event-1')).toBeNull();
    await store.set('AAMk-event-1', 'samrad-2023-12-12');
    expect(store.get('AAMk-event-1')).toBe('samrad-2023-12-12');
    expect(calls).toEqual(['roamingSettings.saveAsync']);
    expect(settings.get(HINT_SETTING)).toEqual([['AAMk-event-1', 'samrad-2023-12-12']]);
    // A new pane (a new store over the same roaming settings) reads it back.
    expect(createOutlookHintStore(office).get('AAMk-event-1')).toBe('samrad-2023-12-12');
  });

  it('replaces a key rather than adding it twice', async () => {
    const { office, settings } = officeMock();
    const store = createOutlookHintStore(office);
    await store.set('a', '1');
    await store.set('b', '2');
    await store.set('a', '3');
    expect(store.get('a')).toBe('3');
    expect(settings.get(HINT_SETTING)).toEqual([
      ['b', '2'],
      ['a', '3'],
    ]);
  });

  it(`keeps the ${MAX_HINTS} most recently set entries, and stays small`, async () => {
    const { office, settings } = officeMock();
    const store = createOutlookHintStore(office);
    for (let index = 0; index <= MAX_HINTS; index += 1) {
      await store.set(`AAMkAGI2TG93AAA-${'x'.repeat(140)}-${index}`, `samrad-consultation-${index}`);
    }
    expect(store.get(`AAMkAGI2TG93AAA-${'x'.repeat(140)}-0`)).toBeNull();
    expect(store.get(`AAMkAGI2TG93AAA-${'x'.repeat(140)}-1`)).toBe('samrad-consultation-1');
    expect(store.get(`AAMkAGI2TG93AAA-${'x'.repeat(140)}-${MAX_HINTS}`)).toBe(`samrad-consultation-${MAX_HINTS}`);
    expect(JSON.stringify(settings.get(HINT_SETTING)).length).toBeLessThan(32 * 1024);
  });

  it('gives back what was last set for any keys and values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 20 }), async (writes) => {
        const store = createOutlookHintStore(officeMock().office);
        for (const [key, value] of writes) await store.set(key, value);
        const last = new Map(writes);
        for (const [key, value] of last) expect(store.get(key)).toBe(value);
      }),
      { numRuns: 50 },
    );
  });

  it('ignores a setting it does not recognise (written by an older version, or edited)', () => {
    const { office, settings } = officeMock();
    settings.set(HINT_SETTING, { 'AAMk-1': 'doc' });
    expect(createOutlookHintStore(office).get('AAMk-1')).toBeNull();
    settings.set(HINT_SETTING, [['AAMk-1', 7], 'junk', ['AAMk-2', 'doc-2']]);
    expect(createOutlookHintStore(office).get('AAMk-1')).toBeNull();
    expect(createOutlookHintStore(office).get('AAMk-2')).toBe('doc-2');
  });

  it('reports a failed save as a typed error with Office details', async () => {
    const { office } = officeMock({
      roamingSaveResult: failed(9030, 'SettingsSaveError', 'Roaming settings could not be saved.'),
    });
    const error = await createOutlookHintStore(office)
      .set('a', 'b')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutlookHostError);
    expect(error).toMatchObject({
      reason: 'callback-failed',
      what: { sv: 'Outlook sparade inte Samråds inställningar.', en: "Outlook did not save Samråd's settings." },
      office: { code: 9030, name: 'SettingsSaveError' },
    });
  });

  it('without roaming settings: knows nothing, and says why it cannot remember', async () => {
    const { office } = officeMock();
    const store = createOutlookHintStore({ context: { ...office.context, roamingSettings: undefined } });
    expect(store.get('a')).toBeNull();
    await expect(store.set('a', 'b')).rejects.toMatchObject({ reason: 'unsupported' });
  });
});

describe("the core's DocumentMemory over roaming settings", () => {
  it('recalls what it remembered, and answers true when Outlook kept it', async () => {
    const { office } = officeMock();
    const memory = createOutlookDocumentMemory(office);
    expect(memory.recall('AAMk-1')).toBeNull();
    await expect(memory.remember('AAMk-1', 'samrad-2023-12-12')).resolves.toBe(true);
    expect(memory.recall('AAMk-1')).toBe('samrad-2023-12-12');
  });

  it('answers false when Outlook could not save it, as the port asks', async () => {
    const memory = createOutlookDocumentMemory(officeMock({ roamingSaveResult: failed(9030, 'SettingsSaveError') }).office);
    await expect(memory.remember('AAMk-1', 'doc')).resolves.toBe(false);
  });
});
