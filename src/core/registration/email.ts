/**
 * E-mail addresses as people type them into a registration mail ("Anna <Anna@Org.se>", "mailto:anna@org.se",
 * an address pasted with a non-breaking space) reduced to one comparable form, so that the same person registering
 * twice, or registering and later being invited from Outlook, is recognised as one person.
 */
import type { Bilingual } from '../errors';

export type InvalidEmailReason =
  'empty' | 'contains-space' | 'invalid-character' | 'missing-at' | 'several-at' | 'empty-local-part' | 'invalid-domain';

export type EmailParseResult =
  { readonly ok: true; readonly email: string } | { readonly ok: false; readonly reason: InvalidEmailReason };

// `\s` and String#trim cover the non-breaking spaces (U+00A0, U+202F); zero-width characters come along when an
// address is copied out of a formatted mail and are invisible to the person fixing it, so they are trimmed as well.
const EDGE_SPACE = /^[\s\u200B-\u200D\u2060]+|[\s\u200B-\u200D\u2060]+$/g;
const INNER_SPACE = /[\s\u200B-\u200D\u2060]/;
const MAILTO = /^mailto:/i;
// Characters that only appear in a plausible address inside quotes, which registration mails never need; seeing
// one means a list or a display name was pasted, e.g. "a@b.se; c@d.se" or "<a@b.se".
const INVALID_CHARACTER = /[<>()[\]\\,;:"\p{Cc}]/u;

function isZeroWidth(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060;
}

function trimSpace(value: string): string {
  // trim() first: it is much cheaper than the regular expression, which is only needed for zero-width characters.
  const trimmed = value.trim();
  const zeroWidthAtEdge = isZeroWidth(trimmed.charCodeAt(0)) || isZeroWidth(trimmed.charCodeAt(trimmed.length - 1));
  return zeroWidthAtEdge ? trimmed.replace(EDGE_SPACE, '') : trimmed;
}

/** `"Name" <a@b.se>`, `Name <a@b.se>` and `<a@b.se>` → `a@b.se`. The last `<` wins: a display name may contain one. */
function withoutDisplayName(value: string): string {
  if (!value.endsWith('>')) return value;
  const open = value.lastIndexOf('<');
  return open < 0 ? value : value.slice(open + 1, -1);
}

/** `mailto:a@b.se?subject=Anmälan` → `a@b.se`: a copied link keeps its query. */
function withoutMailto(value: string): string {
  if (!MAILTO.test(value)) return value;
  const address = value.replace(MAILTO, '');
  const query = address.indexOf('?');
  return query < 0 ? address : address.slice(0, query);
}

function problemOf(address: string): InvalidEmailReason | null {
  if (address === '') return 'empty';
  if (INNER_SPACE.test(address)) return 'contains-space';
  if (INVALID_CHARACTER.test(address)) return 'invalid-character';
  const at = address.indexOf('@');
  if (at < 0) return 'missing-at';
  if (address.includes('@', at + 1)) return 'several-at';
  if (at === 0) return 'empty-local-part';
  // At least two labels, none of them empty: "org.se", not "localhost", "org.se." or "org..se".
  const domain = address.slice(at + 1);
  if (!domain.includes('.') || domain.startsWith('.') || domain.endsWith('.') || domain.includes('..')) {
    return 'invalid-domain';
  }
  return null;
}

/** Normalises an address as typed and says why it is not a plausible address when it is not. */
export function parseEmail(raw: string): EmailParseResult {
  // Outlook's plain-text copies write "Anna <mailto:anna@org.se>", so mailto: is stripped after the brackets.
  const address = trimSpace(withoutMailto(trimSpace(withoutDisplayName(trimSpace(raw))))).toLowerCase();
  const reason = problemOf(address);
  return reason === null ? { ok: true, email: address } : { ok: false, reason };
}

/** The comparable form of an address (trimmed, without mailto: or display name, lower-cased), or null if implausible. */
export function normaliseEmail(raw: string): string | null {
  const result = parseEmail(raw);
  return result.ok ? result.email : null;
}

const REASON_TEXTS: Readonly<Record<InvalidEmailReason, Bilingual>> = {
  empty: { sv: 'E-postadressen saknas.', en: 'The e-mail address is missing.' },
  'contains-space': {
    sv: 'E-postadressen innehåller mellanslag.',
    en: 'The e-mail address contains a space.',
  },
  'invalid-character': {
    sv: 'E-postadressen innehåller ett tecken som inte hör hemma i en adress, till exempel , ; < eller ".',
    en: 'The e-mail address contains a character that does not belong in an address, such as , ; < or ".',
  },
  'missing-at': { sv: 'E-postadressen saknar @.', en: 'The e-mail address has no @.' },
  'several-at': { sv: 'E-postadressen har mer än ett @.', en: 'The e-mail address has more than one @.' },
  'empty-local-part': { sv: 'E-postadressen saknar namn före @.', en: 'The e-mail address has no name before the @.' },
  'invalid-domain': {
    sv: 'Domänen efter @ är ofullständig (till exempel saknas punkt).',
    en: 'The domain after the @ is incomplete (for example, it has no dot).',
  },
};

/** Why an address was not accepted, in both languages, for the organiser who has to correct it. */
export function describeInvalidEmail(reason: InvalidEmailReason): Bilingual {
  return REASON_TEXTS[reason];
}
