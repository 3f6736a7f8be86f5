/**
 * Fuzzing the importer with 10,000 inputs: random Unicode strings, genre-shaped noise, mutations of the seed and
 * the fixtures, and pathological repetitions. Whatever the input, `importInvitation` returns a draft that passes
 * `validateConsultation` or throws a SamradError saying the text is unreadable — never another exception, never
 * an invalid draft — and every call finishes quickly (a slow call would betray a backtracking regular expression
 * or a quadratic loop).
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { validateConsultation } from '../../../src/core/consultation/validate';
import { isSamradError } from '../../../src/core/errors';
import { importInvitation } from '../../../src/core/invitation';
import { mutateText, type TextMutation } from '../../support/textMutations';
import { FIXTURE_NAMES, readFixture, readSeed } from './support';

/** Generous on purpose: the typical call takes milliseconds; catastrophic backtracking takes seconds or more. */
const SLOWEST_ALLOWED_MS = 2_000;

const RUNS = {
  randomUnicode: 1_500,
  randomGraphemes: 1_000,
  genreNoise: 1_000,
  genreLines: 1_500,
  mutations: 4_600,
  pathological: 400,
} as const;
const TOTAL_INPUTS = Object.values(RUNS).reduce((a, b) => a + b, 0);
/** Per test, beyond vitest's default: the bound that matters is per call; a busy 2-core machine is slow overall. */
const PART_TIMEOUT_MS = 120_000;

const BASES: readonly string[] = [readSeed(), ...FIXTURE_NAMES.map(readFixture)];

const stats = { inputs: 0, drafts: 0, unreadable: 0, slowestMs: 0, slowestInput: '' };

/** The property, for one input. Throws (failing the run) on anything but a valid draft or an unreadable-invitation error. */
function check(text: string): void {
  stats.inputs += 1;
  const started = performance.now();
  let outcome: 'draft' | 'unreadable';
  try {
    const { consultation } = importInvitation(text);
    const validation = validateConsultation(consultation);
    if (!validation.ok) throw new Error(`invalid draft: ${JSON.stringify(validation.problems)}`);
    outcome = 'draft';
  } catch (error) {
    if (!isSamradError(error)) throw error;
    // "invalid-consultation" would mean the importer built an invalid draft and caught itself: a defect too.
    expect(error.code).toBe('unreadable-invitation');
    outcome = 'unreadable';
  }
  const elapsed = performance.now() - started;
  if (elapsed > stats.slowestMs) {
    stats.slowestMs = elapsed;
    stats.slowestInput = text.length > 200 ? `${text.slice(0, 200)}… (${text.length} characters)` : text;
  }
  expect(elapsed).toBeLessThan(SLOWEST_ALLOWED_MS);
  stats[outcome === 'draft' ? 'drafts' : 'unreadable'] += 1;
}

const HEADINGS = [
  'Bakgrund',
  'Syfte',
  'Dagordning',
  'Program',
  'Diskussionsfrågor',
  'Åtaganden',
  'Anmälan',
  'Praktisk information',
  'Tid och plats',
  'Tid och datum',
  'Plats',
  'Datum',
  'Agenda',
  'Background',
  'Purpose',
  'Discussion questions',
  'Registration',
  'Venue',
  'Date and time',
  'Samrådets innehåll:',
] as const;

/** Fragments that steer the importer into its deeper paths: labels, dates, times, rows, questions, addresses. */
const FRAGMENTS = [
  ...HEADINGS,
  'Inbjudan till samråd om ',
  'Finansdepartementet bjuder in',
  'Ministry of Finance invites',
  'Myndigheten för digital förvaltning',
  'Tid och datum: ',
  'Datum: ',
  'Tid: ',
  'Plats: ',
  'Anmälan senast: ',
  'Antal platser: ',
  'högst 60 deltagare',
  'väntelista',
  '12 december 2023',
  '31 mars 2024 kl. 02.30-03.00',
  '27 oktober 2024 kl. 02.15–02.45',
  '29 februari 2023',
  'den 31/4',
  'kl. 23.30-00.30',
  '25.00–26.00',
  'tisdagen den 14 maj 2024',
  'den 12/12',
  '2024-03-05',
  'March 5, 2024',
  'kl. 13.00-14.30',
  '13:00–14:30',
  'kl 9–12',
  '10 am – 12 pm',
  '13.00–13.15 Inledning',
  '13.15 Presentation – Statskontoret',
  'Inledning (15 min)',
  'Del 1: Information',
  'Åtagande 1: ',
  'Fråga 1: ',
  '1) ',
  '2. ',
  '➢ ',
  '• ',
  '- ',
  'a@b.se',
  'x.y@regeringskansliet.se',
  '@',
  'Diskussion',
  'Varmt välkommen!',
  'Med vänliga hälsningar',
  ' – ',
  ', ',
  '(',
  ')',
  ':',
  '.',
  '  ',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '\u00A0',
  '\u200B',
  '-\n',
] as const;

type Mutation = TextMutation;

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('deleteLine', 'duplicateLine'), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines'), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('shuffleLines'), seed: fc.nat() }),
  fc.record({
    kind: fc.constant('insertText'),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8, unit: 'binary' })),
  }),
  fc.record({ kind: fc.constant('deleteText'), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('replaceWithHeading'), at: fc.nat(), heading: fc.constantFrom(...HEADINGS) }),
  fc.record({ kind: fc.constant('lineEndings'), ending: fc.constantFrom('\r\n', '\r', '\n\n', '\n \n', '\u2028', '\f') }),
  fc.record({ kind: fc.constantFrom('stripBlankLines', 'trimLines') }),
  fc.record({
    kind: fc.constant('longLine'),
    at: fc.nat(),
    fragment: fc.constantFrom(...FRAGMENTS),
    times: fc.integer({ min: 50, max: 3_000 }),
  }),
);

const mutate = mutateText;

/** How a line of an invitation can start: every structural shape the importer knows, and none. */
const LINE_STARTS = [
  '',
  '',
  ...HEADINGS,
  '➢ ',
  '• ',
  '- ',
  '– ',
  '1) ',
  '2. ',
  '(3) ',
  'Fråga 1: ',
  'Question 2: ',
  'Åtagande 1: ',
  'Commitment 2 – ',
  'Del 1: ',
  'Part II. ',
  '13.00 ',
  '13.00–13.15 ',
  '14:45 - ',
  'Kl. 9.00 ',
  'Tid: ',
  'Datum: ',
  'Plats: ',
  'Venue: ',
  'Anmälan: ',
  'Anmälan senast: ',
  'Antal platser: ',
  'Arrangör: ',
  'Kontakt: ',
  'Syfte: ',
  'Dagordning: ',
  'Obs: ',
] as const;

/** What can follow: nothing, punctuation only, a word, a value, a row's length, a presenter. */
const LINE_CONTENTS = [
  '',
  '.',
  '…',
  ':',
  ' ',
  '(15 min)',
  '– Statskontoret',
  ', Finansdepartementet',
  'Diskussion',
  'Diskussion (30 min)',
  'Inledning – Myndigheten för digital förvaltning',
  'Vilka frågor är viktigast?',
  '12 december 2023',
  'den 4/6',
  '2024-03-05 13:00–14:30',
  'kl. 13.00-14.30',
  'kl 9–12',
  '13–15',
  'a@b.se',
  'x@y',
  'Microsoft Teams',
  'Fredsgatan 8, Stockholm',
  '40',
  '0',
  'högst 60 deltagare, därefter väntelista',
  'Varmt välkommen!',
] as const;

const invitationLine: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...LINE_STARTS),
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...LINE_CONTENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }),
    fc.constantFrom('', '', '', ' (10 min)', '  ', ' –', '-', ','),
  )
  .map(([start, content, end]) => `${start}${content}${end}`);

/** The start of a readable invitation, so that pathological text reaches the agenda, dates and registration. */
const READABLE_HEAD =
  'Inbjudan till samråd om fuzzing\nFinansdepartementet bjuder in.\nTid och datum: 12 december 2023 kl. 13.00-14.30\n';
const PATHOLOGICAL = [
  '1) ',
  'kl. 13.00-',
  'a@',
  '➢ ',
  '12 december ',
  '13.00 ',
  '(15 min) ',
  'Finansdepartementet ',
  'Åtagande 1: ',
  '- ',
  '.',
  ' ',
  '\n',
  '-\n',
  'a-',
  '1/1 ',
] as const;

describe('fuzzing importInvitation', () => {
  afterAll(() => {
    // The figures for the record (the report of a run quotes them); the assertions are in the tests.
    process.stdout.write(
      `fuzz: ${stats.inputs} inputs, ${stats.drafts} drafts, ${stats.unreadable} unreadable; slowest call ${stats.slowestMs.toFixed(1)} ms on ${JSON.stringify(stats.slowestInput.slice(0, 120))}\n`,
    );
  });

  it(
    'random Unicode strings',
    () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), check), { numRuns: RUNS.randomUnicode });
    },
    PART_TIMEOUT_MS,
  );

  it(
    'random strings of graphemes, with and without line breaks',
    () => {
      const withBreaks = fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 30 }).map((ls) => ls.join('\n'));
      fc.assert(fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), withBreaks), check), {
        numRuns: RUNS.randomGraphemes,
      });
    },
    PART_TIMEOUT_MS,
  );

  it(
    'genre-shaped noise: random sequences of headings, labels, dates, times, rows and questions',
    () => {
      const noise = fc.array(
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }),
        {
          maxLength: 120,
        },
      );
      fc.assert(
        fc.property(fc.boolean(), noise, (withHead, parts) => {
          check((withHead ? READABLE_HEAD : '') + parts.join(''));
        }),
        { numRuns: RUNS.genreNoise },
      );
    },
    PART_TIMEOUT_MS,
  );

  it(
    'genre-shaped lines: every kind of line start with empty, punctuation-only or odd content',
    () => {
      const layout = fc.tuple(fc.array(invitationLine, { maxLength: 40 }), fc.constantFrom('\n', '\n\n', '\r\n', ' \n\n'));
      fc.assert(
        fc.property(fc.boolean(), layout, (withHead, [lines, separator]) => {
          check((withHead ? READABLE_HEAD : '') + lines.join(separator));
        }),
        { numRuns: RUNS.genreLines },
      );
    },
    PART_TIMEOUT_MS,
  );

  it(
    'mutations of the seed and the fixtures',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...BASES), fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }), (base, mutations) => {
          check(mutations.reduce(mutate, base));
        }),
        { numRuns: RUNS.mutations },
      );
    },
    PART_TIMEOUT_MS,
  );

  it(
    'pathological repetitions (up to 5,000 of "1) ", "kl. 13.00-", "a@", "➢ " …), alone or after a readable head',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...PATHOLOGICAL),
          fc.integer({ min: 1, max: 5_000 }),
          fc.constantFrom('', READABLE_HEAD),
          fc.constantFrom('', '\n', ' '),
          (fragment, times, head, separator) => {
            check(head + Array.from({ length: times }, () => fragment).join(separator));
          },
        ),
        { numRuns: RUNS.pathological - PATHOLOGICAL.length * 2 },
      );
      // And each fragment at the full 5,000, with and without the readable head.
      for (const fragment of PATHOLOGICAL) {
        check(fragment.repeat(5_000));
        check(READABLE_HEAD + fragment.repeat(5_000));
      }
    },
    PART_TIMEOUT_MS,
  );

  it(`checked ${TOTAL_INPUTS} inputs, the slowest well within the bound`, () => {
    expect(TOTAL_INPUTS).toBe(10_000);
    expect(stats.inputs).toBe(TOTAL_INPUTS);
    expect(stats.slowestMs).toBeLessThan(SLOWEST_ALLOWED_MS);
    // The corpus must reach past the early checks: a fair share of inputs import to a draft.
    expect(stats.drafts).toBeGreaterThan(2_000);
  });
});
