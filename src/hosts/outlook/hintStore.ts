/**
 * A small key/value store in the add-in's roaming settings (kept by Exchange with the mailbox, so it follows the
 * person between computers). The pane uses it to remember which consultation document belongs to which calendar
 * item, so it can load the event and the document in parallel the next time. It is a hint: the link extension on
 * the event stays the truth. Roaming settings hold at most 32 KB, so the store keeps the most recently set
 * entries only.
 */
import type { DocumentMemory } from '../../core/ports';
import { fromCallback } from './fromCallback';
import type { OfficeApi, OfficeRoamingSettingsApi } from './officeApi';
import { OutlookHostError } from './outlookHostError';

export interface HintStore {
  get(key: string): string | null;
  set(key: string, value: string): Promise<void>;
}

/** The one roaming setting the store uses. */
export const HINT_SETTING = 'samrad.hints';
/** About 200 bytes an entry (a REST id and a document name): 100 entries stay far below 32 KB. */
export const MAX_HINTS = 100;

type Entries = readonly (readonly [string, string])[];

function entriesOf(value: unknown): Entries {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is [string, string] =>
      Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'string',
  );
}

export function createOutlookHintStore(office: Pick<OfficeApi, 'context'>): HintStore {
  const settings: OfficeRoamingSettingsApi | undefined = office.context.roamingSettings;
  const read = (): Entries => (settings === undefined ? [] : entriesOf(settings.get(HINT_SETTING)));
  return {
    get: (key) => read().find(([name]) => name === key)?.[1] ?? null,
    set: async (key, value) => {
      if (settings === undefined) {
        throw new OutlookHostError(
          'unsupported',
          {
            sv: 'Den här versionen av Outlook har inga inställningar för tillägg.',
            en: 'This version of Outlook keeps no settings for add-ins.',
          },
          { sv: 'Samråd fungerar ändå, men läser in lite långsammare.', en: 'Samråd still works, but loads a little slower.' },
        );
      }
      const entries = [...read().filter(([name]) => name !== key), [key, value] as const].slice(-MAX_HINTS);
      settings.set(HINT_SETTING, entries);
      await fromCallback<unknown>(
        (callback) => {
          settings.saveAsync(callback);
        },
        { sv: 'Outlook sparade inte Samråds inställningar.', en: "Outlook did not save Samråd's settings." },
        {
          sv: 'Samråd fungerar ändå, men läser in lite långsammare nästa gång.',
          en: 'Samråd still works, but loads a little slower next time.',
        },
      );
    },
  };
}

/**
 * The core's DocumentMemory port over the hint store: which consultation document belongs to which calendar item.
 * The port's contract answers false when the host could not keep the hint (the next opening reads the event first
 * and nothing is lost), so a failed save becomes false here, as the port asks.
 */
export function createOutlookDocumentMemory(office: Pick<OfficeApi, 'context'>): DocumentMemory {
  const store = createOutlookHintStore(office);
  return {
    recall: (eventId) => store.get(eventId),
    remember: (eventId, documentName) =>
      store.set(eventId, documentName).then(
        () => true,
        () => false,
      ),
  };
}
