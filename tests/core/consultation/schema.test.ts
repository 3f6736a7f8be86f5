import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consultationJsonSchema } from '../../../src/core/consultation/jsonSchema';
import type { Consultation } from '../../../src/core/consultation/schema';
import { validateConsultation, type ValidationProblem } from '../../../src/core/consultation/validate';
import { sampleConsultation } from '../../support/consultations';

function problemsOf(data: unknown): ValidationProblem[] {
  const result = validateConsultation(data);
  return result.ok ? [] : [...result.problems];
}

function withChange(change: (c: Consultation) => void): Consultation {
  const c = sampleConsultation();
  change(c);
  return c;
}

describe('validateConsultation', () => {
  it('accepts a valid consultation and returns it', () => {
    const result = validateConsultation(sampleConsultation());
    expect(result.ok).toBe(true);
  });

  it.each<[string, (c: Consultation) => void, string, RegExp]>([
    ['an empty title', (c) => (c.title = '  '), 'title', /too small/i],
    ['a local time without offset', (c) => (c.start = '2023-12-12T13:00:00'), 'start', /datetime/i],
    ['an end before the start', (c) => (c.end = '2023-12-12T12:00:00+01:00'), 'end', /end after it starts/],
    ['an unknown time zone', (c) => (c.timeZone = 'Europe/Atlantis'), 'timeZone', /time zone/],
    ['a bad registration e-mail', (c) => (c.registration.contactEmail = 'not-an-address'), 'registration.contactEmail', /email/i],
    [
      'a deadline after the meeting',
      (c) => (c.registration.deadline = '2023-12-13T12:00:00+01:00'),
      'registration.deadline',
      /after the meeting/,
    ],
    [
      'a negative duration',
      (c) => ((c.agenda.parts[0]?.items[0] ?? { durationMinutes: 0 }).durationMinutes = -5),
      'agenda.parts[0].items[0].durationMinutes',
      />=0|too small/i,
    ],
    ['a zero capacity', (c) => (c.registration.capacity = 0), 'registration.capacity', /too small|>0/i],
    ['a duplicate id', (c) => ((c.agenda.parts[1] ?? { id: '' }).id = 'part-1'), 'agenda.parts[1].id', /Duplicate id "part-1"/],
    [
      'a question linked to a missing item',
      (c) => ((c.questions[0] ?? { agendaItemId: null }).agendaItemId = 'item-9'),
      'questions[0].agendaItemId',
      /No agenda item has id "item-9"/,
    ],
    [
      'an item listing an unknown question',
      (c) => c.agenda.parts[0]?.items[0]?.questionIds.push('question-7'),
      'agenda.parts[0].items[0].questionIds[0]',
      /No question has id "question-7"/,
    ],
    [
      'a one-way link',
      (c) => ((c.questions[0] ?? { agendaItemId: null }).agendaItemId = 'item-1'),
      'questions[0].agendaItemId',
      /does not list question/,
    ],
    ['an id with spaces', (c) => ((c.questions[0] ?? { id: '' }).id = 'fråga ett'), 'questions[0].id', /letters, digits/],
  ])('reports %s at its path', (_name, change, path, message) => {
    const problems = problemsOf(withChange(change));
    expect(problems.some((p) => p.path === path && message.test(p.message))).toBe(true);
  });

  it('reports every problem, not just the first', () => {
    const problems = problemsOf({
      ...sampleConsultation(),
      title: '',
      revision: -1,
      schemaVersion: 2,
      location: { kind: 'moon' },
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['location.kind', 'revision', 'schemaVersion', 'title']);
  });

  it.each([[null], [42], ['samråd'], [[]], [{}]])('rejects %j with problems that say where', (data) => {
    const problems = problemsOf(data);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p.path).not.toBe('');
  });
});

describe('the published JSON Schema', () => {
  it('is current: docs/schema/consultation.schema.json is what the zod schema generates (npm run schema)', () => {
    const onDisk = JSON.parse(readFileSync('docs/schema/consultation.schema.json', 'utf8')) as unknown;
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(consultationJsonSchema())));
  });

  it('requires the fields of the document', () => {
    const schema = consultationJsonSchema() as { required: string[] };
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'schemaVersion',
        'revision',
        'title',
        'organiser',
        'start',
        'end',
        'timeZone',
        'registration',
        'agenda',
        'questions',
      ]),
    );
  });
});
