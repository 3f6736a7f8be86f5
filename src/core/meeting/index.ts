/** The meeting itself: the agenda run, where the meeting is on its agenda, participants' input and the stage. */
export * from './input';
export * from './ownInvitation';
export * from './position';
export * from './run';
export * from './stagePayload';
