/// <reference types="office-js" />
/**
 * The part of Office.js Samråd uses, as a type. Every function in src/hosts/outlook/ takes it as a parameter
 * instead of reading the global `Office`, so tests pass an office-addin-mock object and the page passes the
 * global that Microsoft's CDN script defines. Each member is a structural subset of `typeof Office`
 * (tests/hosts/outlook/officeApi.test.ts checks that the real type fits).
 */

export type AsyncCallback<T> = (result: Office.AsyncResult<T>) => void;

export interface OfficeReadyInfo {
  readonly host: Office.HostType | null;
  readonly platform: Office.PlatformType | null;
}

export interface OfficeBodyApi {
  getAsync(coercionType: Office.CoercionType, callback: AsyncCallback<string>): void;
  setAsync(data: string, options: { coercionType: Office.CoercionType }, callback: AsyncCallback<void>): void;
}

/**
 * The calendar item the pane is open on. In the organiser's form (compose) it has `getItemIdAsync` and
 * `saveAsync`; in an attendee's copy (read) it has `itemId`.
 */
export interface OfficeItemApi {
  /** office.js's string enum value, e.g. "appointment". */
  readonly itemType: string;
  readonly itemId?: string | undefined;
  readonly getItemIdAsync?: ((callback: AsyncCallback<string>) => void) | undefined;
  readonly saveAsync?: ((callback: AsyncCallback<string>) => void) | undefined;
  readonly body?: OfficeBodyApi | undefined;
  /** The meeting's time in the organiser's form (Mailbox 1.1): a Time with getAsync. Read items give a Date. */
  readonly start?: OfficeTimeApi | Date | undefined;
  readonly end?: OfficeTimeApi | Date | undefined;
}

export interface OfficeTimeApi {
  getAsync(callback: AsyncCallback<Date>): void;
}

export interface OfficeMailboxApi {
  readonly item?: OfficeItemApi | null | undefined;
  readonly diagnostics: { readonly hostName: string };
  /** The signed-in mailbox (Mailbox 1.1); absent in some test doubles. */
  readonly userProfile?: { readonly emailAddress: string } | undefined;
  convertToRestId(id: string, restVersion: Office.MailboxEnums.RestVersion): string;
}

export interface OfficeRoamingSettingsApi {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback: AsyncCallback<void>): void;
}

export type DialogEventArgs = { message: string; origin: string | undefined } | { error: number };

export interface OfficeDialogApi {
  addEventHandler(eventType: Office.EventType, handler: (args: DialogEventArgs) => void): void;
  close(): void;
}

export interface OfficeDialogOptions {
  height?: number;
  width?: number;
  promptBeforeOpen?: boolean;
}

export interface OfficeUiApi {
  displayDialogAsync(startAddress: string, options: OfficeDialogOptions, callback: AsyncCallback<OfficeDialogApi>): void;
  messageParent(message: string): void;
}

export interface OfficeThemeApi {
  readonly bodyBackgroundColor: string;
  readonly bodyForegroundColor: string;
}

export interface OfficeContextApi {
  readonly displayLanguage: string;
  readonly officeTheme?: OfficeThemeApi | null | undefined;
  readonly mailbox?: OfficeMailboxApi | undefined;
  readonly roamingSettings?: OfficeRoamingSettingsApi | undefined;
  readonly requirements?: { isSetSupported(name: string, minVersion?: string): boolean } | undefined;
  readonly ui?: OfficeUiApi | undefined;
}

export interface OfficeApi {
  onReady(): Promise<OfficeReadyInfo>;
  readonly HostType: { readonly Outlook: Office.HostType };
  readonly CoercionType: { readonly Html: Office.CoercionType };
  readonly EventType: { readonly DialogMessageReceived: Office.EventType; readonly DialogEventReceived: Office.EventType };
  readonly MailboxEnums: {
    readonly RestVersion: { readonly v2_0: Office.MailboxEnums.RestVersion };
    readonly ItemType: { readonly Appointment: string };
  };
  readonly context: OfficeContextApi;
}

/**
 * The global that office.js defines, or undefined when the script did not load (blocked CDN, page opened outside
 * Office). The one place that reads the global.
 */
export function officeFromGlobal(): OfficeApi | undefined {
  return (globalThis as { Office?: OfficeApi }).Office;
}
