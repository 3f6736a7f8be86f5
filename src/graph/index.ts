/** The Graph gateway: one client and one adapter per core port (ADR 0003). Graph types stay inside this folder. */
import type { ConsultationDocumentPort } from '../core/ports/consultationDocument';
import type { MeetingChatPort } from '../core/ports/meetingChat';
import type { MeetingEventPort } from '../core/ports/meetingEvent';
import type { RegistrationMailPort } from '../core/ports/registrationMail';
import { GraphConsultationDocuments } from './adapters/consultationDocuments';
import { GraphMeetingChat } from './adapters/meetingChat';
import { GraphMeetingEvents } from './adapters/meetingEvents';
import type { AdapterOptions } from './adapters/options';
import { GraphRegistrationMail } from './adapters/registrationMail';

export { DOCUMENT_FOLDER, documentPathOf } from './appFolder';
export { GraphConsultationDocuments } from './adapters/consultationDocuments';
export { GraphMeetingChat } from './adapters/meetingChat';
export { GraphMeetingEvents } from './adapters/meetingEvents';
export type { AdapterOptions } from './adapters/options';
export { GraphProfile } from './adapters/profile';
export { GraphRegistrationMail } from './adapters/registrationMail';
export { MAX_BATCH_SIZE } from './http/batch';
export type { BatchItem, BatchItemResult } from './http/batch';
export { GRAPH_V1, GraphClient } from './http/graphClient';
export type { Fetch, GraphClientOptions, GraphRequest, GraphResponse, HttpMethod, Page, TokenProvider } from './http/graphClient';
export { GraphError, isGraphError } from './http/graphError';
export { DEFAULT_RETRY_POLICY, realSleep } from './http/retry';
export type { RetryPolicy, Sleep } from './http/retry';
export { LINK_EXTENSION_NAME } from './mappers/event';

export interface GraphPorts {
  readonly events: MeetingEventPort;
  readonly documents: ConsultationDocumentPort;
  readonly mail: RegistrationMailPort;
  readonly chat: MeetingChatPort;
}

/** Every port over one client, for a composition root. */
export function createGraphPorts(options: AdapterOptions): GraphPorts {
  return {
    events: new GraphMeetingEvents(options),
    documents: new GraphConsultationDocuments(options),
    mail: new GraphRegistrationMail(options),
    chat: new GraphMeetingChat(options),
  };
}
export { CALENDAR_PAGE_SIZE, GraphMyMeetings } from './adapters/myMeetings';
