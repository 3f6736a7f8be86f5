/**
 * The Outlook host: Samråd's pane on a calendar item in Outlook. In the organiser's form (compose mode, the
 * manifest's `meetingDetailsOrganizer`) it can read and write the invitation body; in an attendee's copy (read
 * mode, `meetingDetailsAttendee`) it only reads. It gives the item's id in the form Microsoft Graph uses, saving a
 * new, unsaved appointment only when the user agrees (saving a new appointment sends no invitation).
 */
import type { Bilingual } from '../../core/errors';
import type { Language } from '../../core/time/format';
import { STOCKHOLM, toZonedIso } from '../../core/time/zonedTime';
import type { ExtraScopes, Host } from '../host';
import { fromCallback } from './fromCallback';
import type { AsyncCallback, OfficeApi, OfficeBodyApi, OfficeItemApi, OfficeMailboxApi, OfficeTimeApi } from './officeApi';
import { OutlookHostError, isOutlookHostError } from './outlookHostError';
import { readOfficeTheme, type OfficeThemeColors } from './theme';

export type OutlookMode = 'organizer' | 'attendee';

export interface ItemIdOptions {
  /**
   * Asked only when the organiser's appointment is new and unsaved: the view explains that Samråd must save it
   * to the calendar to link the consultation to it, and that saving sends no invitation. True saves it.
   */
  readonly confirmSave: () => Promise<boolean>;
}

export interface OutlookHost extends Host {
  readonly kind: 'outlook';
  readonly mode: OutlookMode;
  /** The signed-in mailbox's address, lower-cased; null when Outlook does not say. Keys what is kept on the device. */
  readonly userEmail: string | null;
  /** Where Graph is. */
  readonly graphBaseUrl: string;
  /** The calendar item's id as Microsoft Graph knows it (REST v2.0 form). */
  getItemRestId(options: ItemIdOptions): Promise<string>;
  /** The invitation body being edited, as HTML (organiser only). */
  getBodyHtml(): Promise<string>;
  /** Replaces the invitation body being edited (organiser only); Outlook sends it when the organiser sends. */
  setBodyHtml(html: string): Promise<void>;
  /** The meeting's start and end in the organiser's form (even unsaved), ISO 8601 with the Stockholm offset. */
  getComposeTimes(): Promise<{ readonly start: string; readonly end: string }>;
  /** Office's body colours, or null when this Outlook gives none. */
  officeTheme(): OfficeThemeColors | null;
  /** Permissions beyond sign-in (reply drafts' Mail.ReadWrite), when the sign-in can ask for them; else null. */
  readonly extraScopes: ExtraScopes | null;
}

export interface OutlookHostOptions {
  /** Graph tokens for the signed-in person (src/hosts/auth), and further permissions when the sign-in offers them. */
  readonly tokens: { getToken(): Promise<string>; readonly extraScopes?: ExtraScopes };
  readonly graphBaseUrl?: string;
}

/** Outlook on iOS and Android hand out REST ids already, and do not implement convertToRestId. */
const MOBILE_HOST_NAMES: ReadonlySet<string> = new Set(['OutlookIOS', 'OutlookAndroid']);

const OPEN_MEETING: Bilingual = {
  sv: 'Öppna ett möte i kalendern i Outlook och välj Samråd igen.',
  en: 'Open a meeting in the Outlook calendar and choose Samråd again.',
};

export function languageOfDisplayLanguage(displayLanguage: string): Language {
  return /^sv(?:-|$)/i.test(displayLanguage) ? 'sv' : 'en';
}

type OpenedItem =
  | { readonly mode: 'organizer'; readonly item: OfficeItemApi; readonly save: (callback: AsyncCallback<string>) => void }
  | { readonly mode: 'attendee'; readonly item: OfficeItemApi; readonly itemId: string };

function opened(item: OfficeItemApi): OpenedItem | null {
  // Only the compose form has saveAsync; only the read form has itemId.
  const save = item.saveAsync;
  if (typeof save === 'function') return { mode: 'organizer', item, save: (callback) => save.call(item, callback) };
  if (typeof item.itemId === 'string') return { mode: 'attendee', item, itemId: item.itemId };
  return null;
}

function openItem(office: OfficeApi): { mailbox: OfficeMailboxApi; opened: OpenedItem } {
  const mailbox = office.context.mailbox;
  if (mailbox === undefined) {
    throw new OutlookHostError(
      'not-in-outlook',
      {
        sv: 'Office gav ingen brevlåda: tillägget körs inte i Outlook.',
        en: 'Office gave no mailbox: the add-in is not running in Outlook.',
      },
      OPEN_MEETING,
    );
  }
  const item = mailbox.item;
  if (item === undefined || item === null) {
    throw new OutlookHostError(
      'no-item',
      { sv: 'Outlook har inget möte öppet.', en: 'Outlook has no meeting open.' },
      OPEN_MEETING,
    );
  }
  const openedItem = opened(item);
  if (item.itemType !== office.MailboxEnums.ItemType.Appointment || openedItem === null) {
    throw new OutlookHostError(
      'unsupported',
      { sv: 'Samråd öppnas på ett möte, inte på ett meddelande.', en: 'Samråd opens on a meeting, not on a message.' },
      OPEN_MEETING,
    );
  }
  return { mailbox, opened: openedItem };
}

function isItemNotSaved(error: unknown): boolean {
  return isOutlookHostError(error, 'callback-failed') && error.office?.name === 'ItemNotSaved';
}

export function createOutlookHost(office: OfficeApi, options: OutlookHostOptions): OutlookHost {
  const { mailbox, opened: openedItem } = openItem(office);
  const { item, mode } = openedItem;

  const toRestId = (id: string): string => {
    if (MOBILE_HOST_NAMES.has(mailbox.diagnostics.hostName)) return id;
    try {
      return mailbox.convertToRestId(id, office.MailboxEnums.RestVersion.v2_0);
    } catch (cause) {
      throw new OutlookHostError(
        'unsupported',
        {
          sv: 'Outlook kunde inte översätta mötets id till Microsoft Graphs form.',
          en: "Outlook could not convert the meeting's id to Microsoft Graph's form.",
        },
        {
          sv: 'Uppdatera Outlook eller öppna mötet i Outlook på webben.',
          en: 'Update Outlook or open the meeting in Outlook on the web.',
        },
        { cause },
      );
    }
  };

  const getItemIdAsync = (): Promise<string> => {
    const invoke = item.getItemIdAsync;
    if (invoke === undefined) {
      return Promise.reject(
        new OutlookHostError(
          'unsupported',
          {
            sv: 'Den här versionen av Outlook kan inte ge mötets id (kräver Mailbox 1.8).',
            en: "This version of Outlook cannot give the meeting's id (it needs Mailbox 1.8).",
          },
          {
            sv: 'Uppdatera Outlook eller öppna mötet i Outlook på webben.',
            en: 'Update Outlook or open the meeting in Outlook on the web.',
          },
        ),
      );
    }
    return fromCallback<string>(
      (callback) => {
        invoke.call(item, callback);
      },
      { sv: 'Outlook gav inte mötets id.', en: "Outlook did not give the meeting's id." },
    );
  };

  const saveItem = (save: (callback: AsyncCallback<string>) => void): Promise<string> =>
    fromCallback<string>(
      save,
      { sv: 'Outlook kunde inte spara mötet.', en: 'Outlook could not save the meeting.' },
      {
        sv: 'Spara mötet själv i Outlook (inga inbjudningar skickas) och öppna Samråd igen.',
        en: 'Save the meeting yourself in Outlook (no invitations are sent) and open Samråd again.',
      },
    );

  const organiserItemId = async (
    save: (callback: AsyncCallback<string>) => void,
    { confirmSave }: ItemIdOptions,
  ): Promise<string> => {
    try {
      return await getItemIdAsync();
    } catch (error) {
      if (!isItemNotSaved(error)) throw error;
    }
    if (!(await confirmSave())) {
      throw new OutlookHostError(
        'save-refused',
        {
          sv: 'Mötet är inte sparat, så Samråd kan inte koppla samrådet till det.',
          en: 'The meeting is not saved, so Samråd cannot link the consultation to it.',
        },
        {
          sv: 'Spara mötet (inga inbjudningar skickas förrän du skickar det) och öppna Samråd igen.',
          en: 'Save the meeting (no invitations are sent until you send it) and open Samråd again.',
        },
      );
    }
    // Office's value is untyped at run time: some clients answer an empty value for a saved appointment.
    const saved: unknown = await saveItem(save);
    if (typeof saved === 'string' && saved !== '') return saved;
    try {
      return await getItemIdAsync();
    } catch (error) {
      if (!isItemNotSaved(error)) throw error;
      // Cached mode: the item is saved locally and reaches the server a little later.
      throw new OutlookHostError(
        'item-not-saved',
        { sv: 'Mötet är sparat men har ännu inget id.', en: 'The meeting is saved but has no id yet.' },
        {
          sv: 'Vänta en stund medan Outlook synkroniserar och försök igen.',
          en: 'Wait a moment while Outlook synchronises, and try again.',
        },
        { office: error instanceof OutlookHostError ? error.office : null },
      );
    }
  };

  const attendeeItemId = (id: string): Promise<string> => {
    return id !== ''
      ? Promise.resolve(id)
      : Promise.reject(
          new OutlookHostError('no-item', { sv: 'Mötet har inget id.', en: 'The meeting has no id.' }, OPEN_MEETING),
        );
  };

  let restId: Promise<string> | null = null;
  const getItemRestId = (idOptions: ItemIdOptions): Promise<string> => {
    // Asked once per pane: a saved appointment keeps its id. A failure is not kept, so the view can ask again.
    restId ??= (openedItem.mode === 'organizer' ? organiserItemId(openedItem.save, idOptions) : attendeeItemId(openedItem.itemId))
      .then(toRestId)
      .catch((error: unknown) => {
        restId = null;
        throw error;
      });
    return restId;
  };

  const composeBody = (): OfficeBodyApi => {
    if (mode !== 'organizer' || item.body === undefined) {
      throw new OutlookHostError(
        'unsupported',
        {
          sv: 'Inbjudans text kan bara ändras av mötets organisatör.',
          en: "Only the meeting's organiser can change the invitation's text.",
        },
        {
          sv: 'Öppna mötet som organisatör i Outlook för att publicera dagordningen.',
          en: 'Open the meeting as its organiser in Outlook to publish the agenda.',
        },
      );
    }
    return item.body;
  };

  return {
    kind: 'outlook',
    language: languageOfDisplayLanguage(office.context.displayLanguage),
    mode,
    userEmail: office.context.mailbox?.userProfile?.emailAddress.trim().toLowerCase() || null,
    graphBaseUrl: options.graphBaseUrl ?? 'https://graph.microsoft.com/v1.0',
    getAccessToken: () => options.tokens.getToken(),
    getItemRestId,
    getBodyHtml: async () => {
      const body = composeBody();
      return fromCallback<string>(
        (callback) => {
          body.getAsync(office.CoercionType.Html, callback);
        },
        { sv: 'Outlook gav inte inbjudans text.', en: "Outlook did not give the invitation's text." },
      );
    },
    setBodyHtml: async (html) => {
      const body = composeBody();
      await fromCallback<unknown>(
        (callback) => {
          body.setAsync(html, { coercionType: office.CoercionType.Html }, callback);
        },
        {
          sv: 'Outlook kunde inte skriva in dagordningen i inbjudan.',
          en: 'Outlook could not write the agenda into the invitation.',
        },
      );
    },
    getComposeTimes: async () => {
      const item = office.context.mailbox?.item;
      const read = async (time: OfficeTimeApi | Date | undefined, which: 'start' | 'end'): Promise<string> => {
        if (time === undefined) {
          throw new OutlookHostError(
            'unsupported',
            {
              sv: `Outlook gav inte mötets ${which === 'start' ? 'starttid' : 'sluttid'}.`,
              en: `Outlook did not give the meeting's ${which} time.`,
            },
            { sv: 'Öppna Samråd från ett möte i kalendern.', en: 'Open Samråd from a meeting in the calendar.' },
          );
        }
        const date =
          time instanceof Date
            ? time
            : await fromCallback<Date>(
                (callback) => {
                  time.getAsync(callback);
                },
                { sv: 'Outlook gav inte mötets tid.', en: "Outlook did not give the meeting's time." },
              );
        return toZonedIso(date.getTime(), STOCKHOLM);
      };
      return { start: await read(item?.start, 'start'), end: await read(item?.end, 'end') };
    },
    officeTheme: () => readOfficeTheme(office),
    extraScopes: options.tokens.extraScopes ?? null,
  };
}
