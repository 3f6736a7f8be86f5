/** The agenda's time plan and its re-plan during the meeting. */
export type { AgendaItemRef } from './agendaItems';
export type { PlannedItem, TimePlan, TimePlanInput, TimePlanStatus } from './timePlan';
export { computeTimePlan, describeTimePlanStatus } from './timePlan';
export type { DurationChange, ReplanInput, ReplanProposal, ReplanResult } from './replan';
export { applyReplan, DEFAULT_MINIMUM_MINUTES, proposeReplan } from './replan';
