/**
 * The consultation document in the organiser's OneDrive app folder (ADR 0002), with optimistic concurrency: every
 * save names the version it was edited from, and a concurrent change is merged field by field
 * (mergeConsultations) or reported as a conflict that lists what both sides changed.
 */
import type { Consultation } from '../consultation/schema';
import { PortError } from './errors';

/** A document as stored: its content and the version (ETag) it was read at. */
export interface StoredConsultation {
  readonly name: string;
  readonly consultation: Consultation;
  readonly etag: string;
}

export type SaveResult =
  | {
      readonly ok: true;
      /** What is stored now. Its `revision` is the stored revision before the save plus one. */
      readonly saved: StoredConsultation;
      /** True when someone else's change was merged in on the way. */
      readonly merged: boolean;
    }
  | {
      readonly ok: false;
      /** Paths (as in validation problems, with `[id=…]` for elements of id'd lists) both sides changed differently. */
      readonly conflicts: readonly string[];
      /** The stored version that could not be merged with `mine`; nothing was written. */
      readonly theirs: StoredConsultation | null;
    };

/** A document in the app folder, as listed (its content is read with `load`). */
export interface DocumentListing {
  readonly name: string;
  /** Epoch milliseconds of the last change. */
  readonly lastModified: number;
}

export interface ConsultationDocumentPort {
  /** Every consultation document in the organiser's app folder, newest first; empty when there is none yet. */
  list(): Promise<readonly DocumentListing[]>;
  /** The document, validated by the core schema; null when there is none. An invalid document is a PortError. */
  load(name: string): Promise<StoredConsultation | null>;
  /**
   * Saves `mine`, edited from `base` (null for a new document). When the stored document changed since `base`, it
   * reloads, merges three-way and retries a bounded number of times; a real conflict is returned, not thrown.
   */
  save(name: string, base: StoredConsultation | null, mine: Consultation): Promise<SaveResult>;
}

/**
 * Document names are ids (letters, digits, - and _), so they are safe in a path and in a Graph URL; long enough for
 * a name made from the meeting's iCalUId (113 characters in Outlook).
 */
export const documentNamePattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,159}$/;

export function checkDocumentName(name: string): string {
  if (documentNamePattern.test(name)) return name;
  throw new PortError(
    'invalid-document-name',
    { sv: `"${name}" kan inte vara namn på ett samrådsdokument.`, en: `"${name}" cannot name a consultation document.` },
    {
      sv: 'Använd 1–160 tecken: bokstäver a–z, siffror, - och _, med en bokstav eller siffra först.',
      en: 'Use 1–160 characters: letters a–z, digits, - and _, starting with a letter or digit.',
    },
  );
}

/**
 * The document name for a meeting: from its iCalUId, the one id every copy of the meeting shares and that never
 * changes, kept to the characters a name may hold (the sandbox's seed names its document the same way).
 */
export function documentNameForMeeting(iCalUId: string): string {
  const safe = iCalUId
    .replace(/[^A-Za-z0-9_-]/g, '_')
    .replace(/^[_-]+/, '')
    .slice(0, 160);
  return checkDocumentName(safe === '' ? 'samrad' : safe);
}
