/**
 * The ports a view may use, from context. Entries put the Graph adapters (or test doubles) here; views never
 * import the gateway or a host (ADR 0001).
 */
import { createContext, useContext } from 'react';
import type {
  ConsultationDocumentPort,
  DocumentMemory,
  DraftStore,
  MeetingChatPort,
  MeetingEventPort,
  MyMeetingsPort,
  ProfilePort,
  RegistrationMailPort,
  ReplyDraftPort,
} from '../core/ports';
import type { Clock } from '../core/time/clock';

export interface Ports {
  readonly events: MeetingEventPort;
  readonly documents: ConsultationDocumentPort;
  readonly chats: MeetingChatPort;
  /** The host's memory of which document belongs to which calendar item (speeds up opening the pane). */
  readonly documentMemory: DocumentMemory;
  /** Where edits wait on this device until they are saved. */
  readonly drafts: DraftStore;
  /** The time, for what the views stamp (a publication's date). */
  readonly clock: Clock;
  /** Who is signed in; hosts without it (no User.Read) leave it out and nothing is highlighted. */
  readonly profile?: ProfilePort;
  /** Registration mails of a mailbox: a shared one named in the consultation, or (null) the signed-in person's. */
  readonly registrationMail: (mailbox: string | null) => RegistrationMailPort;
  /** The signed-in person's own consultations ("Mina samråd"); absent where the host cannot read their calendar. */
  readonly myMeetings?: MyMeetingsPort;
  /** Reply drafts; absent where the host cannot ask for the extra permission they need. */
  readonly replyDrafts?: ReplyDraftPort;
}

export const PortsContext = createContext<Ports | null>(null);

export function usePorts(): Ports {
  const ports = useContext(PortsContext);
  if (ports === null) throw new Error('usePorts needs a <PortsContext.Provider> above it (an entry wires the ports).');
  return ports;
}
