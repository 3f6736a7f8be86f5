/// <reference types="office-js" />
/**
 * Office namespaces for tests, built with office-addin-mock from plain data (host "outlook", so properties need
 * no load/sync). Async Office methods are functions in the data that answer the way office.js does at run time:
 * `{ status: 'succeeded', value }` or `{ status: 'failed', error: { code, name, message } }`. Every call is
 * recorded in `calls`.
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { OfficeApi } from '../../../src/hosts/outlook/officeApi';

export interface OfficeResult {
  readonly status: 'succeeded' | 'failed';
  readonly value?: unknown;
  readonly error?: { readonly code: number; readonly name: string; readonly message: string };
}

export const ok = (value?: unknown): OfficeResult => ({ status: 'succeeded', value });
export const failed = (code: number, name: string, message = `${name} (mock)`): OfficeResult => ({
  status: 'failed',
  error: { code, name, message },
});

/** office.js's run-time enum values (the strings, not @types/office-js's numbers). */
export const ENUMS = {
  HostType: { Outlook: 'Outlook', Word: 'Word' },
  CoercionType: { Html: 'html', Text: 'text' },
  EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  MailboxEnums: { RestVersion: { v2_0: 'v2.0' }, ItemType: { Appointment: 'appointment', Message: 'message' } },
};

type Callback = (result: OfficeResult) => void;

export interface MockOptions {
  readonly mode?: 'organizer' | 'attendee';
  readonly displayLanguage?: string;
  readonly hostName?: string;
  /** Organiser: whether the appointment is already saved on the server. */
  readonly saved?: boolean;
  /** Organiser: what saveAsync answers (default: success with the new id). */
  readonly saveResult?: OfficeResult;
  readonly body?: string;
  readonly theme?: { bodyBackgroundColor: string; bodyForegroundColor: string };
  readonly onReady?: () => Promise<{ host: string | null; platform: string | null }>;
  readonly roamingSaveResult?: OfficeResult;
  readonly nestedAppAuth?: boolean;
  readonly item?: Record<string, unknown> | null;
  readonly displayDialogAsync?: (url: string, options: unknown, callback: Callback) => void;
}

export interface OfficeMock {
  readonly office: OfficeApi;
  readonly calls: string[];
  readonly settings: Map<string, unknown>;
  /** The body as Outlook holds it now. */
  readonly body: () => string;
}

export const EWS_ID = 'AAMkAD/ews+id==';
export const restIdOf = (id: string): string => `rest:${id}:v2.0`;

export function officeMock(options: MockOptions = {}): OfficeMock {
  const calls: string[] = [];
  const settings = new Map<string, unknown>();
  let body = options.body ?? '<p>Välkommen</p>';
  let saved = options.saved ?? true;

  const organiserItem = {
    itemType: 'appointment',
    getItemIdAsync(callback: Callback) {
      calls.push('getItemIdAsync');
      callback(saved ? ok(EWS_ID) : failed(9001, 'ItemNotSaved', 'The ID can’t be retrieved until the item is saved.'));
    },
    saveAsync(callback: Callback) {
      calls.push('saveAsync');
      const result = options.saveResult ?? ok(EWS_ID);
      if (result.status === 'succeeded') saved = true;
      callback(result);
    },
    body: {
      getAsync(coercionType: string, callback: Callback) {
        calls.push(`body.getAsync(${coercionType})`);
        callback(ok(body));
      },
      setAsync(html: string, setOptions: { coercionType: string }, callback: Callback) {
        calls.push(`body.setAsync(${setOptions.coercionType})`);
        body = html;
        callback(ok());
      },
    },
  };
  const attendeeItem = { itemType: 'appointment', itemId: EWS_ID };
  const item = options.item === undefined ? (options.mode === 'attendee' ? attendeeItem : organiserItem) : options.item;

  const data: Record<string, unknown> = {
    host: 'outlook',
    ...ENUMS,
    onReady:
      options.onReady ??
      (() => {
        calls.push('onReady');
        return Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' });
      }),
    context: {
      displayLanguage: options.displayLanguage ?? 'sv-SE',
      ...(options.theme === undefined ? {} : { officeTheme: options.theme }),
      mailbox: {
        diagnostics: { hostName: options.hostName ?? 'OutlookWebApp' },
        convertToRestId(id: string, version: string) {
          calls.push('convertToRestId');
          return restIdOf(id).replace('v2.0', version);
        },
        ...(item === null ? {} : { item }),
      },
      roamingSettings: {
        get: (name: string) => settings.get(name),
        set: (name: string, value: unknown) => {
          // Roaming settings are JSON: what is stored is a copy.
          settings.set(name, JSON.parse(JSON.stringify(value)) as unknown);
        },
        saveAsync(callback: Callback) {
          calls.push('roamingSettings.saveAsync');
          callback(options.roamingSaveResult ?? ok());
        },
      },
      requirements: {
        isSetSupported: (name: string, version: string) => {
          calls.push(`isSetSupported(${name},${version})`);
          return name === 'NestedAppAuth' && (options.nestedAppAuth ?? true);
        },
      },
      ui: {
        displayDialogAsync:
          options.displayDialogAsync ??
          ((url: string, _options: unknown, callback: Callback) => {
            calls.push(`displayDialogAsync(${url})`);
            callback(failed(12007, 'Dialog already open'));
          }),
        messageParent: (message: string) => {
          calls.push(`messageParent(${message})`);
        },
      },
    },
  };
  const office = new OfficeMockObject(data) as unknown as OfficeApi;
  return { office, calls, settings, body: () => body };
}
