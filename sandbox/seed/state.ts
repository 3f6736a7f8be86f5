/**
 * The sandbox's starting world, built — never typed in — from the real case: the core's `importInvitation` reads
 * the Ministry of Finance's invitation, and its result becomes the organiser's Teams meeting (the event, its online
 * meeting and meeting chat), the consultation document in the organiser's app folder, and the open extension on
 * the event that links the two. A day later the organiser published the agenda as the invitation gave it (no
 * durations yet: version 1, made by the core's preparePublication) and invited the presenter, through the same
 * PATCH the sandbox answers with Exchange's semantics; participants register by mail and are invited later.
 * People (three of them from outside the ministry's tenant: a guest, an external Teams user and someone who takes
 * part by e-mail only) and registration mails come from `people.ts` and `mails.ts`; the ministry's shared
 * registration mailbox, shared with the organiser, from `sharedMailbox.ts`. Nobody has consented to the app's extra
 * scopes yet. Built the same way twice, it is the same, byte for byte.
 */
import { readFileSync } from 'node:fs';
import { importInvitation } from '../../src/core/invitation';
import { preparePublication, withPublication } from '../../src/core/publishing/publication';
import { replaceSamradSection } from '../../src/core/publishing/bodySection';
import { parseZonedIso, toZonedIso } from '../../src/core/time/zonedTime';
import type { SandboxPerson } from '../contract';
import { uploadByPath } from '../graph/drive';
import { escapeHtml, previewOf, wrapDocument } from '../graph/html';
import { updateEvent } from '../graph/events/update';
import { createTeamsMeeting } from '../graph/teamsMeeting';
import { mailInstant, outlookInstant } from '../graph/times';
import { newChangeKey, newICalUId, newItemId, newToken } from '../state/ids';
import { STATE_FORMAT, type Mailbox, type SandboxState, type StoredEvent, type StoredMessage } from '../state/model';
import { mailboxOf, recipientOf } from '../state/people';
import { seedRegistrationMails } from './mails';
import { seedSharedMailbox } from './sharedMailbox';
import { accessOf } from '../auth/access';
import { SEED_ORGANISATIONS, SEED_OUTSIDE_PARTICIPANTS, SEED_PEOPLE } from './people';

/** The subject the organiser gave the calendar item in Outlook (shorter than the letter's title). */
export const SEED_EVENT_SUBJECT = 'Samråd om Sveriges handlingsplan för OGP 2023–2025';
export const CONSULTATION_EXTENSION_NAME = 'se.samrad.consultation';
export const CONSULTATION_FOLDER = 'Samrad/consultations';
export const SEED_INVITATION_URL = new URL('./invitation-ogp-2023-12-12.txt', import.meta.url);

/** How long before the meeting the organiser created it in Outlook; before any registration mail arrives. */
const CREATED_BEFORE_MEETING_MS = 42 * 24 * 3_600_000;
/** When, after creating it, she published the first agenda and invited the presenter. */
const FIRST_PUBLISHED_AFTER_MS = 24 * 3_600_000;

/**
 * The document's path in the app folder: the iCalUId is the one id every copy of the meeting shares, and kept to
 * file-name-safe characters it names the document without a lookup table.
 */
export function consultationDocumentPath(iCalUId: string): string {
  return `${CONSULTATION_FOLDER}/${iCalUId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
}

export type MailSource = (
  organiser: SandboxPerson,
  people: readonly SandboxPerson[],
  meetingStartIso: string,
) => ReturnType<typeof seedRegistrationMails>;

export interface SeedSources {
  readonly people: readonly SandboxPerson[];
  readonly mails: MailSource;
  readonly invitationText: string;
}

export function defaultSeedSources(): SeedSources {
  return {
    people: [...SEED_PEOPLE, ...SEED_OUTSIDE_PARTICIPANTS],
    mails: seedRegistrationMails,
    invitationText: readFileSync(SEED_INVITATION_URL, 'utf8'),
  };
}

function checkPeople(people: readonly SandboxPerson[]): SandboxPerson {
  const organiser = people[0];
  if (organiser?.role !== 'organiser') throw new Error('The seed people must start with the organiser.');
  const ids = new Set(people.map((p) => p.id.toLowerCase()));
  const mails = new Set(people.map((p) => p.mail.toLowerCase()));
  if (ids.size !== people.length || mails.size !== people.length) throw new Error('Seed people need unique ids and mails.');
  return organiser;
}

function emptyMailbox(state: SandboxState): Mailbox {
  return { inboxId: newItemId(state), events: [], messages: [], drive: { id: `b!${newToken(state, 40)}`, items: [] } };
}

/** The invitation's own words before the Teams block, as an organiser pastes them into the calendar item. */
function eventBodyHtml(paragraphs: readonly string[], joinBlockHtml: string): string {
  const text = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\r\n');
  return wrapDocument(`<div>\r\n${text}\r\n</div>\r\n<br>\r\n${joinBlockHtml}`);
}

/** Mail as another engineer wrote it, completed with what Exchange always has (change key, folder, read state). */
function toStored(
  state: SandboxState,
  mailbox: Mailbox,
  message: ReturnType<MailSource>[number],
  fallbackReceived: string,
): StoredMessage {
  const receivedDateTime = message.receivedDateTime ?? fallbackReceived;
  return {
    ...message,
    id: message.id ?? newItemId(state),
    changeKey: message.changeKey ?? newChangeKey(state),
    receivedDateTime,
    createdDateTime: message.createdDateTime ?? receivedDateTime,
    lastModifiedDateTime: message.lastModifiedDateTime ?? receivedDateTime,
    categories: message.categories ?? [],
    parentFolderId: mailbox.inboxId,
    isRead: message.isRead ?? false,
    isDraft: message.isDraft ?? false,
    hasAttachments: message.hasAttachments ?? false,
  };
}

export function buildSeedState(secret: string, sources: SeedSources = defaultSeedSources()): SandboxState {
  const organiser = checkPeople(sources.people);
  const state: SandboxState = {
    format: STATE_FORMAT,
    secret,
    sequence: 0,
    people: sources.people.map((p) => ({ ...p })),
    mailboxes: {},
    onlineMeetings: [],
    chats: [],
  };
  const members = state.people.filter((p) => accessOf(p) === 'member');
  for (const person of members) state.mailboxes[person.id] = emptyMailbox(state);

  const { consultation } = importInvitation(sources.invitationText);
  const startMs = parseZonedIso(consultation.start);
  const endMs = parseZonedIso(consultation.end);
  const createdMs = startMs - CREATED_BEFORE_MEETING_MS;
  const created = outlookInstant(createdMs);

  const eventId = newItemId(state);
  const iCalUId = newICalUId(state);
  const teams = createTeamsMeeting(state, organiser, eventId, created);
  state.onlineMeetings.push(teams.meeting);
  state.chats.push(teams.chat);

  const body = { contentType: 'html' as const, content: eventBodyHtml(consultation.description, teams.joinBlockHtml) };
  const location = {
    displayName: 'Microsoft Teams-möte',
    locationType: 'default' as const,
    uniqueId: 'Microsoft Teams-möte',
    uniqueIdType: 'private' as const,
  };
  const documentPath = consultationDocumentPath(iCalUId);
  const event: StoredEvent = {
    event: {
      id: eventId,
      createdDateTime: created,
      lastModifiedDateTime: created,
      changeKey: newChangeKey(state),
      categories: [],
      transactionId: null,
      originalStartTimeZone: 'W. Europe Standard Time',
      originalEndTimeZone: 'W. Europe Standard Time',
      iCalUId,
      reminderMinutesBeforeStart: 15,
      isReminderOn: true,
      hasAttachments: false,
      subject: SEED_EVENT_SUBJECT,
      bodyPreview: previewOf(body),
      importance: 'normal',
      sensitivity: 'normal',
      isAllDay: false,
      isCancelled: false,
      isOrganizer: true,
      responseRequested: true,
      seriesMasterId: null,
      showAs: 'busy',
      type: 'singleInstance',
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(eventId)}&exvsurl=1&path=/calendar/item`,
      onlineMeetingUrl: null,
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      allowNewTimeProposals: true,
      isDraft: false,
      hideAttendees: false,
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
      body,
      location,
      locations: [location],
      recurrence: null,
      attendees: [],
      organizer: recipientOf(organiser),
      onlineMeeting: { joinUrl: teams.meeting.joinWebUrl },
    },
    startMs,
    endMs,
    extensions: [
      { extensionName: CONSULTATION_EXTENSION_NAME, properties: { documentPath, schemaVersion: consultation.schemaVersion } },
    ],
  };
  const organiserMailbox = mailboxOf(state, organiser.id);
  organiserMailbox.events.push(event);

  // Version 1 of the agenda, as the invitation gave it, published into the invitation and sent to the presenter.
  const publishedMs = createdMs + FIRST_PUBLISHED_AFTER_MS;
  const first = preparePublication(consultation, { now: toZonedIso(publishedMs, consultation.timeZone), languages: ['sv'] });
  const presenters = sources.people.filter((p) => p.role === 'presenter');
  updateEvent(
    state,
    organiser,
    eventId,
    {
      body: { contentType: 'html', content: replaceSamradSection(body.content, first.sectionHtml) },
      attendees: presenters.map((p) => ({ type: 'required', emailAddress: { name: p.displayName, address: p.mail } })),
    },
    undefined,
    publishedMs,
  );
  // Saved after publishing, as the pane does: one revision more than the one published.
  // The organisations the ministry invited, listed by the organiser so the triage knows their names.
  const invited = withPublication(consultation, first.publication);
  const document = {
    ...invited,
    registrations: { ...invited.registrations, organisations: Object.values(SEED_ORGANISATIONS).map((o) => o.name) },
    revision: consultation.revision + 1,
  };

  uploadByPath(state, documentPath, {
    owner: organiser,
    content: Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8'),
    ifMatch: undefined,
    ifNoneMatch: '*',
    now: publishedMs,
  });

  const mails = sources.mails(organiser, sources.people, mailInstant(startMs));
  organiserMailbox.messages.push(...mails.map((m) => toStored(state, organiserMailbox, m, created)));

  // Last, so that every id made before it is the same as before the shared mailbox existed.
  const shared = seedSharedMailbox(organiser, sources.people, startMs);
  if (shared !== null) {
    const mailbox = emptyMailbox(state);
    state.mailboxes[shared.id] = mailbox;
    mailbox.messages.push(...shared.mails.map((m) => toStored(state, mailbox, m, created)));
    state.sharedMailboxes = [
      { id: shared.id, displayName: shared.displayName, mail: shared.mail, delegates: [...shared.delegates] },
    ];
  }
  // Last of all, so that every id made before them is the same as before the seed had people from outside the
  // ministry's tenant: their mailboxes are their own organisations', not the ministry's Exchange.
  for (const person of state.people) {
    if (accessOf(person) !== 'member') state.mailboxes[person.id] = emptyMailbox(state);
  }
  state.consents = {};
  return state;
}
