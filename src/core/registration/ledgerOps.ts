/**
 * The organiser's own changes to the ledger: a registration that came by phone (add), a misspelt address (edit),
 * an entry made by mistake (remove), a cancellation told in passing (cancel) and its undo (restore). Each takes a
 * registration record and gives back a new one, or throws a SamradError saying in Swedish and English what was
 * wrong — never a record that lost or doubled a person. The ledger stays deduplicated by e-mail: at most one
 * standing (not cancelled) entry per normalised address.
 */
import { SamradError, type Bilingual } from '../errors';
import { parseZonedIso } from '../time/zonedTime';
import { describeInvalidEmail, normaliseEmail, parseEmail } from './email';
import type { LedgerEntry } from './ledger';
import type { RegistrationRecord } from './record';
import { MAX_NAME_LENGTH, MAX_ORGANISATION_LENGTH } from './triage/text';
import { fnv1a64 } from './ids';

/** A person as the organiser types (or corrects) them. */
export interface PersonInput {
  readonly name: string;
  readonly email: string;
  /** Null or blank: no organisation given. */
  readonly organisation: string | null;
}

/** The fields of an entry the organiser may correct; absent fields stay as they are. */
export interface EntryPatch {
  readonly name?: string;
  readonly email?: string;
  readonly organisation?: string | null;
}

// Deterministic, as the ids of mail entries (ids.ts): the same manual registration typed on two devices at the same
// instant gets one id, and a merge sees one entry.
/** The id of a manual entry: from the normalised address and the arrival time, so it never depends on a device. */
export function manualEntryIdOf(email: string, receivedAt: string): string {
  return `man-${fnv1a64(`${normaliseEmail(email) ?? email.trim().toLowerCase()}\n${receivedAt}`)}`;
}

export function invalidInput(what: Bilingual, hint: Bilingual): SamradError {
  return new SamradError('invalid-input', what, hint);
}

/** The normalised address, or a SamradError that gives the reason in both languages. */
export function requireEmail(raw: string): string {
  const parsed = parseEmail(raw);
  if (parsed.ok) return parsed.email;
  const reason = describeInvalidEmail(parsed.reason);
  throw invalidInput(
    { sv: `Adressen "${raw}" går inte att använda: ${reason.sv}`, en: `The address "${raw}" cannot be used: ${reason.en}` },
    { sv: 'Skriv adressen som namn@organisation.se.', en: 'Write the address as name@organisation.se.' },
  );
}

/** An ISO 8601 instant with an offset (parseZonedIso throws the bilingual error otherwise). */
export function requireInstant(iso: string): number {
  return parseZonedIso(iso);
}

/** Spaces collapsed and trimmed, NFC: a name pasted from a mail may carry line breaks and non-breaking spaces. */
function tidy(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function requireName(raw: string): string {
  const name = tidy(raw);
  if (Array.from(name).length > MAX_NAME_LENGTH) {
    throw invalidInput(
      { sv: `Namnet är längre än ${MAX_NAME_LENGTH} tecken.`, en: `The name is longer than ${MAX_NAME_LENGTH} characters.` },
      { sv: 'Skriv bara personens namn.', en: "Write only the person's name." },
    );
  }
  return name;
}

export function requireOrganisation(raw: string | null): string | null {
  const organisation = raw === null ? '' : tidy(raw);
  if (Array.from(organisation).length > MAX_ORGANISATION_LENGTH) {
    throw invalidInput(
      {
        sv: `Organisationens namn är längre än ${MAX_ORGANISATION_LENGTH} tecken.`,
        en: `The organisation's name is longer than ${MAX_ORGANISATION_LENGTH} characters.`,
      },
      { sv: 'Skriv bara organisationens namn.', en: "Write only the organisation's name." },
    );
  }
  return organisation === '' ? null : organisation;
}

/** The comparable address of an entry; an unreadable one (from an older document) is compared as written. */
export function emailKeyOf(entry: LedgerEntry): string {
  return normaliseEmail(entry.email) ?? entry.email.trim().toLowerCase();
}

export function isStanding(entry: LedgerEntry): boolean {
  return entry.cancelledAt === null;
}

function describeEntry(entry: LedgerEntry): string {
  return entry.name === '' ? entry.email : `${entry.name} <${entry.email}>`;
}

export function alreadyRegisteredError(entry: LedgerEntry): SamradError {
  return invalidInput(
    {
      sv: `${describeEntry(entry)} är redan anmäld (post ${entry.id}, mottagen ${entry.receivedAt}).`,
      en: `${describeEntry(entry)} is already registered (entry ${entry.id}, received ${entry.receivedAt}).`,
    },
    {
      sv: 'Ändra den befintliga anmälan i stället, eller avanmäl den först.',
      en: 'Edit the existing registration instead, or cancel it first.',
    },
  );
}

function requireEntry(record: RegistrationRecord, id: string): LedgerEntry {
  const entry = record.ledger.find((e) => e.id === id);
  if (entry !== undefined) return entry;
  throw invalidInput(
    { sv: `Anmälan ${id} finns inte i anmälningslistan.`, en: `Registration ${id} is not in the registration list.` },
    {
      sv: 'Läs in samrådet igen; anmälan kan ha tagits bort på en annan enhet.',
      en: 'Reload the consultation; the registration may have been removed on another device.',
    },
  );
}

/** The standing entry of the person at `email` (normalised), other than `exceptId`, if any. */
function standingEntryOf(ledger: readonly LedgerEntry[], email: string, exceptId?: string): LedgerEntry | undefined {
  return ledger.find((e) => e.id !== exceptId && isStanding(e) && emailKeyOf(e) === email);
}

/** After retention deleted the personal data, no person may enter the ledger again (the schema refuses it too). */
export function requireNotPurged(record: RegistrationRecord): void {
  if (record.purged === null) return;
  throw invalidInput(
    {
      sv: `Personuppgifterna i anmälningslistan raderades ${record.purged.at}; inga anmälningar kan läggas till.`,
      en: `The personal data in the registration list was deleted on ${record.purged.at}; no registrations can be added.`,
    },
    {
      sv: 'Anmälningar efter gallringen hör inte till samrådet; spara dem inte här.',
      en: 'Registrations after the deletion do not belong to this consultation; do not keep them here.',
    },
  );
}

function withLedger(record: RegistrationRecord, ledger: LedgerEntry[]): RegistrationRecord {
  return { ...record, ledger };
}

/** A registration the organiser received some other way (phone, a colleague's word), as of `receivedAt`. */
export function addManualEntry(record: RegistrationRecord, person: PersonInput, receivedAt: string): RegistrationRecord {
  requireNotPurged(record);
  requireInstant(receivedAt);
  const email = requireEmail(person.email);
  const name = requireName(person.name);
  const organisation = requireOrganisation(person.organisation);
  const standing = standingEntryOf(record.ledger, email);
  if (standing !== undefined) throw alreadyRegisteredError(standing);
  const id = manualEntryIdOf(email, receivedAt);
  const clash = record.ledger.find((e) => e.id === id);
  // Only a cancelled entry of the same person, added at the very same instant, can have this id.
  if (clash !== undefined) throw alreadyRegisteredError(clash);
  const entry: LedgerEntry = { id, name, email, organisation, source: { kind: 'manual' }, receivedAt, cancelledAt: null };
  return withLedger(record, [...record.ledger, entry]);
}

/** Corrects an entry's name, address or organisation; the source and the times stay (the ledger's honesty). */
export function editEntry(record: RegistrationRecord, id: string, patch: EntryPatch): RegistrationRecord {
  const entry = requireEntry(record, id);
  const email = patch.email === undefined ? entry.email : requireEmail(patch.email);
  if (patch.email !== undefined && isStanding(entry)) {
    const other = standingEntryOf(record.ledger, email, id);
    if (other !== undefined) throw alreadyRegisteredError(other);
  }
  const edited: LedgerEntry = {
    ...entry,
    email,
    ...(patch.name === undefined ? {} : { name: requireName(patch.name) }),
    ...(patch.organisation === undefined ? {} : { organisation: requireOrganisation(patch.organisation) }),
  };
  return withLedger(
    record,
    record.ledger.map((e) => (e.id === id ? edited : e)),
  );
}

/**
 * Removes an entry made by mistake. The decision about its source mail stays, so that mail is not offered again;
 * to withdraw a real registration, cancel it instead.
 */
export function removeEntry(record: RegistrationRecord, id: string): RegistrationRecord {
  requireEntry(record, id);
  return withLedger(
    record,
    record.ledger.filter((e) => e.id !== id),
  );
}

/** Withdraws the registration of the person of entry `id`: every standing entry of theirs is cancelled at `at`. */
export function cancelEntry(record: RegistrationRecord, id: string, at: string): RegistrationRecord {
  const instant = requireInstant(at);
  const entry = requireEntry(record, id);
  const email = emailKeyOf(entry);
  const standing = record.ledger.filter((e) => isStanding(e) && emailKeyOf(e) === email);
  if (standing.length === 0) {
    throw invalidInput(
      {
        sv: `${describeEntry(entry)} är redan avanmäld (${entry.cancelledAt ?? ''}).`,
        en: `${describeEntry(entry)} is already cancelled (${entry.cancelledAt ?? ''}).`,
      },
      { sv: 'Inget behöver göras.', en: 'Nothing needs to be done.' },
    );
  }
  const latest = standing.reduce((a, b) => (parseZonedIso(a.receivedAt) >= parseZonedIso(b.receivedAt) ? a : b));
  if (instant < parseZonedIso(latest.receivedAt)) {
    throw invalidInput(
      {
        sv: `Avanmälan (${at}) ligger före anmälan (${latest.receivedAt}).`,
        en: `The cancellation (${at}) is earlier than the registration (${latest.receivedAt}).`,
      },
      { sv: 'Ange en tidpunkt efter anmälan.', en: 'Give a time after the registration.' },
    );
  }
  const ids = new Set(standing.map((e) => e.id));
  return withLedger(
    record,
    record.ledger.map((e) => (ids.has(e.id) ? { ...e, cancelledAt: at } : e)),
  );
}

/**
 * Undoes a cancellation: the entries of that person cancelled at the same instant as entry `id` (one cancellation
 * ends all of a person's standing entries at once) stand again. Refused when the person has registered anew since
 * (they would stand twice) or was cancelled again later (restoring this one would not make them stand: the
 * latest cancellation is the one to undo).
 */
export function restoreEntry(record: RegistrationRecord, id: string): RegistrationRecord {
  const entry = requireEntry(record, id);
  const cancelledAt = entry.cancelledAt;
  if (cancelledAt === null) {
    throw invalidInput(
      { sv: `${describeEntry(entry)} är inte avanmäld.`, en: `${describeEntry(entry)} is not cancelled.` },
      { sv: 'Inget behöver göras.', en: 'Nothing needs to be done.' },
    );
  }
  const email = emailKeyOf(entry);
  const standing = standingEntryOf(record.ledger, email);
  if (standing !== undefined) throw alreadyRegisteredError(standing);
  const instant = parseZonedIso(cancelledAt);
  const theirs = record.ledger.filter((e) => emailKeyOf(e) === email);
  const later = theirs.find((e) => e.cancelledAt !== null && parseZonedIso(e.cancelledAt) > instant);
  if (later !== undefined) {
    throw invalidInput(
      {
        sv: `${describeEntry(entry)} avanmäldes igen senare (post ${later.id}, ${later.cancelledAt ?? ''}).`,
        en: `${describeEntry(entry)} was cancelled again later (entry ${later.id}, ${later.cancelledAt ?? ''}).`,
      },
      { sv: 'Ångra den senaste avanmälan i stället.', en: 'Undo the latest cancellation instead.' },
    );
  }
  const restored = new Set(
    theirs.filter((e) => e.cancelledAt !== null && parseZonedIso(e.cancelledAt) === instant).map((e) => e.id),
  );
  return withLedger(
    record,
    record.ledger.map((e) => (restored.has(e.id) ? { ...e, cancelledAt: null } : e)),
  );
}
