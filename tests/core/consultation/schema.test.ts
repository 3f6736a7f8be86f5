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
    ['an empty title', (c) => (c.title = '  '), 'title', /Must not be empty/],
    ['a local time without offset', (c) => (c.start = '2023-12-12T13:00:00'), 'start', /ISO 8601 with a time zone offset/],
    ['an end before the start', (c) => (c.end = '2023-12-12T12:00:00+01:00'), 'end', /end after it starts/],
    ['an unknown time zone', (c) => (c.timeZone = 'Europe/Atlantis'), 'timeZone', /time zone/],
    [
      'a bad registration e-mail',
      (c) => (c.registration.contactEmail = 'not-an-address'),
      'registration.contactEmail',
      /e-mail/i,
    ],
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
      /Must be at least 0\./,
    ],
    ['a zero capacity', (c) => (c.registration.capacity = 0), 'registration.capacity', /Must be greater than 0\./],
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
    expect(problems.some((p) => p.path === path && message.test(p.message.en))).toBe(true);
  });

  it.each<[string, (c: Consultation) => void, string, { sv: string; en: string }]>([
    ['an empty title', (c) => (c.title = ''), 'title', { sv: 'Får inte vara tomt.', en: 'Must not be empty.' }],
    [
      'a fractional revision',
      (c) => (c.revision = 1.5),
      'revision',
      { sv: 'Måste vara ett heltal.', en: 'Must be a whole number.' },
    ],
    [
      'a bad registration e-mail',
      (c) => (c.registration.contactEmail = 'not-an-address'),
      'registration.contactEmail',
      { sv: 'Ogiltig e-postadress.', en: 'Invalid e-mail address.' },
    ],
    [
      'a local time without offset',
      (c) => (c.start = '2023-12-12T13:00:00'),
      'start',
      {
        sv: 'Tidpunkten måste vara ISO 8601 med tidszonsförskjutning, t.ex. 2023-12-12T13:00:00+01:00.',
        en: 'The time must be ISO 8601 with a time zone offset, e.g. 2023-12-12T13:00:00+01:00.',
      },
    ],
    [
      'an end before the start',
      (c) => (c.end = '2023-12-12T12:00:00+01:00'),
      'end',
      { sv: 'Mötet måste sluta efter att det börjar.', en: 'The meeting must end after it starts.' },
    ],
    [
      'a duplicate id',
      (c) => ((c.agenda.parts[1] ?? { id: '' }).id = 'part-1'),
      'agenda.parts[1].id',
      {
        sv: 'Id:t "part-1" finns redan (används också vid agenda.parts[0].id).',
        en: 'Duplicate id "part-1" (also used at agenda.parts[0].id).',
      },
    ],
    [
      'an unknown time zone',
      (c) => (c.timeZone = 'Europe/Atlantis'),
      'timeZone',
      {
        sv: 'Okänd IANA-tidszon (förväntat t.ex. Europe/Stockholm).',
        en: 'Unknown IANA time zone (expected e.g. Europe/Stockholm).',
      },
    ],
    [
      'an id with spaces',
      (c) => ((c.questions[0] ?? { id: '' }).id = 'fråga ett'),
      'questions[0].id',
      {
        sv: 'Använd bara bokstäver (a–z, utan å, ä och ö), siffror, "-" och "_".',
        en: 'Use letters, digits, "-" and "_" only.',
      },
    ],
    [
      'an unknown kind of location',
      (c) => ((c as { location: unknown }).location = { kind: 'moon' }),
      'location.kind',
      { sv: 'Måste vara ett av: "online", "place".', en: 'Must be one of: "online", "place".' },
    ],
    [
      'a wrong schema version',
      (c) => ((c as { schemaVersion: unknown }).schemaVersion = 2),
      'schemaVersion',
      { sv: 'Måste vara 1.', en: 'Must be 1.' },
    ],
    [
      'a missing title',
      (c) => delete (c as { title?: unknown }).title,
      'title',
      { sv: 'Saknas; måste vara text.', en: 'Missing; must be text.' },
    ],
  ])('says %s in Swedish and English', (_name, change, path, message) => {
    const problems = problemsOf(withChange(change));
    expect(problems.filter((p) => p.path === path).map((p) => p.message)).toContainEqual(message);
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
