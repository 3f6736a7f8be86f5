/** The DraftStore key of the agenda built in a new meeting before it was saved (ComposeAgenda), read back once it is. */
export const COMPOSE_DRAFT = 'unsaved-meeting';
