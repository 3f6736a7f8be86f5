/**
 * The last publication is one value in the merge: it records what one person put into the invitation at one
 * moment, so a merge keeps it whole from one side, or reports a conflict at `published`, but never mixes two.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEqual, mergeConsultations } from '../../../src/core/consultation/merge';
import type { Consultation, Publication } from '../../../src/core/consultation/schema';
import { preparePublication, withPublication } from '../../../src/core/publishing/publication';
import { sampleConsultation } from '../../support/consultations';

function edited(base: Consultation, edit: (c: Consultation) => void): Consultation {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
}

function published(c: Consultation, now: string, languages: readonly ('sv' | 'en')[] = ['sv']): Consultation {
  return withPublication(c, preparePublication(c, { now, languages }).publication);
}

const lengthen = (minutes: number) => (c: Consultation) => {
  const item = c.agenda.parts[1]?.items[0];
  if (item !== undefined) item.durationMinutes = minutes;
};

describe('merging the last publication', () => {
  const base = sampleConsultation();

  it('keeps mine when I publish while the other side edits the agenda', () => {
    const mine = published(base, '2023-12-01T09:00:00+01:00');
    const theirs = edited(base, lengthen(45));
    const result = mergeConsultations(base, mine, theirs);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.merged.published).toEqual(mine.published);
    expect(result.merged.agenda.parts[1]?.items[0]?.durationMinutes).toBe(45);
  });

  it('keeps theirs when the other side publishes while I edit the agenda', () => {
    const mine = edited(base, lengthen(30));
    const theirs = published(base, '2023-12-01T09:00:00+01:00', ['sv', 'en']);
    const result = mergeConsultations(base, mine, theirs);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.merged.published).toEqual(theirs.published);
    expect(result.merged.agenda.parts[1]?.items[0]?.durationMinutes).toBe(30);
  });

  it('keeps a later publication on one side over the earlier one both started from', () => {
    const once = published(base, '2023-12-01T09:00:00+01:00');
    const mine = published(edited(once, lengthen(20)), '2023-12-02T09:00:00+01:00');
    const theirs = edited(once, (c) => (c.title = 'Nytt namn'));
    const result = mergeConsultations(once, mine, theirs);
    expect(result.ok && result.merged.published).toEqual(mine.published);
    expect(result.ok && result.merged.title).toBe('Nytt namn');
  });

  it('accepts the same publication made on both sides', () => {
    const mine = published(base, '2023-12-01T09:00:00+01:00');
    const result = mergeConsultations(base, mine, structuredClone(mine));
    expect(result.ok && result.merged.published).toEqual(mine.published);
  });

  it('reports a conflict at published, and nothing deeper, when both sides published differently', () => {
    const mine = published(base, '2023-12-01T09:00:00+01:00');
    const theirs = published(base, '2023-12-01T09:05:00+01:00');
    expect(mergeConsultations(base, mine, theirs)).toEqual({ ok: false, conflicts: ['published'] });

    // Both publications differ in several fields at once: still one conflict, never a field-by-field mix.
    const once = published(base, '2023-12-01T09:00:00+01:00');
    const a = published(edited(once, lengthen(20)), '2023-12-02T09:00:00+01:00');
    const b = published(
      edited(once, (c) => (c.title = 'Annat')),
      '2023-12-02T10:00:00+01:00',
      ['sv', 'en'],
    );
    const result = mergeConsultations(once, a, b);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.conflicts.filter((path) => path.startsWith('published'))).toEqual(['published']);
  });

  it('never merges a publication that is neither side’s whole (property)', () => {
    const minutes = fc.option(fc.integer({ min: 5, max: 60 }), { nil: null });
    const side = fc.record({
      lengthMinutes: minutes,
      publishAt: fc.option(fc.constantFrom('2023-12-01T09:00:00+01:00', '2023-12-01T10:00:00+01:00'), { nil: null }),
      english: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.boolean(), side, side, (basePublished, m, t) => {
        const start = basePublished ? published(base, '2023-11-30T09:00:00+01:00') : base;
        const make = (s: typeof m): Consultation => {
          const withEdit = s.lengthMinutes === null ? start : edited(start, lengthen(s.lengthMinutes));
          return s.publishAt === null ? withEdit : published(withEdit, s.publishAt, s.english ? ['sv', 'en'] : ['sv']);
        };
        const [mine, theirs] = [make(m), make(t)];
        const result = mergeConsultations(start, mine, theirs);
        const candidates: readonly (Publication | null)[] = [start.published, mine.published, theirs.published];
        if (result.ok) {
          expect(candidates.some((p) => jsonEqual(p, result.merged.published))).toBe(true);
        } else {
          expect(result.conflicts.filter((path) => path.startsWith('published')).every((path) => path === 'published')).toBe(
            true,
          );
        }
        // Two different new publications never merge: the conflict is reported at published.
        const bothPublished = !jsonEqual(mine.published, start.published) && !jsonEqual(theirs.published, start.published);
        if (bothPublished && !jsonEqual(mine.published, theirs.published)) {
          expect(result.ok ? [] : result.conflicts).toContain('published');
        }
      }),
      { numRuns: 150 },
    );
  });
});
