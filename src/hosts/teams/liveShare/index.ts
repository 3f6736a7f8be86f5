/**
 * The live agenda over Live Share (LiveAgendaPort): in Teams through teams-js's LiveShareHost, in the workbench and
 * the tests through a local Fluid service (tinylicious). Nothing here loads Live Share until join() is called.
 */
export {
  AGENDA_RUN_OBJECT,
  agendaContainerSchema,
  CONTROL_ROLES,
  createLiveShareAgenda,
  DEFAULT_LIVE_SHARE_TIMEOUT_MS,
  type LiveShareAgendaOptions,
} from './liveShareAgenda';
export {
  fromTeamsLiveShareHost,
  liveShareRole,
  loadTeamsLiveShareApi,
  localLiveShareHost,
  teamsLiveShareHost,
  type LiveShareConnection,
  type LiveShareHostSource,
  type LocalLiveShareOptions,
  type MeetingRole,
  type TeamsLiveShareApi,
} from './liveShareHosts';
export { containerIdsInMemory, containerIdsOverHttp, type ContainerIdStore, type FetchFunction } from './containerIds';
export { loadLiveShare, type LiveShareModule } from './liveShareModule';
