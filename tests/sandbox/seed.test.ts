/**
 * The seed is the real case, built by the core's import rather than typed in: the event at the imported times,
 * a Teams meeting with its chat, the first version of the agenda published into it and sent to the presenter (the
 * only attendee yet), the imported document with that publication in the app folder, linked by the extension,
 * and the registration mail in the organiser's inbox. Built twice, it is the same.
 */
import type { Event } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultationSchema } from '../../src/core/consultation/schema';
import { importInvitation } from '../../src/core/invitation';
import { parseAgendaSection, publishedAgendaOf } from '../../src/core/publishing/agendaSection';
import { extractSamradSection } from '../../src/core/publishing/bodySection';
import { parseZonedIso } from '../../src/core/time/zonedTime';
import { seedRegistrationMails } from '../../sandbox/seed/mails';
import { SEED_ORGANISATIONS, SEED_PEOPLE } from '../../sandbox/seed/people';
import { buildSeedState, CONSULTATION_EXTENSION_NAME, SEED_EVENT_SUBJECT } from '../../sandbox/seed/state';
import { readSeedInvitation } from '../support/seed';
import { cast, clientFor, startTestSandbox, type GraphClient, type TestSandbox } from './support';

let t: TestSandbox;
let organiser: GraphClient;

beforeAll(async () => {
  t = await startTestSandbox();
  organiser = clientFor(t.sandbox, cast(t.sandbox).organiser);
});
afterAll(() => t.dispose());

describe('the seed', () => {
  it('has the organiser’s Teams meeting at the imported times, with only the presenter invited yet', async () => {
    const imported = importInvitation(readSeedInvitation()).consultation;
    const events = await organiser.get<{ value: (Event & { id: string })[] }>('/me/events');
    expect(events.body.value).toHaveLength(1);
    const event = events.body.value[0];
    expect(event?.subject).toBe(SEED_EVENT_SUBJECT);
    expect(Date.parse(`${event?.start?.dateTime ?? ''}Z`)).toBe(parseZonedIso(imported.start));
    expect(Date.parse(`${event?.end?.dateTime ?? ''}Z`)).toBe(parseZonedIso(imported.end));
    expect(event).toMatchObject({
      isOrganizer: true,
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    const { presenter } = cast(t.sandbox);
    expect(event?.attendees?.map((a) => a.emailAddress?.address)).toEqual([presenter.mail]);
    const joinUrl = event?.onlineMeeting?.joinUrl ?? '';
    expect(joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_/);
    expect(event?.body?.content).toContain(`href="${joinUrl}"`);
    expect(event?.body?.content).toContain('Microsoft Teams-möte');
  });

  it('links the event to the imported document in the organiser’s app folder', async () => {
    const [event] = (await organiser.get<{ value: { id: string }[] }>('/me/events')).body.value;
    const extension = await organiser.get<{ documentPath: string; schemaVersion: number }>(
      `/me/events/${event?.id ?? ''}/extensions/${CONSULTATION_EXTENSION_NAME}`,
    );
    expect(extension.body.schemaVersion).toBe(1);
    const document = await organiser.raw('GET', `/me/drive/special/approot:/${extension.body.documentPath}:/content`);
    const imported = importInvitation(readSeedInvitation()).consultation;
    const stored = consultationSchema.parse(await document.json());
    // Saved after the first publication: the imported consultation, one revision on, with the publication record
    // and the organisations the ministry invited (the triage's list of names).
    expect({ ...stored, published: null, revision: 0, registrations: { ...stored.registrations, organisations: [] } }).toEqual(
      imported,
    );
    expect(stored.registrations.organisations).toEqual(Object.values(SEED_ORGANISATIONS).map((o) => o.name));
    expect(stored.revision).toBe(1);
    expect(stored.published).toMatchObject({
      number: 1,
      revision: 0,
      languages: ['sv'],
      agenda: imported.agenda,
      questions: imported.questions,
      changeNote: { sv: [], en: [] },
    });
  });

  it('has the first version of the agenda in the invitation, in the presenter’s own copy too, with the join block', async () => {
    const imported = importInvitation(readSeedInvitation()).consultation;
    const { presenter } = cast(t.sandbox);
    const copies = await clientFor(t.sandbox, presenter).get<{ value: Event[] }>('/me/events');
    expect(copies.body.value).toHaveLength(1);
    const body = copies.body.value[0]?.body?.content ?? '';
    const section = extractSamradSection(body);
    expect(section === null ? null : parseAgendaSection(section)).toEqual(publishedAgendaOf(imported));
    expect(body).toContain('Microsoft Teams-möte');
    expect(body).toContain(copies.body.value[0]?.onlineMeeting?.joinUrl ?? 'no join url');
  });

  it('holds the people and, in the organiser’s inbox, the registration mail', async () => {
    const { organiser: person, presenter, participants } = cast(t.sandbox);
    expect(person.role).toBe('organiser');
    expect(presenter.role).toBe('presenter');
    expect(participants.length).toBeGreaterThanOrEqual(40);
    const expected = seedRegistrationMails(person, SEED_PEOPLE, '2023-12-12T12:00:00Z');
    const inbox = await organiser.get<{ value: { id: string }[] }>('/me/mailFolders/inbox/messages?$top=1000&$select=id');
    expect(inbox.body.value.map((m) => m.id).sort()).toEqual(expected.map((m) => m.id ?? '').sort());
  });

  it('is the same every time it is built', () => {
    expect(JSON.stringify(buildSeedState('c2VjcmV0'))).toBe(JSON.stringify(buildSeedState('c2VjcmV0')));
  });
});
