/**
 * The organiser's world in memory for the pane's view tests: the calendar item with its attendees, the consultation
 * documents with ETags that change on every write (and a three-way merge on a stale save, as the gateway does), the
 * registration mails, and the pane rendered with Fluent, a language and these ports.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { mergeConsultations } from '../../src/core/consultation/merge';
import type { Consultation } from '../../src/core/consultation/schema';
import type {
  ConsultationDocumentPort,
  DraftStore,
  IncomingMail,
  Invitee,
  MeetingEvent,
  MeetingEventPort,
  ReplyDraftPort,
  StoredConsultation,
} from '../../src/core/ports';
import { FORGETFUL_MEMORY, planInvitations } from '../../src/core/ports';
import type { Attendee } from '../../src/core/registration';
import { replaceSamradSection } from '../../src/core/publishing/bodySection';
import { fixedClock } from '../../src/core/time/clock';
import { LanguageContext, type Language } from '../../src/views/i18n';
import { PortsContext, type Ports } from '../../src/views/ports';
import { memoryDrafts } from './drafts';

export const JOIN_BLOCK = '<div>Microsoft Teams-möte <a href="https://teams.example/l/meetup-join/1">Anslut</a></div>';

function eventOf(link: string | null): MeetingEvent {
  return {
    id: 'event-1',
    iCalUId: '040000008200E00074C5B7101A82E008',
    subject: 'Samråd om exempel',
    start: '2023-12-12T13:00:00+01:00',
    end: '2023-12-12T14:30:00+01:00',
    joinUrl: 'https://teams.example/l/meetup-join/1',
    bodyHtml: `<p>Välkommen</p>${JOIN_BLOCK}`,
    organizerEmail: 'maria.envall@regeringskansliet.example',
    attendees: [{ email: 'jonas.lindahl@digg.example', name: 'Jonas Lindahl', response: 'none' }],
    etag: 'W/"1"',
    link: link === null ? null : { documentName: link },
  };
}

/** Documents and an event in memory, with ETags that change on every write, as Graph's do. */
export function world(
  initial: {
    consultation?: Consultation;
    link?: string | null;
    mails?: readonly IncomingMail[];
    replyDrafts?: ReplyDraftPort;
    /** The pane's clock, epoch ms; 2 November 2023 by default (before the seed-like meeting). */
    now?: number;
    /** The event's attendees; the presenter by default. */
    attendees?: readonly Attendee[];
  } = {},
) {
  let version = 1;
  const docs = new Map<string, StoredConsultation>();
  if (initial.consultation !== undefined)
    docs.set('samrad-1', { name: 'samrad-1', consultation: initial.consultation, etag: '"1"' });
  let event = eventOf(initial.link === undefined ? 'samrad-1' : initial.link);
  if (initial.attendees !== undefined) event = { ...event, attendees: initial.attendees };
  const published: string[] = [];
  const invited: (readonly Invitee[])[] = [];
  const documents: ConsultationDocumentPort = {
    list: () =>
      Promise.resolve(
        [...docs.values()].map((d, i) => ({ name: d.name, lastModified: Date.parse('2023-10-01T08:00:00Z') + i * 60_000 })),
      ),
    load: (name) => Promise.resolve(docs.get(name) ?? null),
    save: (name, base, mine) => {
      const current = docs.get(name) ?? null;
      let toStore = mine;
      if (current !== null && current.etag !== base?.etag) {
        const merged = base === null ? null : mergeConsultations(base.consultation, mine, current.consultation);
        if (merged === null || !merged.ok) {
          return Promise.resolve({ ok: false, conflicts: merged?.conflicts ?? ['(new)'], theirs: current });
        }
        toStore = merged.merged;
      }
      version += 1;
      const saved = {
        name,
        consultation: { ...toStore, revision: (current?.consultation.revision ?? -1) + 1 },
        etag: `"${version}"`,
      };
      docs.set(name, saved);
      return Promise.resolve({ ok: true, saved, merged: toStore !== mine });
    },
  };
  const notUsed = (): never => {
    throw new Error('not used by the pane');
  };
  const events: MeetingEventPort = {
    getEvent: () => Promise.resolve(event),
    findByICalUId: notUsed,
    findByJoinUrl: notUsed,
    inviteAttendees: (_id, people) => {
      // As the gateway does: only who is missing is added (core planInvitations), with a new ETag.
      const plan = planInvitations({ attendees: event.attendees, organizerEmail: event.organizerEmail }, people);
      invited.push(plan.toAdd);
      const added = plan.toAdd.map((p) => ({ email: p.email, name: p.name, response: 'none' as const }));
      event = { ...event, attendees: [...event.attendees, ...added], etag: `W/"${invited.length + 10}"` };
      return Promise.resolve({ added: plan.toAdd, alreadyInvited: plan.alreadyInvited, event });
    },
    publishSection: (_id, sectionHtml) => {
      published.push(sectionHtml);
      event = { ...event, bodyHtml: replaceSamradSection(event.bodyHtml, sectionHtml), etag: 'W/"2"' };
      return Promise.resolve(event);
    },
    setLink: (_id, link) => {
      event = { ...event, link };
      return Promise.resolve();
    },
  };
  /** Someone answers the invitation in Outlook. */
  const answer = (email: string, response: 'accepted' | 'declined' | 'tentativelyAccepted'): void => {
    event = { ...event, attendees: event.attendees.map((a) => (a.email === email ? { ...a, response } : a)) };
  };
  return {
    documents,
    events,
    docs,
    published,
    invited,
    answer,
    mails: initial.mails ?? [],
    replyDrafts: initial.replyDrafts,
    now: initial.now ?? Date.parse('2023-11-02T09:00:00Z'),
    event: () => event,
  };
}

export function show(ui: ReactNode, language: Language, w: ReturnType<typeof world>, drafts: DraftStore = memoryDrafts()) {
  const ports: Ports = {
    registrationMail: () => ({
      mailsSince: (since) => Promise.resolve(w.mails.filter((m) => Date.parse(m.receivedAt) >= since)),
    }),
    ...(w.replyDrafts === undefined ? {} : { replyDrafts: w.replyDrafts }),
    events: w.events,
    documents: w.documents,
    chats: {
      findChatByJoinUrl: () => Promise.resolve(null),
      getMeetingChat: () => Promise.resolve(null),
      listMessages: () => Promise.resolve([]),
      postMessage: () => Promise.reject(new Error('not used')),
    },
    documentMemory: FORGETFUL_MEMORY,
    drafts,
    clock: fixedClock(w.now),
  };
  return render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={language}>
        <PortsContext.Provider value={ports}>{ui}</PortsContext.Provider>
      </LanguageContext.Provider>
    </FluentProvider>,
  );
}
