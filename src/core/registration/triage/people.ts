/**
 * Who a mail registers or cancels: the sender (with the name and organisation the mail gives them), the people
 * listed in its body ("– Karin Ek, karin.ek@org.se", a form with "Namn:" and "E-post:" fields, an HTML table), and
 * the writer of a forwarded mail. Addresses on the organiser's side and role addresses (info@, kansliet@) are
 * never people; an address in running prose ("kontakta kansliet@…") is not a registration.
 */
import type { MailAddress } from '../../ports/registrationMail';
import { normaliseEmail } from '../email';
import { chooseName, isPersonName, nameFromAddress, nameInLine, parseDisplayName, type NameChoice } from './names';
import { organisationInSignature, type OrganisationDirectory } from './organisations';
import type { Signature } from './signature';
import { cleanName, cleanOrganisation, findAddresses } from './text';
import type { OrganisationSource, TriagePersonSource, TriagePerson } from './types';

const ROLE_LOCAL_PARTS = new Set([
  'info',
  'kansli',
  'kansliet',
  'noreply',
  'no-reply',
  'donotreply',
  'do-not-reply',
  'support',
  'kontakt',
  'contact',
  'registrator',
  'registrator',
  'admin',
  'office',
  'post',
  'hello',
  'hej',
  'reception',
  'vaxel',
  'växel',
  'press',
  'media',
  'kommunikation',
  'ekonomi',
  'hr',
  'service',
  'anmalan',
  'anmälan',
  'registration',
  'webmaster',
  'postmaster',
  'mailer-daemon',
]);

export function isRoleAddress(email: string): boolean {
  const local = email.slice(0, email.indexOf('@'));
  return ROLE_LOCAL_PARTS.has(local) || /^(?:no-?reply|do-?not-?reply)/.test(local);
}

export const domainOf = (email: string): string => email.slice(email.indexOf('@') + 1);

/**
 * A registration mail names a handful of people; a mail with hundreds of addresses is a mailing list or a paste.
 * Reading only so many keeps the work per mail bounded, and such a mail goes to review anyway (several people).
 */
export const MAX_PEOPLE_READ = 100;
/** The text around an address in which its name and organisation are looked for. */
const ADDRESS_CONTEXT = 120;

// ---------------------------------------------------------------------------------------------------------------
// Organisations

export interface OrganisationClues {
  /** "Organisation: …" in a form. */
  readonly form: string | null;
  readonly signature: Signature | null;
  /** What stood beside the name in the From line. */
  readonly displayExtra: string | null;
  readonly subject: string;
  /** The person's own text without the signature. */
  readonly body: readonly string[];
  readonly email: string | null;
  readonly personName: string | null;
}

export interface OrganisationChoice {
  readonly name: string | null;
  readonly source: OrganisationSource | null;
  /** The text names one known organisation and the domain another. */
  readonly conflict: boolean;
  /** Only a guess from the shape of a signature line. */
  readonly guessed: boolean;
}

/**
 * The person's organisation from the strongest clue: what they wrote about themselves (a form field, the
 * signature, the From line, the subject), then the domain, then a mention in the message, then a signature line's
 * shape. The domain checks the written clues: a different known organisation there is reported as a conflict.
 */
export function resolveOrganisation(clues: OrganisationClues, directory: OrganisationDirectory): OrganisationChoice {
  const known = (text: string | null | undefined): string | null => (text ? (directory.find(text)[0]?.name ?? null) : null);
  const domain = clues.email === null ? null : directory.ofDomain(domainOf(clues.email));
  const written: [string | null, OrganisationSource][] = [
    [clues.form === null ? null : (known(clues.form) ?? (cleanOrganisation(clues.form) || null)), 'form'],
    [known(clues.signature?.lines.join('\n')), 'signature'],
    [clues.displayExtra === null ? null : (known(clues.displayExtra) ?? cleanOrganisation(clues.displayExtra)), 'sender-name'],
    [known(clues.subject), 'subject'],
  ];
  for (const [name, source] of written) {
    if (name === null || name === '') continue;
    const conflict = domain !== null && directory.isKnown(name) && domain.name !== name;
    return { name, source, conflict, guessed: false };
  }
  if (domain !== null) return { name: domain.name, source: 'domain', conflict: false, guessed: false };
  const mentioned = known(clues.body.join('\n'));
  if (mentioned !== null) return { name: mentioned, source: 'body', conflict: false, guessed: false };
  if (clues.signature !== null) {
    const shaped = organisationInSignature(clues.signature.lines, clues.personName, directory.mentions);
    if (shaped !== null) return { name: shaped.name, source: 'signature', conflict: false, guessed: !shaped.confident };
  }
  return { name: null, source: null, conflict: false, guessed: false };
}

// ---------------------------------------------------------------------------------------------------------------
// Forms: "Namn: … / Organisation: … / E-post: …", one block per person

const FIELD =
  /^\s*(?:[-–•*]\s*)?(namn|name|fullständigt namn|full name|deltagare|participant|e-post(?:adress)?|e-mail(?: address)?|email|epost|mejl|mail|mejladress|organisation|organization|org|förening|organisation\/förening|arbetsgivare|employer|company)\s*\d?\s*:\s*(.*)$/i;

export interface FormPerson {
  readonly name: string | null;
  readonly email: string | null;
  readonly organisation: string | null;
}

export function readForm(lines: readonly string[]): FormPerson[] {
  const people: FormPerson[] = [];
  let current: { name: string | null; email: string | null; organisation: string | null } | null = null;
  for (const line of lines) {
    const m = FIELD.exec(line);
    if (m === null) continue;
    const field = (m[1] ?? '').toLowerCase();
    const value = (m[2] ?? '').trim();
    const kind = /^(?:namn|name|fullständigt|full|deltagare|participant)/.test(field)
      ? 'name'
      : /mail|post|mejl/.test(field)
        ? 'email'
        : 'organisation';
    if (current === null || current[kind] !== null) {
      if (people.length >= MAX_PEOPLE_READ) break;
      current = { name: null, email: null, organisation: null };
      people.push(current);
    }
    if (kind === 'name') current.name = cleanName(value) || null;
    else if (kind === 'email') current.email = findAddresses(value, normaliseEmail)[0]?.email ?? null;
    else current.organisation = cleanOrganisation(value) || null;
  }
  return people.filter((p) => p.name !== null || p.email !== null);
}

// ---------------------------------------------------------------------------------------------------------------
// Lists: a line with a person's address and, usually, their name

export interface ListPerson {
  readonly name: string | null;
  readonly email: string;
  readonly organisation: string | null;
  /** A list entry ("– …", "1. …", an address on its own line), not an address mentioned in a sentence. */
  readonly listed: boolean;
  readonly line: string;
}

const BULLET = /^\s*(?:[-–—•*·▪►➢]|\d{1,2}[.)])\s*/u;
const FORM_LABEL = /(?:e-post(?:adress)?|e-mail|email|mejl|mail)\s*:\s*$/i;
// A name written right against the address, in prose: "min kollega Per Holm (per.holm@…)", "anna@… (Anna Berg)".
const NAME_WORDS = "\\p{Lu}[\\p{L}\\p{M}'’-]+(?:\\s+(?:af |von |van |de |der )?\\p{Lu}[\\p{L}\\p{M}'’-]+){1,3}";
const NAME_BEFORE = new RegExp(`(${NAME_WORDS})[\\s,:(<[–-]*$`, 'u');
const NAME_AFTER = new RegExp(`^[\\s>\\])]*[\\s,(–-]+(${NAME_WORDS})`, 'u');

function adjacentName(before: string, after: string, isOrganisation: (text: string) => boolean): string | null {
  // Bounded: the name is a few words, and a long line must not be searched from every position.
  for (const m of [NAME_BEFORE.exec(before.slice(-80)), NAME_AFTER.exec(after.slice(0, 80))]) {
    const words = (m?.[1] ?? '').split(/\s+/);
    // The last capitalised words only: "Jag anmäler Per Holm" has "Jag" in front of the name.
    while (words.length > 2 && !isPersonName(words.join(' '), isOrganisation)) words.shift();
    const name = cleanName(words.join(' '));
    if (name !== '' && isPersonName(name, isOrganisation)) return name;
  }
  return null;
}

export function readListPeople(
  lines: readonly string[],
  directory: OrganisationDirectory,
  isOwnSide: (email: string) => boolean,
): ListPerson[] {
  const out: ListPerson[] = [];
  for (const line of lines) {
    if (out.length >= MAX_PEOPLE_READ) break;
    if (FIELD.test(line)) continue; // forms are read by readForm
    for (const address of findAddresses(line, normaliseEmail).slice(0, MAX_PEOPLE_READ)) {
      if (isOwnSide(address.email)) continue;
      // Only the text near the address: a name is written next to it, and a long line is not read once per address.
      const before = line
        .slice(Math.max(0, address.start - ADDRESS_CONTEXT), address.start)
        .replace(/(?:mailto:|[<[(])\s*$/i, '')
        .replace(FORM_LABEL, '');
      const after = line.slice(address.end, address.end + ADDRESS_CONTEXT).replace(/^\s*[>\])]/, '');
      const rest = `${before} ${after}`.replace(/\((?:jag|me|mig själv|myself)\)/gi, ' ');
      const leading = nameInLine(rest.replace(BULLET, ''), directory.mentions);
      const short = rest.split(/\s+/).filter(Boolean).length <= 8;
      const adjacent = leading !== null && short ? null : adjacentName(before, after, directory.mentions);
      const name = leading !== null && short ? leading : adjacent;
      const listed = BULLET.test(line) || rest.replace(/[\s,;:|–—-]/g, '') === '' || name !== null;
      if (isRoleAddress(address.email) && name === null) continue;
      out.push({ name, email: address.email, organisation: directory.find(rest)[0]?.name ?? null, listed, line });
    }
  }
  return out;
}

const SEND_TO =
  /(?:skicka|send|använd|use|inbjudan|invitation|kallelse).{0,60}(?:till|to|på|at)(?:\s+\S+){0,3}\s*$|(?:min|mitt|my) (?:\p{L}+ ){0,2}\p{L}*(?:adress|address|post|mejl|mail)\s*(?:är|is|:)?\s*$/iu;

/** "Skicka inbjudan till min jobbadress anna.berg@org.se": the sender asks to be invited at another address. */
export function preferredAddress(
  lines: readonly string[],
  senderEmail: string | null,
  isOwnSide: (email: string) => boolean,
): string | null {
  for (const line of lines) {
    for (const address of findAddresses(line, normaliseEmail).slice(0, MAX_PEOPLE_READ)) {
      if (address.email === senderEmail || isOwnSide(address.email) || isRoleAddress(address.email)) continue;
      if (SEND_TO.test(line.slice(Math.max(0, address.start - ADDRESS_CONTEXT), address.start))) return address.email;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// The sender

const INTRODUCTION = /(?:jag heter|mitt namn är|my name is)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3})/u;

export function statedName(lines: readonly string[]): string | null {
  for (const line of lines) {
    const m = INTRODUCTION.exec(line);
    if (m?.[1] !== undefined) return cleanName(m[1]);
  }
  return null;
}

export interface PersonFound {
  readonly person: TriagePerson;
  readonly name: NameChoice;
  readonly organisation: OrganisationChoice;
}

export interface WriterInput {
  /** The From of the mail, or the From line of a forwarded mail's header. */
  readonly address: MailAddress | null;
  /** Further addresses for the same person (Reply-To), tried when `address` has none that is usable. */
  readonly fallbackAddresses: readonly MailAddress[];
  readonly signature: Signature | null;
  /** The writer's own text without the signature. */
  readonly body: readonly string[];
  readonly subject: string;
  readonly form: FormPerson | null;
  readonly source: TriagePersonSource;
}

/** The writer of a mail (the sender, or the writer of a forwarded mail) as a person. */
export function writerOf(input: WriterInput, directory: OrganisationDirectory): PersonFound {
  // Without a usable From (a system message, a broken header), the signature's own address stands in.
  const email =
    normaliseEmail(input.address?.email ?? '') ??
    input.fallbackAddresses.map((a) => normaliseEmail(a.email)).find((e): e is string => e !== null) ??
    input.form?.email ??
    (input.signature === null
      ? null
      : (findAddresses(input.signature.lines.join('\n'), normaliseEmail).find((a) => !isRoleAddress(a.email))?.email ?? null));
  const display = parseDisplayName(input.address?.name ?? '', directory.mentions);
  const stated =
    input.form?.name !== undefined && input.form.name !== null && isPersonName(input.form.name, directory.mentions)
      ? input.form.name
      : statedName(input.body);
  const name = chooseName(
    { display: display.name, signature: input.signature?.name ?? null, stated },
    email,
    input.address?.name ?? '',
  );
  const organisation = resolveOrganisation(
    {
      form: input.form?.organisation ?? null,
      signature: input.signature,
      displayExtra: display.extra,
      subject: input.subject,
      body: input.body,
      email,
      personName: name.name,
    },
    directory,
  );
  const source: TriagePersonSource =
    input.source === 'sender' && normaliseEmail(input.address?.email ?? '') === null && email !== null
      ? 'signature'
      : input.source;
  return {
    person: { name: name.name, email, organisation: organisation.name, source, organisationSource: organisation.source },
    name,
    organisation,
  };
}

/** A listed person with the organisation from their line, their domain, or the sender's when they share it. */
export function listedPerson(
  listed: ListPerson | FormPerson,
  sender: TriagePerson | null,
  /** The first known organisation the mail's text mentions ("vi blir två från Forum"), found once per mail. */
  mentioned: string | null,
  directory: OrganisationDirectory,
): { readonly person: TriagePerson; readonly uncertain: boolean } {
  const email = listed.email;
  const guessedName = listed.name === null && email !== null ? nameFromAddress(email) : null;
  const name = listed.name ?? guessedName ?? '';
  let organisation: string | null =
    listed.organisation === null ? null : (directory.canonical(listed.organisation) ?? listed.organisation);
  let organisationSource: OrganisationSource | null = organisation === null ? null : 'body';
  if (organisation === null && email !== null) {
    const domain = directory.ofDomain(domainOf(email));
    if (domain !== null) [organisation, organisationSource] = [domain.name, 'domain'];
    else if (sender?.email != null && domainOf(sender.email) === domainOf(email) && sender.organisation !== null) {
      [organisation, organisationSource] = [sender.organisation, sender.organisationSource];
    }
  }
  if (organisation === null && mentioned !== null) [organisation, organisationSource] = [mentioned, 'body'];
  return {
    person: { name, email, organisation, source: 'body', organisationSource },
    uncertain: listed.name === null,
  };
}
