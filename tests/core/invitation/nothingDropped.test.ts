/**
 * Nothing is silently dropped: every word of an invitation (letters and digits, three or more long) is in the
 * draft or in the review report. The allowed transformations are the ones a reader makes too: a word broken by
 * a hyphen at a line end is mended, and "Inbjudan till" leaves the title but stays visible in the report.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSamradError } from '../../../src/core/errors';
import { importInvitation, type ImportResult } from '../../../src/core/invitation';
import { droppedWords, FIXTURE_NAMES, readFixture, readSeed, SEED_NAME, wordsOf } from './support';

const TEXTS: readonly (readonly [string, string])[] = [
  [SEED_NAME, readSeed()],
  ...FIXTURE_NAMES.map((name) => [name, readFixture(name)] as const),
];

/** The import, or null when the text is (rightly) unreadable. */
function tryImport(text: string): ImportResult | null {
  try {
    return importInvitation(text);
  } catch (error) {
    if (isSamradError(error) && error.code === 'unreadable-invitation') return null;
    throw error;
  }
}

describe('every word of an invitation ends up in the draft or the report', () => {
  it.each(TEXTS)('%s', (_name, text) => {
    const result = importInvitation(text);
    expect(droppedWords(text, result)).toEqual([]);
  });

  it.each(TEXTS)('%s: a stripped "Inbjudan till"/"Invitation to" is still in the report', (_name, text) => {
    const result = importInvitation(text);
    const firstLine = text.trim().split(/\r?\n/)[0]?.trim() ?? '';
    const prefix = /^(?:inbjudan till|välkommen till|invitation to(?: an?)?)\b/i.exec(firstLine)?.[0];
    if (prefix === undefined) return;
    expect(wordsOf(result.consultation.title)).not.toContain(wordsOf(prefix)[0]);
    const titleEntry = result.report.recognised.find((e) => e.field === 'title');
    expect(titleEntry?.text.startsWith(prefix)).toBe(true);
  });

  it('the check itself catches a dropped word', () => {
    const [, text] = TEXTS[1] ?? ['', ''];
    const result = importInvitation(text);
    const withoutPurpose = {
      ...result,
      consultation: { ...result.consultation, purpose: [] },
      report: { ...result.report, keptAsText: [] },
    };
    expect(droppedWords(text, withoutPurpose)).toContain('inhämta');
  });

  it('also for any selection and order of an invitation’s lines, whenever it imports', () => {
    const lineLists = TEXTS.map(([, text]) => text.split(/\r?\n/));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: lineLists.length - 1 }).chain((i) => {
          const lines = lineLists[i] ?? [];
          // Keep the first line (the title) and a random subsequence of the rest, possibly with two lines swapped.
          return fc.tuple(fc.constant(lines[0] ?? ''), fc.subarray(lines.slice(1)), fc.nat(), fc.nat());
        }),
        ([title, rest, a, b]) => {
          const lines = [...rest];
          if (lines.length > 1) {
            const i = a % lines.length;
            const j = b % lines.length;
            [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
          }
          const text = [title, ...lines].join('\n');
          const result = tryImport(text);
          if (result === null) return;
          expect(droppedWords(text, result)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
