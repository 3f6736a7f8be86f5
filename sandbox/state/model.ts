/**
 * The sandbox's whole world as one JSON value: people, one mailbox (calendar, inbox, OneDrive) per person, and the
 * Teams side (online meetings and their chats). Records keep Graph's own shapes where the sandbox returns them
 * as stored (messages, event fields), and plain fields where Graph derives a value on the way out (event times,
 * chat membership), so that one write can never leave two copies of a fact disagreeing.
 */
import type { Event, EventMessageRequest, EventMessageResponse } from '@microsoft/microsoft-graph-types';
import type { SandboxPerson } from '../contract';

/** Bumped when the layout below changes incompatibly; a state.json of another format is refused, not guessed at. */
export const STATE_FORMAT = 1;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface SandboxState {
  format: typeof STATE_FORMAT;
  /** HMAC key of the bearer tokens. Kept across restarts and resets, so a signed-in page stays signed in. */
  secret: string;
  /** Counter behind every generated id, so a seed built twice is identical and ids never repeat. */
  sequence: number;
  people: SandboxPerson[];
  /** By person id. */
  mailboxes: Record<string, Mailbox>;
  onlineMeetings: StoredOnlineMeeting[];
  chats: StoredChat[];
  /**
   * Extra delegated scopes (auth/scopes.ts) each person has consented to, by person id. Optional, like the next
   * field, so a state.json written before they existed still loads: missing means nobody has consented.
   */
  consents?: Record<string, string[]>;
  /** Mailboxes no one signs in to, read by the people they are shared with; each has its mailbox in `mailboxes`. */
  sharedMailboxes?: StoredSharedMailbox[];
}

export interface StoredSharedMailbox {
  /** Also the key of its mailbox in `mailboxes`. */
  id: string;
  displayName: string;
  /** Also its userPrincipalName. */
  mail: string;
  /** Person ids with full access to it (Exchange's FullAccess permission). */
  delegates: string[];
}

export interface Mailbox {
  /** The inbox folder's id; the Drafts folder's is derived from it (graph/folders.ts), so it needs no field. */
  inboxId: string;
  events: StoredEvent[];
  messages: StoredMessage[];
  drive: StoredDrive;
}

/**
 * Graph's event fields minus `start` and `end`, which are rendered from the instants in the zone the caller asks
 * for (`Prefer: outlook.timezone`), as Exchange does.
 */
export type EventRecord = Omit<Event, 'start' | 'end' | 'extensions'> & {
  id: string;
  iCalUId: string;
  changeKey: string;
  subject: string;
  isOrganizer: boolean;
  isCancelled: boolean;
};

export interface StoredEvent {
  event: EventRecord;
  startMs: number;
  endMs: number;
  extensions: StoredExtension[];
}

export interface StoredExtension {
  extensionName: string;
  properties: JsonObject;
}

/**
 * A message as Graph returns it. Event messages (requests, cancellations, responses) carry their derived type in
 * `@odata.type` and the fields of that type; a plain message has none of them, so one record type covers all.
 */
export type StoredMessage = EventMessageRequest &
  EventMessageResponse & {
    id: string;
    changeKey: string;
    receivedDateTime: string;
    '@odata.type'?: string;
  };

export interface StoredDrive {
  id: string;
  items: StoredDriveItem[];
}

export interface StoredDriveItem {
  id: string;
  name: string;
  /** null for the drive's root. */
  parentId: string | null;
  specialFolder?: 'approot';
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdById: string;
  lastModifiedById: string;
  /** The GUID inside eTag `"{GUID},N"` and cTag `"c:{GUID},N"`. */
  tagGuid: string;
  /** N in the tags: bumped on every change. */
  version: number;
  file?: StoredFileContent;
}

export interface StoredFileContent {
  mimeType: string;
  contentBase64: string;
  /** Earlier contents, oldest first; the current one is the item itself. */
  versions: StoredFileVersion[];
}

export interface StoredFileVersion {
  id: string;
  lastModifiedDateTime: string;
  lastModifiedById: string;
  size: number;
  contentBase64: string;
}

export interface StoredOnlineMeeting {
  id: string;
  joinWebUrl: string;
  chatId: string;
  organizerId: string;
  /** The organiser's event id: the meeting's times, subject and attendees are read from it. */
  eventId: string;
  createdDateTime: string;
  joinMeetingId: string;
  passcode: string;
}

export interface StoredChat {
  id: string;
  onlineMeetingId: string;
  createdDateTime: string;
  lastUpdatedDateTime: string;
  /** Oldest first. */
  messages: StoredChatMessage[];
}

export interface StoredChatMessage {
  id: string;
  createdDateTime: string;
  fromId: string;
  contentType: 'html' | 'text';
  content: string;
}
