/**
 * From the triage to the ledger. The triage only proposes; a mail enters the ledger when the organiser confirms it
 * (applyMail) or when the triage is sure of it (applySureMails), and every mail handled gets a decision so it is
 * not offered again. The ledger stays deduplicated by e-mail — a person registering twice gets one entry, a person
 * registering again after a cancellation gets a new one — and a cancellation withdraws the registrations that
 * arrived before it.
 *
 * Sure mails are applied in order of arrival whatever order they come in, so the ledger does not depend on the
 * order of the inbox. A sure mail about someone whose earlier mail waits for review waits with it, so each
 * person's mails still enter the ledger in order of arrival: a cancellation applied before the registration it
 * withdraws would find nobody to cancel (and the registration confirmed later would stand), and a later duplicate
 * applied first would give the person a later place in the queue for seats.
 */
import { SamradError } from '../errors';
import { parseZonedIso } from '../time/zonedTime';
import { decisionIdOf, entryIdOf } from './ids';
import type { LedgerEntry } from './ledger';
import {
  emailKeyOf,
  invalidInput,
  isStanding,
  requireEmail,
  requireInstant,
  requireName,
  requireNotPurged,
  requireOrganisation,
} from './ledgerOps';
import type { MailDecision, RegistrationRecord } from './record';
import type { InboxEntry, InboxTriage } from './triage/types';

export type MailActionKind = 'registration' | 'cancellation';

/** A person of a mail as the triage found them, or as the organiser corrected them. */
export interface MailPerson {
  readonly name: string;
  /** Null or blank: the mail gives no address for them (skipped as `no-address`). */
  readonly email: string | null;
  readonly organisation: string | null;
}

export interface MailAction {
  readonly mailId: string;
  readonly receivedAt: string;
  readonly kind: MailActionKind;
  readonly people: readonly MailPerson[];
}

/**
 * Why a person of an applied mail did not change the ledger:
 * - `already-registered`: a registration while their registration stands (a duplicate);
 * - `cancelled-later`: a registration that arrived before their latest cancellation, which withdrew it already;
 * - `not-registered`: a cancellation with no standing registration that arrived before it;
 * - `no-address`: nobody can be registered or cancelled without an address.
 */
export type SkipReason = 'already-registered' | 'cancelled-later' | 'not-registered' | 'no-address';

export interface SkippedPerson {
  readonly mailId: string;
  readonly name: string;
  /** Normalised; null when the mail gave none. */
  readonly email: string | null;
  readonly reason: SkipReason;
}

export interface ApplyMailOutcome {
  readonly record: RegistrationRecord;
  readonly added: readonly LedgerEntry[];
  /** The entries as they are after the cancellation (cancelledAt set). */
  readonly cancelled: readonly LedgerEntry[];
  readonly skipped: readonly SkippedPerson[];
}

export interface SureMailsOutcome extends ApplyMailOutcome {
  /** How many mails were applied. */
  readonly applied: number;
  /**
   * Undecided mails the organiser must look at, in order of arrival: registrations and cancellations the triage is
   * not sure of (or that lack an address, or concern someone whose earlier mail is to be reviewed), and any other
   * mail marked for review. Confirmed in this order, the ledger is as if every mail had come in sure.
   */
  readonly toReview: readonly InboxEntry[];
  /**
   * The mails in toReview that the triage is sure of but that wait for an earlier mail of the same person (they have
   * no review reasons of their own; the organiser should be told why they wait).
   */
  readonly heldMailIds: readonly string[];
  /** Questions to answer in Outlook: question mails and registrations that ask something; not the dismissed ones. */
  readonly questions: readonly InboxEntry[];
  /** Undecided automatic replies not marked for review: nothing to do, listed so the organiser can see them. */
  readonly automaticReplies: readonly InboxEntry[];
  /** Undecided other mails not marked for review. */
  readonly other: readonly InboxEntry[];
}

/**
 * The ledger while mails are applied: a copy of the entries with an index by address, so applying a whole inbox
 * is linear rather than a scan of the ledger per person.
 */
class WorkingLedger {
  readonly entries: LedgerEntry[];
  readonly decisions: MailDecision[];
  private readonly byEmail = new Map<string, number[]>();
  private readonly byId = new Map<string, number>();
  private readonly decided = new Set<string>();

  constructor(record: RegistrationRecord) {
    this.entries = [...record.ledger];
    this.decisions = [...record.mailDecisions];
    this.entries.forEach((entry, index) => this.index(entry, index));
    for (const decision of this.decisions) this.decided.add(decision.mailId);
  }

  private index(entry: LedgerEntry, at: number): void {
    const key = emailKeyOf(entry);
    const list = this.byEmail.get(key);
    if (list === undefined) this.byEmail.set(key, [at]);
    else list.push(at);
    this.byId.set(entry.id, at);
  }

  isDecided(mailId: string): boolean {
    return this.decided.has(mailId);
  }

  hasId(id: string): boolean {
    return this.byId.has(id);
  }

  of(email: string): LedgerEntry[] {
    return (this.byEmail.get(email) ?? []).map((at) => this.entries[at] as LedgerEntry);
  }

  add(entry: LedgerEntry): void {
    this.entries.push(entry);
    this.index(entry, this.entries.length - 1);
  }

  replace(entry: LedgerEntry): void {
    const at = this.byId.get(entry.id);
    if (at !== undefined) this.entries[at] = entry;
  }

  decide(mailId: string, outcome: MailDecision['outcome'], decidedAt: string): void {
    this.decisions.push({ id: decisionIdOf(mailId), mailId, outcome, decidedAt });
    this.decided.add(mailId);
  }
}

function requireMailId(mailId: string): void {
  if (mailId.trim() !== '') return;
  throw invalidInput(
    { sv: 'Mejlet saknar id.', en: 'The mail has no id.' },
    { sv: 'Läs in anmälningsmejlen igen.', en: 'Read the registration mails again.' },
  );
}

interface Checked {
  readonly index: number;
  readonly person: MailPerson;
  /** Null: no address. */
  readonly email: string | null;
  readonly name: string;
  readonly organisation: string | null;
}

/** Every person checked before anything changes, so a mistyped address fails the whole mail, not half of it. */
function checkPeople(people: readonly MailPerson[]): Checked[] {
  return people.map((person, index) => ({
    index,
    person,
    email: person.email === null || person.email.trim() === '' ? null : requireEmail(person.email),
    name: requireName(person.name),
    organisation: requireOrganisation(person.organisation),
  }));
}

interface Effects {
  readonly added: LedgerEntry[];
  readonly cancelled: LedgerEntry[];
  readonly skipped: SkippedPerson[];
}

function register(ledger: WorkingLedger, action: MailAction, arrival: number, people: readonly Checked[], out: Effects): void {
  for (const { index, email, name, organisation } of people) {
    const skip = (reason: SkipReason): void => {
      out.skipped.push({ mailId: action.mailId, name, email, reason });
    };
    if (email === null) {
      skip('no-address');
      continue;
    }
    const theirs = ledger.of(email);
    const id = entryIdOf(action.mailId, index);
    if (theirs.some(isStanding) || ledger.hasId(id)) {
      skip('already-registered');
      continue;
    }
    // As in reconciliation, an arrival at the instant of a cancellation stands.
    const lastCancellation = Math.max(...theirs.map((e) => (e.cancelledAt === null ? -Infinity : parseZonedIso(e.cancelledAt))));
    if (arrival < lastCancellation) {
      skip('cancelled-later');
      continue;
    }
    const entry: LedgerEntry = {
      id,
      name,
      email,
      organisation,
      source: { kind: 'mail', mailId: action.mailId },
      receivedAt: action.receivedAt,
      cancelledAt: null,
    };
    ledger.add(entry);
    out.added.push(entry);
  }
}

function cancel(ledger: WorkingLedger, action: MailAction, arrival: number, people: readonly Checked[], out: Effects): void {
  for (const { email, name } of people) {
    const skip = (reason: SkipReason): void => {
      out.skipped.push({ mailId: action.mailId, name, email, reason });
    };
    if (email === null) {
      skip('no-address');
      continue;
    }
    // Only what arrived before the cancellation is withdrawn: a registration sent after it is a new one.
    const withdrawn = ledger.of(email).filter((e) => isStanding(e) && parseZonedIso(e.receivedAt) <= arrival);
    if (withdrawn.length === 0) {
      skip('not-registered');
      continue;
    }
    for (const entry of withdrawn) {
      const ended: LedgerEntry = { ...entry, cancelledAt: action.receivedAt };
      ledger.replace(ended);
      out.cancelled.push(ended);
    }
  }
}

function applyTo(ledger: WorkingLedger, action: MailAction, decidedAt: string, out: Effects): void {
  requireMailId(action.mailId);
  const arrival = requireInstant(action.receivedAt);
  const people = checkPeople(action.people);
  if (action.kind === 'registration') register(ledger, action, arrival, people, out);
  else cancel(ledger, action, arrival, people, out);
  ledger.decide(action.mailId, 'applied', decidedAt);
}

function recordOf(record: RegistrationRecord, ledger: WorkingLedger): RegistrationRecord {
  return { ...record, ledger: ledger.entries, mailDecisions: ledger.decisions };
}

/**
 * The organiser confirms a mail as she corrected it: a person without an address cannot be entered, and the mail must
 * not count as handled while someone in it is left out — so it is refused, and she adds the address or removes the
 * person.
 */
function requireEveryAddress(people: readonly MailPerson[]): void {
  if (people.length === 0) {
    throw new SamradError(
      'invalid-input',
      { sv: 'Mejlet har ingen person att föra in.', en: 'The mail has nobody to enter.' },
      {
        sv: 'Lägg till personen med namn och e-post, eller välj "Inte en anmälan".',
        en: 'Add the person with name and e-mail, or choose "Not a registration".',
      },
    );
  }
  const missing = people.flatMap((p, i) => (p.email === null || p.email.trim() === '' ? [i + 1] : []));
  if (missing.length > 0) {
    throw new SamradError(
      'invalid-input',
      {
        sv: `Person ${missing.join(', ')} saknar e-postadress, så ingen i mejlet har förts in.`,
        en: `Person ${missing.join(', ')} has no e-mail address, so nobody in the mail has been entered.`,
      },
      {
        sv: 'Skriv in adressen (den står ofta i signaturen eller i det vidarebefordrade mejlet), eller ta bort personen.',
        en: 'Type the address (it is often in the signature or the forwarded mail), or remove the person.',
      },
    );
  }
}

/**
 * Enters one mail's registrations or cancellations (people possibly corrected by the organiser) and records the
 * decision. A mail already decided changes nothing. Throws SamradError on an unreadable address or time (nothing
 * changes then) and after retention deleted the ledger.
 */
export function applyMail(record: RegistrationRecord, action: MailAction, decidedAt: string): ApplyMailOutcome {
  requireInstant(decidedAt);
  const ledger = new WorkingLedger(record);
  if (ledger.isDecided(action.mailId)) return { record, added: [], cancelled: [], skipped: [] };
  requireNotPurged(record);
  requireEveryAddress(action.people);
  const out: Effects = { added: [], cancelled: [], skipped: [] };
  applyTo(ledger, action, decidedAt, out);
  return { record: recordOf(record, ledger), ...out };
}

/** Sets a mail aside (not a registration); it is not offered again. A mail already decided changes nothing. */
export function dismissMail(record: RegistrationRecord, mailId: string, decidedAt: string): RegistrationRecord {
  requireMailId(mailId);
  requireInstant(decidedAt);
  if (record.mailDecisions.some((d) => d.mailId === mailId)) return record;
  return {
    ...record,
    mailDecisions: [...record.mailDecisions, { id: decisionIdOf(mailId), mailId, outcome: 'dismissed', decidedAt }],
  };
}

/** The inbox entries whose mail has no decision yet, in the inbox's order. */
export function undecidedEntries(record: RegistrationRecord, inbox: InboxTriage): InboxEntry[] {
  const decided = new Set(record.mailDecisions.map((d) => d.mailId));
  return inbox.entries.filter((entry) => !decided.has(entry.result.mailId));
}

/** Epoch ms of an arrival; an unreadable time sorts last (and the mail goes to review rather than the ledger). */
function arrivalOf(entry: InboxEntry): number {
  try {
    return parseZonedIso(entry.result.receivedAt);
  } catch (error) {
    if (error instanceof SamradError) return Number.POSITIVE_INFINITY;
    throw error;
  }
}

function inArrivalOrder(entries: readonly InboxEntry[]): InboxEntry[] {
  return entries
    .map((entry) => ({ entry, arrival: arrivalOf(entry) }))
    .sort((a, b) => {
      if (a.arrival !== b.arrival) return a.arrival < b.arrival ? -1 : 1;
      const [x, y] = [a.entry.result.mailId, b.entry.result.mailId];
      return x < y ? -1 : x > y ? 1 : 0;
    })
    .map(({ entry }) => entry);
}

/** Sure: not marked for review, a readable time, at least one person, and every person with an address. */
function isSure(entry: InboxEntry): boolean {
  const { people } = entry.result;
  return (
    !entry.needsReview &&
    arrivalOf(entry) !== Number.POSITIVE_INFINITY &&
    people.length > 0 &&
    people.every((p) => p.email !== null && p.email !== '')
  );
}

/** Domains the inbox taught that the record does not know yet; what the organiser confirmed is never overwritten. */
function learntDomains(record: RegistrationRecord, inbox: InboxTriage): Record<string, string> | null {
  const known = record.organisationDomains;
  const fresh = [...inbox.domainOrganisations]
    .filter(([domain]) => !Object.hasOwn(known, domain))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return fresh.length === 0 ? null : { ...known, ...Object.fromEntries(fresh) };
}

/**
 * Applies every undecided registration and cancellation the triage is sure of, in order of arrival, learns the
 * inbox's domains, and sorts the rest for the organiser. Throws SamradError after retention deleted the ledger.
 */
export function applySureMails(record: RegistrationRecord, inbox: InboxTriage, decidedAt: string): SureMailsOutcome {
  requireInstant(decidedAt);
  const ledger = new WorkingLedger(record);
  const out: Effects = { added: [], cancelled: [], skipped: [] };
  const toReview: InboxEntry[] = [];
  const automaticReplies: InboxEntry[] = [];
  const other: InboxEntry[] = [];
  const heldMailIds: string[] = [];
  let applied = 0;
  // The addresses of people with an earlier mail waiting for review: their later mails wait too.
  const held = new Set<string>();
  for (const entry of inArrivalOrder(inbox.entries)) {
    if (ledger.isDecided(entry.result.mailId)) continue;
    const { mailId, receivedAt, kind, people } = entry.result;
    if (kind === 'registration' || kind === 'cancellation') {
      const addresses = people.flatMap((p) => (p.email === null || p.email === '' ? [] : [p.email]));
      const sure = isSure(entry);
      if (!sure || addresses.some((email) => held.has(email))) {
        toReview.push(entry);
        if (sure) heldMailIds.push(mailId);
        for (const email of addresses) held.add(email);
        continue;
      }
      requireNotPurged(record);
      applyTo(ledger, { mailId, receivedAt, kind, people }, decidedAt, out);
      applied += 1;
    } else if (entry.needsReview) toReview.push(entry);
    else if (kind === 'automatic-reply') automaticReplies.push(entry);
    else if (kind === 'other') other.push(entry);
  }
  const dismissed = new Set(record.mailDecisions.filter((d) => d.outcome === 'dismissed').map((d) => d.mailId));
  const questions = inArrivalOrder(inbox.entries).filter(
    (entry) => (entry.result.kind === 'question' || entry.result.asksQuestion) && !dismissed.has(entry.result.mailId),
  );
  const domains = learntDomains(record, inbox);
  const changed = applied > 0 || domains !== null;
  const next = !changed ? record : { ...recordOf(record, ledger), ...(domains === null ? {} : { organisationDomains: domains }) };
  return { record: next, applied, ...out, toReview, heldMailIds, questions, automaticReplies, other };
}
