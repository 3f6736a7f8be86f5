/**
 * Fuzzing the triage with 10,000 mails: random mails, mutations of the seeded inbox and of the fixtures (bodies,
 * subjects, senders, headers, HTML and encodings), and pathological repetitions. Whatever the mail, `triageMail`
 * returns a well-formed result — a known kind, a confidence in [0, 1], normalised addresses, names and
 * organisations without markup or control characters and within their bounds, review reasons exactly when it
 * needs review — never throws, and finishes quickly (a slow call would betray a backtracking regular expression or
 * a quadratic loop).
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import type { IncomingMail } from '../../../../src/core/ports/registrationMail';
import { mutateText, type TextMutation } from '../../../support/textMutations';
import { normaliseEmail } from '../../../../src/core/registration/email';
import {
  MAX_NAME_LENGTH,
  MAX_ORGANISATION_LENGTH,
  REVIEW_REASONS,
  TRIAGE_KINDS,
  triageMail,
  type TriageContext,
  type TriageResult,
} from '../../../../src/core/registration/triage';
import { FIXTURE_ORGANISATIONS, FIXTURE_REGISTRATION_ADDRESS, MAIL_FIXTURES } from '../../../fixtures/mails/registrationMails';
import { SEED_CONTEXT, SEED_MAILS } from './seedSupport';

/** Generous on purpose: a typical call takes about a millisecond; catastrophic backtracking takes seconds or more. */
const SLOWEST_ALLOWED_MS = 2_000;
const RUNS = {
  randomMails: 1_500,
  bodyMutations: 4_500,
  headerMutations: 1_500,
  encodings: 1_000,
  pathological: 1_500,
} as const;
const TOTAL_INPUTS = Object.values(RUNS).reduce((a, b) => a + b, 0);
const PART_TIMEOUT_MS = 180_000;

const CONTEXTS: readonly TriageContext[] = [
  SEED_CONTEXT,
  { registrationAddress: FIXTURE_REGISTRATION_ADDRESS, knownOrganisations: FIXTURE_ORGANISATIONS },
  { registrationAddress: null },
];
const BASES: readonly IncomingMail[] = [...SEED_MAILS, ...MAIL_FIXTURES.map((f) => f.mail)];

const stats = { inputs: 0, slowestMs: 0, slowestInput: '', kinds: new Map<string, number>() };
const MARKUP_OR_CONTROL = /[<>\p{Cc}\p{Cf}]/u;

function codePoints(text: string): number {
  return Array.from(text).length;
}

/** The property, for one mail and context. */
function wellFormed(mail: IncomingMail, result: TriageResult): void {
  expect(result.mailId).toBe(mail.id);
  expect(TRIAGE_KINDS).toContain(result.kind);
  expect(Number.isFinite(result.confidence)).toBe(true);
  expect(result.confidence).toBeGreaterThanOrEqual(0);
  expect(result.confidence).toBeLessThanOrEqual(1);
  expect(result.needsReview).toBe(result.reviewReasons.length > 0);
  for (const reason of result.reviewReasons) expect(REVIEW_REASONS).toContain(reason);
  expect(new Set(result.reviewReasons).size).toBe(result.reviewReasons.length);
  for (const text of [result.reason.sv, result.reason.en]) {
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toMatch(MARKUP_OR_CONTROL);
  }
  if (result.kind !== 'registration' && result.kind !== 'cancellation') expect(result.people).toEqual([]);
  for (const person of result.people) {
    if (person.email !== null) expect(normaliseEmail(person.email)).toBe(person.email);
    expect(person.name).not.toMatch(MARKUP_OR_CONTROL);
    expect(codePoints(person.name)).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(person.name).toBe(person.name.normalize('NFC'));
    if (person.organisation !== null) {
      expect(person.organisation).not.toMatch(MARKUP_OR_CONTROL);
      expect(codePoints(person.organisation)).toBeLessThanOrEqual(MAX_ORGANISATION_LENGTH);
      expect(person.organisation.length).toBeGreaterThan(0);
    }
  }
}

function check(mail: IncomingMail, contextIndex: number): void {
  stats.inputs += 1;
  const context = CONTEXTS[contextIndex % CONTEXTS.length] as TriageContext;
  const started = performance.now();
  const result = triageMail(mail, context);
  const elapsed = performance.now() - started;
  if (elapsed > stats.slowestMs) {
    stats.slowestMs = elapsed;
    const body = mail.bodyText ?? mail.bodyHtml ?? '';
    stats.slowestInput = body.length > 200 ? `${body.slice(0, 200)}… (${body.length} characters)` : body;
  }
  expect(elapsed).toBeLessThan(SLOWEST_ALLOWED_MS);
  wellFormed(mail, result);
  stats.kinds.set(result.kind, (stats.kinds.get(result.kind) ?? 0) + 1);
}

/** Fragments that steer the triage into its deeper paths: phrases, closings, headers, forms, addresses, markup. */
const FRAGMENTS = [
  'Jag anmäler mig',
  'jag vill delta',
  'vi kommer två',
  'vi blir 3 från ',
  'I would like to register',
  'Please register me',
  'avanmäler',
  'kan tyvärr inte',
  'måste lämna återbud',
  'cannot attend',
  'Automatiskt svar',
  'Out of office',
  'Jag är på semester',
  '?',
  'Hur anmäler jag mig?',
  'Med vänliga hälsningar\n',
  'Mvh\n',
  'Best regards,\n',
  '-- \n',
  '/Anna\n',
  'Anna Berg\n',
  'Rädda Barnen\n',
  'SKR',
  'TI Sverige',
  'PRO',
  'Namn: Anna Berg\n',
  'E-post: anna@org.example\n',
  'Organisation: Forum\n',
  '– Karin Ek, karin.ek@socialforum.example\n',
  'anna.berg@raddabarnen.example',
  'info@lsu.example',
  'a@b',
  '@',
  '<',
  '>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '---------- Forwarded message ---------\n',
  '---------- Vidarebefordrat meddelande ---------\n',
  'Början av vidarebefordrat meddelande:\n',
  '________________________________\n',
  'Från: Lina Holm <lina.holm@naturskyddsforeningen.example>\n',
  'From: Tom <tom@weeffect.example>\nSent: Monday\nTo: x\nSubject: y\n',
  'Skickat: den 4 mars 2024\n',
  'Den tis 5 mars 2024 kl 10:12 skrev Anna <anna@x.example>:\n',
  '> ',
  '=C3=A5',
  '=\n',
  'Ã¤',
  '&auml;',
  '&#229;',
  '&nbsp;',
  '\u00a0',
  '\u200b',
  '\u202e',
  '\u0000',
  '\r\n',
  '\n',
  '\n\n',
  '\t',
  '|',
  ', ',
  '(',
  ')',
  '  ',
] as const;

/** The text mutations that make sense for a mail body (headings and shuffles are the invitation's). */
type Mutation = Extract<
  TextMutation,
  { readonly kind: 'deleteLine' | 'duplicateLine' | 'swapLines' | 'insertText' | 'deleteText' | 'lineEndings' | 'longLine' }
>;

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('deleteLine', 'duplicateLine'), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines'), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant('insertText'),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8, unit: 'binary' })),
  }),
  fc.record({ kind: fc.constant('deleteText'), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('lineEndings'), ending: fc.constantFrom('\r\n', '\r', '\n\n', '\u2028', '<br>', '</div><div>') }),
  fc.record({
    kind: fc.constant('longLine'),
    at: fc.nat(),
    fragment: fc.constantFrom(...FRAGMENTS),
    times: fc.integer({ min: 20, max: 800 }),
  }),
);

const mutate = mutateText;

function withBody(mail: IncomingMail, body: string): IncomingMail {
  return mail.bodyHtml !== null ? { ...mail, bodyHtml: body } : { ...mail, bodyText: body };
}

const ADDRESSES = [
  'anna@org.example',
  'Anna.Berg@RaddaBarnen.example',
  '',
  'not an address',
  'a@b@c',
  'x@localhost',
  FIXTURE_REGISTRATION_ADDRESS,
  SEED_CONTEXT.registrationAddress ?? '',
];
const NAMES = [
  '',
  'Anna Berg',
  'Berg, Anna',
  'anna@org.example',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  'A'.repeat(500),
  '\u202eanna\u0000',
  'Anna Berg | Rädda Barnen',
];

const randomMail: fc.Arbitrary<IncomingMail> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 12 }),
    subject: fc.string({ unit: 'grapheme', maxLength: 120 }),
    body: fc.oneof(
      fc.string({ unit: 'binary', maxLength: 600 }),
      fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((p) => p.join('')),
    ),
    html: fc.boolean(),
    from: fc.option(
      fc.record({
        name: fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 40 })),
        email: fc.oneof(fc.constantFrom(...ADDRESSES), fc.string({ maxLength: 30 })),
      }),
    ),
    replyTo: fc.array(fc.record({ name: fc.constantFrom(...NAMES), email: fc.constantFrom(...ADDRESSES) }), { maxLength: 2 }),
    autoSubmitted: fc.constantFrom(true, false, null),
    receivedAt: fc.constantFrom('2024-03-01T08:00:00Z', '2024-03-01T09:00:00+01:00', 'not a date', ''),
  })
  .map((r) => ({
    id: r.id,
    internetMessageId: null,
    conversationId: null,
    receivedAt: r.receivedAt,
    from: r.from,
    replyTo: r.replyTo,
    subject: r.subject,
    bodyText: r.html ? null : r.body,
    bodyHtml: r.html ? r.body : null,
    hasAttachments: false,
    autoSubmitted: r.autoSubmitted,
  }));

describe('fuzzing triageMail', () => {
  afterAll(() => {
    // The figures for the record; the assertions are in the tests.
    process.stdout.write(
      `triage fuzz: ${stats.inputs} mails, kinds ${JSON.stringify(Object.fromEntries(stats.kinds))}; slowest call ${stats.slowestMs.toFixed(1)} ms on ${JSON.stringify(stats.slowestInput.slice(0, 120))}\n`,
    );
  });

  it(
    'random mails: Unicode, fragments, odd senders and headers',
    () => {
      fc.assert(
        fc.property(randomMail, fc.nat(), (mail, c) => check(mail, c)),
        { numRuns: RUNS.randomMails, seed: 20240301 },
      );
    },
    PART_TIMEOUT_MS,
  );

  it(
    'mutations of the bodies of the seeded inbox and the fixtures',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...BASES),
          fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }),
          fc.nat(),
          (base, mutations, c) => {
            check(withBody(base, mutations.reduce(mutate, base.bodyHtml ?? base.bodyText ?? '')), c);
          },
        ),
        { numRuns: RUNS.bodyMutations, seed: 20240302 },
      );
    },
    PART_TIMEOUT_MS,
  );

  it(
    'mutations of subjects, senders, Reply-To, Auto-Submitted and the body type',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...BASES),
          fc.record({
            subject: fc.oneof(fc.constant(null), fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 60 })),
            from: fc.oneof(
              fc.constant('keep' as const),
              fc.constant(null),
              fc.record({ name: fc.constantFrom(...NAMES), email: fc.constantFrom(...ADDRESSES) }),
            ),
            replyTo: fc.array(fc.record({ name: fc.constantFrom(...NAMES), email: fc.constantFrom(...ADDRESSES) }), {
              maxLength: 2,
            }),
            autoSubmitted: fc.constantFrom(true, false, null),
            swapBodyType: fc.boolean(),
          }),
          fc.nat(),
          (base, change, c) => {
            const body = base.bodyHtml ?? base.bodyText ?? '';
            const mail: IncomingMail = {
              ...base,
              subject: change.subject === null ? base.subject : `${change.subject} ${base.subject}`,
              from: change.from === 'keep' ? base.from : change.from,
              replyTo: change.replyTo,
              autoSubmitted: change.autoSubmitted,
              bodyHtml: change.swapBodyType ? (base.bodyHtml === null ? body : null) : base.bodyHtml,
              bodyText: change.swapBodyType ? (base.bodyText === null ? body : null) : base.bodyText,
            };
            check(mail, c);
          },
        ),
        { numRuns: RUNS.headerMutations, seed: 20240303 },
      );
    },
    PART_TIMEOUT_MS,
  );

  it(
    'encodings: quoted-printable, Windows-1252 mojibake, entities, NBSP, zero-width and bidi characters, NFD',
    () => {
      const encoders: readonly ((text: string) => string)[] = [
        (t) =>
          Array.from(new TextEncoder().encode(t), (b) =>
            b >= 0x80 || b === 0x3d ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b),
          ).join(''),
        (t) => Array.from(new TextEncoder().encode(t), (b) => String.fromCharCode(b)).join(''),
        (t) => t.replace(/[åäöÅÄÖé]/g, (ch) => `&#${ch.charCodeAt(0)};`),
        (t) => t.replace(/ /g, '\u00a0'),
        (t) => t.replace(/(\p{L})(\p{L})/gu, '$1\u200b$2'),
        (t) => `\u202e${t}\u202c`,
        (t) => t.normalize('NFD'),
        (t) => t.replace(/\n/g, '=\r\n'),
      ];
      fc.assert(
        fc.property(
          fc.constantFrom(...BASES),
          fc.array(fc.nat({ max: encoders.length - 1 }), { minLength: 1, maxLength: 3 }),
          fc.nat(),
          (base, chosen, c) => {
            const body = chosen.reduce(
              (text, i) => (encoders[i] as (t: string) => string)(text),
              base.bodyHtml ?? base.bodyText ?? '',
            );
            const name = chosen.reduce((text, i) => (encoders[i] as (t: string) => string)(text), base.from?.name ?? '');
            check({ ...withBody(base, body), from: base.from === null ? null : { ...base.from, name } }, c);
          },
        ),
        { numRuns: RUNS.encodings, seed: 20240304 },
      );
    },
    PART_TIMEOUT_MS,
  );

  it(
    'pathological repetitions (up to 5,000 of an address, a tag, a header, a closing …), as text and as HTML',
    () => {
      const base = SEED_MAILS[2] as IncomingMail;
      fc.assert(
        fc.property(
          fc.constantFrom(...FRAGMENTS),
          fc.integer({ min: 1, max: 5_000 }),
          fc.constantFrom('', '\n', ' '),
          fc.boolean(),
          fc.nat(),
          (fragment, times, separator, html, c) => {
            const body = Array.from({ length: times }, () => fragment).join(separator);
            check(
              {
                ...base,
                bodyHtml: html ? body : null,
                bodyText: html ? null : body,
                subject: fragment.repeat(Math.min(times, 200)),
              },
              c,
            );
          },
        ),
        { numRuns: RUNS.pathological - FRAGMENTS.length, seed: 20240305 },
      );
      // And each fragment at the full 5,000, as plain text.
      FRAGMENTS.forEach((fragment, i) => check({ ...base, bodyText: fragment.repeat(5_000), bodyHtml: null }, i));
    },
    PART_TIMEOUT_MS,
  );

  it(`checked ${TOTAL_INPUTS} mails, the slowest well within the bound`, () => {
    expect(TOTAL_INPUTS).toBe(10_000);
    expect(stats.inputs).toBe(TOTAL_INPUTS);
    expect(stats.slowestMs).toBeLessThan(SLOWEST_ALLOWED_MS);
    // The corpus reaches the deeper paths: a fair share of the mails still read as registrations.
    expect(stats.kinds.get('registration') ?? 0).toBeGreaterThan(2_000);
  });
});
