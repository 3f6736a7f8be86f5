/**
 * What a validation problem says, in Swedish and English. zod's own messages are English only, so every issue
 * is described here from its code and parameters; the checks the schema adds itself (cross-references, the id
 * rule, the time zone) carry their bilingual text in the issue's `params.samrad`.
 */
import type * as z from 'zod/mini';
import type { Bilingual } from '../errors';

/** Where a problem is, as a JSON path such as `agenda.parts[0].items[1].title`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(document)' : out;
}

/** Stable identifiers: the rule and what it says when broken live together. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
export const ID_RULE: Bilingual = {
  sv: 'Använd bara bokstäver (a–z, utan å, ä och ö), siffror, "-" och "_".',
  en: 'Use letters, digits, "-" and "_" only.',
};

export const UNKNOWN_TIME_ZONE: Bilingual = {
  sv: 'Okänd IANA-tidszon (förväntat t.ex. Europe/Stockholm).',
  en: 'Unknown IANA time zone (expected e.g. Europe/Stockholm).',
};

/** The checks that z.object cannot express, in both languages. */
export const crossReferenceMessages = {
  endNotAfterStart: (): Bilingual => ({
    sv: 'Mötet måste sluta efter att det börjar.',
    en: 'The meeting must end after it starts.',
  }),
  deadlineAfterEnd: (): Bilingual => ({
    sv: 'Sista dag för anmälan ligger efter att mötet slutar.',
    en: 'The registration deadline is after the meeting ends.',
  }),
  duplicateId: (id: string, earlier: string): Bilingual => ({
    sv: `Id:t "${id}" finns redan (används också vid ${earlier}).`,
    en: `Duplicate id "${id}" (also used at ${earlier}).`,
  }),
  ledgerAfterPurge: (count: number): Bilingual => ({
    sv: `Personuppgifterna i anmälningslistan har redan raderats enligt gallringen, men listan har ${count} rader igen.`,
    en: `The personal data in the registration ledger was already deleted by retention, yet the ledger has ${count} rows again.`,
  }),
  unknownAgendaItem: (itemId: string): Bilingual => ({
    sv: `Ingen punkt på dagordningen har id:t "${itemId}".`,
    en: `No agenda item has id "${itemId}".`,
  }),
  oneWayLink: (itemId: string, questionId: string): Bilingual => ({
    sv: `Punkten "${itemId}" har inte frågan "${questionId}" i sina questionIds.`,
    en: `Agenda item "${itemId}" does not list question "${questionId}" in its questionIds.`,
  }),
  unknownQuestion: (questionId: string): Bilingual => ({
    sv: `Ingen fråga har id:t "${questionId}".`,
    en: `No question has id "${questionId}".`,
  }),
  questionLinkedElsewhere: (questionId: string): Bilingual => ({
    sv: `Frågan "${questionId}" hör till en annan punkt på dagordningen.`,
    en: `Question "${questionId}" is linked to another agenda item.`,
  }),
} as const;

/** The params a Samråd check puts on its issue, so that its text survives zod in both languages. */
export function bilingualParams(message: Bilingual): { samrad: Bilingual } {
  return { samrad: message };
}

function isBilingual(value: unknown): value is Bilingual {
  if (typeof value !== 'object' || value === null) return false;
  const { sv, en } = value as Record<string, unknown>;
  return typeof sv === 'string' && typeof en === 'string';
}

const TYPE_NAMES: Readonly<Record<string, Bilingual>> = {
  string: { sv: 'text', en: 'text' },
  number: { sv: 'ett tal', en: 'a number' },
  int: { sv: 'ett heltal', en: 'a whole number' },
  boolean: { sv: 'true eller false', en: 'true or false' },
  object: { sv: 'ett objekt', en: 'an object' },
  array: { sv: 'en lista', en: 'a list' },
  null: { sv: 'null', en: 'null' },
};

function typeName(expected: string): Bilingual {
  return TYPE_NAMES[expected] ?? { sv: expected, en: expected };
}

function shown(value: unknown): string {
  if (value === undefined) return 'undefined';
  return typeof value === 'bigint' ? value.toString() : JSON.stringify(value);
}

function oneOf(values: readonly unknown[]): Bilingual {
  const list = values.map(shown).join(', ');
  return values.length === 1
    ? { sv: `Måste vara ${list}.`, en: `Must be ${list}.` }
    : { sv: `Måste vara ett av: ${list}.`, en: `Must be one of: ${list}.` };
}

function tooSmall(issue: z.core.$ZodIssueTooSmall): Bilingual {
  const n = String(issue.minimum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (issue.minimum === 1) return { sv: 'Får inte vara tomt.', en: 'Must not be empty.' };
      return { sv: `Måste ha minst ${n} tecken.`, en: `Must have at least ${n} characters.` };
    case 'array':
    case 'set':
      return { sv: `Måste ha minst ${n} element.`, en: `Must have at least ${n} elements.` };
    default:
      return inclusive
        ? { sv: `Måste vara minst ${n}.`, en: `Must be at least ${n}.` }
        : { sv: `Måste vara större än ${n}.`, en: `Must be greater than ${n}.` };
  }
}

function tooBig(issue: z.core.$ZodIssueTooBig): Bilingual {
  const n = String(issue.maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      return { sv: `Får ha högst ${n} tecken.`, en: `Must have at most ${n} characters.` };
    case 'array':
    case 'set':
      return { sv: `Får ha högst ${n} element.`, en: `Must have at most ${n} elements.` };
    default:
      return inclusive
        ? { sv: `Får vara högst ${n}.`, en: `Must be at most ${n}.` }
        : { sv: `Måste vara mindre än ${n}.`, en: `Must be less than ${n}.` };
  }
}

function invalidFormat(issue: z.core.$ZodIssueInvalidStringFormat): Bilingual {
  switch (issue.format) {
    case 'email':
      return { sv: 'Ogiltig e-postadress.', en: 'Invalid e-mail address.' };
    case 'datetime':
      return {
        sv: 'Tidpunkten måste vara ISO 8601 med tidszonsförskjutning, t.ex. 2023-12-12T13:00:00+01:00.',
        en: 'The time must be ISO 8601 with a time zone offset, e.g. 2023-12-12T13:00:00+01:00.',
      };
    case 'url':
      return { sv: 'Ogiltig webbadress (den ska börja med https://).', en: 'Invalid URL (it must start with https://).' };
    case 'regex':
      return issue.pattern === String(ID_PATTERN)
        ? ID_RULE
        : { sv: `Har fel form (mönster ${issue.pattern ?? '?'}).`, en: `Has the wrong form (pattern ${issue.pattern ?? '?'}).` };
    default:
      return { sv: `Ogiltigt format (${issue.format}).`, en: `Invalid format (${issue.format}).` };
  }
}

/** The problem an issue describes, in both languages. */
export function describeIssue(issue: z.core.$ZodIssue): Bilingual {
  switch (issue.code) {
    case 'invalid_type': {
      const name = typeName(issue.expected);
      // Parsed with reportInput: an undefined input from JSON data means the field is missing.
      return issue.input === undefined
        ? { sv: `Saknas; måste vara ${name.sv}.`, en: `Missing; must be ${name.en}.` }
        : { sv: `Måste vara ${name.sv}.`, en: `Must be ${name.en}.` };
    }
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return invalidFormat(issue);
    case 'not_multiple_of':
      return { sv: `Måste vara en multipel av ${issue.divisor}.`, en: `Must be a multiple of ${issue.divisor}.` };
    case 'invalid_value':
      return oneOf(issue.values);
    case 'unrecognized_keys': {
      const keys = issue.keys.map(shown).join(', ');
      return issue.keys.length === 1
        ? { sv: `Okänt fält: ${keys}.`, en: `Unknown field: ${keys}.` }
        : { sv: `Okända fält: ${keys}.`, en: `Unknown fields: ${keys}.` };
    }
    case 'invalid_union': {
      // A discriminated union names the values its discriminator may take.
      const options = 'options' in issue ? (issue.options as readonly unknown[] | undefined) : undefined;
      return options !== undefined && options.length > 0
        ? oneOf(options)
        : { sv: 'Passar ingen av de tillåtna formerna.', en: 'Matches none of the allowed shapes.' };
    }
    case 'invalid_key':
      return { sv: 'Ogiltig nyckel.', en: 'Invalid key.' };
    case 'invalid_element':
      return { sv: 'Ogiltigt element.', en: 'Invalid element.' };
    case 'custom': {
      const own: unknown = issue.params?.['samrad'];
      return isBilingual(own) ? own : { sv: 'Ogiltigt värde.', en: issue.message };
    }
  }
}
