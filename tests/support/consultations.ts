/** A small valid consultation to vary in tests (the seed's draft is imported in tests of its own). */
import { emptyRegistrationRecord } from '../../src/core/registration/record';
import type { Consultation } from '../../src/core/consultation/schema';

export function sampleConsultation(): Consultation {
  return {
    schemaVersion: 1,
    revision: 0,
    title: 'Samråd om exempel',
    organiser: { department: 'Finansdepartementet' },
    start: '2023-12-12T13:00:00+01:00',
    end: '2023-12-12T14:30:00+01:00',
    timeZone: 'Europe/Stockholm',
    location: { kind: 'online', platform: 'Microsoft Teams' },
    registration: { contactEmail: 'samrad@example.se', deadline: '2023-12-05T23:59:00+01:00', capacity: 40, waitlist: true },
    description: [],
    background: ['Bakgrund.'],
    commitments: [{ id: 'commitment-1', number: 1, title: 'Öppna data' }],
    purpose: [],
    practicalInformation: [],
    agenda: {
      parts: [
        {
          id: 'part-1',
          title: 'Information',
          items: [
            { id: 'item-1', title: 'Inledning', presenters: ['Finansdepartementet'], durationMinutes: 15, questionIds: [] },
          ],
        },
        {
          id: 'part-2',
          title: 'Diskussion',
          items: [{ id: 'item-2', title: 'Fråga 1', presenters: [], durationMinutes: null, questionIds: ['question-1'] }],
        },
      ],
    },
    questions: [{ id: 'question-1', number: 1, text: 'Vad tycker ni?', agendaItemId: 'item-2' }],
    published: null,
    registrations: emptyRegistrationRecord(),
  };
}
