/**
 * Organisations in registration mails, resolved to the names the consultation knows. People write their
 * organisation every which way — "SKR" for Sveriges Kommuner och Regioner, "TI Sverige", "Funktionsrätt" for
 * Funktionsrätt Sverige, "LSU" for "LSU – Sveriges ungdomsorganisationer", "Amnesty International, svenska
 * sektionen" — or not at all, when only the address's domain says it. The variants are derived from the known
 * names by rules (short forms, heads, leading words, initials), never listed per organisation, so any
 * consultation's list works the same. Public-sector names outside the list are found by the invitation import's
 * recogniser; anything else is read from the signature's shape and reported with less confidence.
 */
import { findOrganisations } from '../../invitation/organisations';
import { looksLikeOrganisationWords, isPersonName, isTitle } from './names';
import { cleanOrganisation, foldedWords } from './text';

export type OrganisationMatch = 'name' | 'short-form' | 'leading-words';

export interface OrganisationHit {
  /** The canonical (known) name. */
  readonly name: string;
  /** Position in the text searched (after dash and space normalisation, which keeps positions). */
  readonly index: number;
  readonly how: OrganisationMatch;
}

export interface DomainOrganisation {
  readonly name: string;
  /** `learnt` from other mails of the inbox; `known` by matching the domain against the known names. */
  readonly how: 'learnt' | 'known';
}

export interface OrganisationDirectory {
  /** Known organisations named in a text, in order, each once. */
  readonly find: (text: string) => OrganisationHit[];
  /** The whole text is a known organisation or one of its variants. */
  readonly isKnown: (text: string) => boolean;
  /** The text names a known organisation somewhere ("Info Rädda Barnen"): then it is not a person's name. */
  readonly mentions: (text: string) => boolean;
  /** The canonical name for a text that is a variant of exactly one known organisation. */
  readonly canonical: (text: string) => string | null;
  /** The organisation an address's domain stands for, when it can be told. */
  readonly ofDomain: (domain: string) => DomainOrganisation | null;
}

/** Words that do not count when initials are taken ("Sveriges Kommuner och Regioner" → SKR). */
const FUNCTION_WORDS = new Set([
  'och',
  'i',
  'för',
  'med',
  'av',
  'på',
  'till',
  'om',
  'and',
  'of',
  'the',
  'for',
  'in',
  'on',
  '&',
  'ska',
]);

/**
 * Free mail providers: their domains say nothing about an organisation. Matched on the name before the top-level
 * domain, so gmail.com and gmail.se (and a sandbox's gmail.example) are all recognised.
 */
const PUBLIC_MAIL_PROVIDERS = new Set([
  'gmail',
  'googlemail',
  'hotmail',
  'outlook',
  'live',
  'msn',
  'yahoo',
  'ymail',
  'icloud',
  'me',
  'mac',
  'aol',
  'protonmail',
  'proton',
  'pm',
  'gmx',
  'web',
  'mail',
  'email',
  'yandex',
  'zoho',
  'fastmail',
  'hey',
  'tutanota',
  'tuta',
  'telia',
  'bredband',
  'bredband2',
  'comhem',
  'tele2',
  'spray',
  'passagen',
  'bahnhof',
  'ownit',
  'home',
  'swipnet',
]);

/** Dashes and spaces as one form, so "Forum - idéburna" finds "Forum – idéburna". Keeps every position. */
function matchForm(text: string): string {
  return text.replace(/[‐‑‒–—―]/g, '-').replace(/\s/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Variant {
  readonly text: string;
  readonly canonical: string;
  readonly how: OrganisationMatch;
  /** Short forms and single words are matched in their case: "forum" and "famna" are also ordinary words. */
  readonly caseSensitive: boolean;
}

function capitalised(word: string): boolean {
  return /^[\p{Lu}\d]/u.test(word);
}

/** The variants of one known name, derived by rule. */
function variantsOf(canonical: string): Variant[] {
  const full = matchForm(canonical.replace(/\s+/g, ' ').trim());
  const out: Variant[] = [];
  const add = (text: string, how: OrganisationMatch, caseSensitive: boolean): void => {
    const trimmed = text.trim();
    if (trimmed.length >= 2) out.push({ text: trimmed, canonical, how, caseSensitive });
  };
  const singleWord = (text: string): boolean => !text.includes(' ');
  add(full, 'name', singleWord(full));
  if (singleWord(full) && full.length >= 3) add(full.toUpperCase(), 'name', true);

  // "Sveriges Dövas Riksförbund (SDR)": the name without the short form, and the short form alone.
  const short = /\(([^()]{2,12})\)/.exec(full)?.[1];
  const base = full.replace(/\s*\([^()]*\)/g, '').trim();
  if (short !== undefined) add(short, 'short-form', true);
  if (base !== full) add(base, 'name', singleWord(base));

  // "LSU – Sveriges ungdomsorganisationer", "Famna: Riksorganisationen …": the head before the dash or colon.
  const head = /^(.+?)(?: - |: )/.exec(base)?.[1];
  if (head !== undefined) add(head, 'short-form', singleWord(head));
  const main = head ?? base;

  const wordsOfMain = main.split(' ');
  const capitalWords = wordsOfMain.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()));
  // Initials of the capitalised words: SKR, CRD, FGJ — three letters at least, two are too often something else.
  if (capitalWords.length >= 3 && capitalWords.every(capitalised))
    add(capitalWords.map((w) => w.charAt(0).toUpperCase()).join(''), 'short-form', true);
  // Initials of the leading words with the rest written out: "TI Sverige".
  for (let k = 2; k < wordsOfMain.length; k++) {
    const lead = wordsOfMain.slice(0, k);
    if (lead.every(capitalised) && !lead.some((w) => FUNCTION_WORDS.has(w.toLowerCase())) && capitalised(wordsOfMain[k] ?? '')) {
      add(`${lead.map((w) => w.charAt(0).toUpperCase()).join('')} ${wordsOfMain.slice(k).join(' ')}`, 'short-form', true);
    }
  }
  // Leading words that keep at least half the name: "Funktionsrätt" (Sverige), "Studieförbunden" (i samverkan),
  // "Amnesty International" (Sverige). Less would make "Svenska" or "Sveriges" stand for one organisation.
  for (let k = 1; k < wordsOfMain.length; k++) {
    const lead = wordsOfMain.slice(0, k).join(' ');
    const last = wordsOfMain[k - 1] ?? '';
    if (lead.length * 2 >= main.length && capitalised(last) && !FUNCTION_WORDS.has(last.toLowerCase()))
      add(lead, 'leading-words', true);
  }
  return out;
}

function boundaryPattern(alternatives: readonly string[], flags: string): RegExp | null {
  if (alternatives.length === 0) return null;
  const sorted = [...alternatives].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, `${flags}gu`);
}

interface DomainKey {
  readonly canonical: string;
  readonly words: readonly string[];
  readonly compact: string;
  readonly initials: string;
  readonly head: string | null;
  readonly short: string | null;
}

function domainKeyOf(canonical: string): DomainKey {
  const base = canonical.replace(/\s*\([^()]*\)/g, '');
  const head = /^(.+?)\s+[-–—:]\s+/.exec(base)?.[1] ?? null;
  const main = head ?? base;
  const words = foldedWords(base);
  const mainWords = foldedWords(main).filter((w) => !FUNCTION_WORDS.has(w));
  return {
    canonical,
    words,
    compact: foldedWords(main).join(''),
    initials: mainWords.length >= 3 ? mainWords.map((w) => w.charAt(0)).join('') : '',
    head: head === null ? null : foldedWords(head).join(''),
    short: /\(([^()]{2,12})\)/.exec(canonical)?.[1]?.toLowerCase() ?? null,
  };
}

/** How well a domain's label fits a known name; 0 for not at all. */
function domainScore(label: string, key: DomainKey): number {
  const tokens = label.split(/[-_]/).filter((t) => t !== '');
  const compact = tokens.join('');
  if (compact.length < 2) return 0;
  if (compact === key.compact || compact === key.head || compact === key.short) return 4;
  if (key.initials !== '' && compact === key.initials) return 3;
  if (tokens.length >= 2 && tokens.every((t) => key.words.includes(t))) return 3;
  const enough = compact.length >= 4 && compact.length * 2 >= key.compact.length;
  if (enough && (key.compact.startsWith(compact) || key.compact.endsWith(compact))) return 2;
  return 0;
}

/** The label that names the organisation: "raddabarnen" of mail.raddabarnen.se. */
function organisationLabel(domain: string): string | null {
  const labels = domain.toLowerCase().split('.');
  return labels.length >= 2 ? (labels[labels.length - 2] ?? null) : null;
}

export function isPublicMailDomain(domain: string): boolean {
  const label = organisationLabel(domain);
  return label === null || PUBLIC_MAIL_PROVIDERS.has(label);
}

function lookUpLearnt(domain: string, learnt: ReadonlyMap<string, string>): string | null {
  const labels = domain.toLowerCase().split('.');
  for (let i = 0; i + 2 <= labels.length; i++) {
    const name = learnt.get(labels.slice(i).join('.'));
    if (name !== undefined) return name;
  }
  return null;
}

const cache = new WeakMap<readonly string[], Omit<OrganisationDirectory, 'ofDomain'> & { keys: readonly DomainKey[] }>();
const NO_ORGANISATIONS: readonly string[] = [];

function compile(known: readonly string[]): Omit<OrganisationDirectory, 'ofDomain'> & { keys: readonly DomainKey[] } {
  const cached = cache.get(known);
  if (cached !== undefined) return cached;
  const names = [...new Set(known.map((k) => cleanOrganisation(k)).filter((k) => k !== ''))];
  // A variant shared by two organisations stands for neither, unless it is one of them's full name.
  const byText = new Map<string, Variant[]>();
  for (const v of names.flatMap(variantsOf)) {
    const key = v.caseSensitive ? v.text : v.text.toLowerCase();
    byText.set(key, [...(byText.get(key) ?? []), v]);
  }
  const variants: Variant[] = [];
  const lookup = new Map<string, Variant>();
  for (const [key, list] of byText) {
    const canonicals = new Set(list.map((v) => v.canonical));
    const chosen = canonicals.size === 1 ? list[0] : list.find((v) => v.how === 'name');
    if (chosen === undefined) continue;
    variants.push(chosen);
    lookup.set(key, chosen);
  }
  const insensitive = boundaryPattern(
    variants.filter((v) => !v.caseSensitive).map((v) => v.text),
    'i',
  );
  const sensitive = boundaryPattern(
    variants.filter((v) => v.caseSensitive).map((v) => v.text),
    '',
  );
  const variantOf = (text: string): Variant | undefined => lookup.get(text) ?? lookup.get(text.toLowerCase());

  const find = (text: string): OrganisationHit[] => {
    // Runs of spaces as one, as the variants are written; positions then only order the hits, which is all they do.
    const form = matchForm(text).replace(/ {2,}/g, ' ');
    const hits: { index: number; length: number; variant: Variant }[] = [];
    for (const pattern of [insensitive, sensitive]) {
      if (pattern === null) continue;
      for (const m of form.matchAll(pattern)) {
        const variant = variantOf(m[0]);
        if (variant !== undefined) hits.push({ index: m.index, length: m[0].length, variant });
      }
    }
    // Longest first at each place, then drop what a longer hit covers: "Sveriges Kommuner och Regioner" is not
    // also "Sveriges Kommuner".
    hits.sort((a, b) => a.index - b.index || b.length - a.length);
    const out: OrganisationHit[] = [];
    const seen = new Set<string>();
    let coveredUntil = -1;
    for (const hit of hits) {
      if (hit.index < coveredUntil) continue;
      coveredUntil = hit.index + hit.length;
      if (seen.has(hit.variant.canonical)) continue;
      seen.add(hit.variant.canonical);
      out.push({ name: hit.variant.canonical, index: hit.index, how: hit.variant.how });
    }
    return out;
  };
  const canonical = (text: string): string | null => {
    const variant = variantOf(matchForm(text.replace(/\s+/g, ' ').trim()));
    return variant?.canonical ?? null;
  };
  const compiled = {
    find,
    isKnown: (text: string) => canonical(text) !== null,
    mentions: (text: string) => find(text).length > 0,
    canonical,
    keys: names.map(domainKeyOf),
  };
  cache.set(known, compiled);
  return compiled;
}

/** A directory over the known names (compiled once per list) and the domains learnt so far. */
export function organisationDirectory(
  known: readonly string[] = NO_ORGANISATIONS,
  learnt: ReadonlyMap<string, string> = new Map(),
): OrganisationDirectory {
  const compiled = compile(known);
  return {
    find: compiled.find,
    isKnown: compiled.isKnown,
    mentions: compiled.mentions,
    canonical: compiled.canonical,
    ofDomain: (domain) => {
      if (isPublicMailDomain(domain)) return null;
      const fromInbox = lookUpLearnt(domain, learnt);
      if (fromInbox !== null) return { name: compiled.canonical(fromInbox) ?? fromInbox, how: 'learnt' };
      const label = organisationLabel(domain);
      if (label === null) return null;
      let best: { name: string; score: number } | null = null;
      let tied = false;
      for (const key of compiled.keys) {
        const score = domainScore(label, key);
        if (score === 0) continue;
        if (best === null || score > best.score) [best, tied] = [{ name: key.canonical, score }, false];
        else if (score === best.score) tied = true;
      }
      return best !== null && !tied ? { name: best.name, how: 'known' } : null;
    },
  };
}

const PHONE = /^(?:(?:tel|telefon|mobil|mob|phone|mobile|cell|direkt|växel|fax)\.?:?\s*)?[+(]?\d[\d\s().-]{5,}$/i;
const CONTACT_MARK = /@|https?:|www\.|^[☎✆📞📱]/u;

/**
 * An organisation named in a signature that the known list does not have: a public-sector name the invitation
 * import recognises, or a line (or a part of one, split at "|" and ",") that is neither the name, a title, a
 * phone number nor an address. `confident` when it has an organisation's shape (a "förening", "Sverige", …).
 */
export function organisationInSignature(
  lines: readonly string[],
  personName: string | null,
  isOrganisation: (text: string) => boolean,
): { readonly name: string; readonly confident: boolean } | null {
  const text = lines.join('\n');
  const recognised = findOrganisations(text)[0];
  if (recognised !== undefined) return { name: cleanOrganisation(recognised.name), confident: true };
  let fallback: string | null = null;
  for (const line of lines.slice(0, 6)) {
    for (const raw of line.split(/\s*[|\t]\s*|,\s+/)) {
      const part = cleanOrganisation(raw);
      if (part === '' || part === '--' || PHONE.test(part) || CONTACT_MARK.test(part) || isTitle(part)) continue;
      // The person signs with their name, or only its first word ("Ebba", "/Jonas"): neither is the organisation.
      if (personName !== null && isPersonName(part) && foldedWords(part).every((w) => foldedWords(personName).includes(w)))
        continue;
      if (/[.!?:]$/.test(part) || part.split(' ').length > 8 || !/\p{Lu}/u.test(part)) continue;
      if (looksLikeOrganisationWords(part) || isOrganisation(part)) return { name: part, confident: true };
      // A second name-shaped line under the name is more likely an organisation ("Ideell Arena") than a person.
      if (fallback === null && !(isPersonName(part) && personName === null)) fallback = part;
    }
  }
  return fallback === null ? null : { name: fallback, confident: false };
}
