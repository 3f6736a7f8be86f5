/** Copying an earlier consultation's structure keeps the agenda and questions and leaves the earlier meeting behind. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyStructure } from '../../../src/core/consultation/copy';
import { validateConsultation } from '../../../src/core/consultation/validate';
import { importInvitation } from '../../../src/core/invitation';
import { preparePublication, withPublication } from '../../../src/core/publishing/publication';
import { sampleConsultation } from '../../support/consultations';
import { readSeedInvitation } from '../../support/seed';

const NEXT = { start: '2024-12-10T13:00:00+01:00', end: '2024-12-10T15:00:00+01:00' };

describe('copyStructure', () => {
  it('keeps agenda, questions, links, rules and practical information; drops time, deadline, history', () => {
    const seed = importInvitation(readSeedInvitation()).consultation;
    const published = withPublication(
      { ...seed, revision: 5 },
      preparePublication(seed, { now: '2023-11-01T10:00:00+01:00', languages: ['sv'] }).publication,
    );
    const copy = copyStructure(published, { ...NEXT, title: '  Samråd om handlingsplanen 2025–2027 ' });
    expect(copy.agenda).toEqual(seed.agenda);
    expect(copy.questions).toEqual(seed.questions);
    expect(copy.practicalInformation).toEqual(seed.practicalInformation);
    expect(copy.registration).toEqual({ ...seed.registration, deadline: null });
    expect(copy).toMatchObject({ revision: 0, published: null, title: 'Samråd om handlingsplanen 2025–2027', ...NEXT });
    expect(validateConsultation(copy).ok).toBe(true);
  });

  it('keeps the earlier title when the calendar item has none, and never shares objects with the original', () => {
    const earlier = sampleConsultation();
    const copy = copyStructure(earlier, { ...NEXT, title: '   ' });
    expect(copy.title).toBe(earlier.title);
    copy.agenda.parts[0]?.items.push({ id: 'item-9', title: 'Ny', presenters: [], durationMinutes: 5, questionIds: [] });
    expect(earlier.agenda.parts[0]?.items).toHaveLength(1);
  });

  it('refuses a meeting time without an offset', () => {
    expect(() => copyStructure(sampleConsultation(), { start: '2024-12-10T13:00:00', end: NEXT.end })).toThrow();
  });

  it('gives a valid consultation for any later meeting of any length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 15, max: 480 }), (days, minutes) => {
        const start = Date.parse('2024-01-08T09:00:00Z') + days * 86_400_000;
        const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
        const copy = copyStructure(sampleConsultation(), { start: iso(start), end: iso(start + minutes * 60_000) });
        expect(validateConsultation(copy).ok).toBe(true);
      }),
    );
  });
});
