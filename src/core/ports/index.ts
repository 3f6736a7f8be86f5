/** Ports: what the core needs from Microsoft 365, as interfaces over core types (src/graph implements them). */
export { checkDocumentName, documentNameForMeeting, documentNamePattern } from './consultationDocument';
export type { ConsultationDocumentPort, DocumentListing, SaveResult, StoredConsultation } from './consultationDocument';
export { FORGETFUL_MEMORY } from './documentMemory';
export type { DraftRead, DraftStore, LocalDraft } from './draftStore';
export type { DocumentMemory } from './documentMemory';
export { isPortError, PortError } from './errors';
export type { PortErrorCode } from './errors';
export { attendeeLimitError, MAX_ATTENDEES, planInvitations } from './invitations';
export type { CurrentAttendees, InvitationPlan } from './invitations';
export type { ChatMessage, ChatMessageSender, MeetingChat, MeetingChatPort } from './meetingChat';
export type { ConsultationLink, InvitationResult, Invitee, MeetingEvent, MeetingEventPort } from './meetingEvent';
export type { IncomingMail, MailAddress, RegistrationMailPort } from './registrationMail';
export type { Profile, ProfilePort } from './profile';
export type { CreatedDraft, DraftPermission, ReplyDraft, ReplyDraftPort } from './replyDrafts';
export type { LiveAgendaPort, LiveAgendaSession } from './liveAgenda';
export type { MyConsultation, MyMeetingsPort } from './myMeetings';
