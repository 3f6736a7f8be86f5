/**
 * Where a live session comes from. In Teams, teams-js's `LiveShareHost` gives the Fluid service, tokens, the
 * meeting's container and each client's meeting roles. In the workbench and the tests, Live Share's
 * `TestLiveShareHost` does the same against a local Fluid service (tinylicious), with the container id kept where
 * every face of the meeting finds it (ContainerIdStore) and the person's meeting role given (the sandbox knows who
 * organises and who presents).
 *
 * Both are sources, not hosts: the host is built inside join(), once Live Share has been loaded, so nothing here
 * loads Live Share or teams-js before the agenda is run.
 */
import type { LiveShareHost as TeamsLiveShareHost } from '@microsoft/teams-js';
import type { ContainerIdStore, FetchFunction } from './containerIds';
import { liveShareNotSupported } from './liveShareErrors';
import {
  loadInsecureTokenProvider,
  type LiveShareClientOptions,
  type LiveShareContainerInfo,
  type LiveShareHostApi,
  type LiveShareModule,
  type LiveShareRole,
} from './liveShareModule';

/** A person's role in the meeting, as Teams names them (Live Share's UserMeetingRole). */
export type MeetingRole = 'organizer' | 'presenter' | 'attendee' | 'guest';

export interface LiveShareConnection {
  readonly host: LiveShareHostApi;
  /** LiveShareClient's options: the local service's connection; none in Teams (the host names the service). */
  readonly options: LiveShareClientOptions;
}

export interface LiveShareHostSource {
  /** Where the session lives, for messages: "Teams" or the local service's address. */
  readonly where: string;
  /** Builds the host once Live Share is loaded; `signal` is aborted when join() gives up waiting. */
  connect(liveShare: LiveShareModule, signal: AbortSignal): Promise<LiveShareConnection>;
}

export function liveShareRole(liveShare: LiveShareModule, role: MeetingRole): LiveShareRole {
  return liveShare.UserMeetingRole[role];
}

// ---------------------------------------------------------------------------------------------------------------
// Teams

/** The part of teams-js this needs: its Live Share host and whether the current frame supports Live Share. */
export interface TeamsLiveShareApi {
  readonly LiveShareHost: { create(): TeamsLiveShareHost };
  readonly liveShare: { isSupported(): boolean };
}

/** teams-js itself; the page has loaded it already for the Teams host, so this costs nothing more. */
export async function loadTeamsLiveShareApi(): Promise<TeamsLiveShareApi> {
  const teams: TeamsLiveShareApi = await import('@microsoft/teams-js');
  return teams;
}

/**
 * teams-js declares its own copies of Live Share's enums (roles, container states). They have the same values, but
 * TypeScript rightly keeps different enum declarations apart, so the host is mapped value by value; an unknown
 * role grants nothing and an unknown container state is an error.
 */
function byValue<T extends string>(values: readonly T[]): ReadonlyMap<string, T> {
  return new Map(values.map((value) => [value, value]));
}

function rolesOf(known: ReadonlyMap<string, LiveShareRole>, roles: readonly string[] | undefined): LiveShareRole[] | undefined {
  return roles?.flatMap((role) => known.get(role) ?? []);
}

class TeamsHostAdapter implements LiveShareHostApi {
  private readonly roles: ReadonlyMap<string, LiveShareRole>;
  private readonly states: ReadonlyMap<string, LiveShareContainerInfo['containerState']>;

  constructor(
    liveShare: LiveShareModule,
    private readonly teams: TeamsLiveShareHost,
  ) {
    this.roles = byValue(Object.values(liveShare.UserMeetingRole));
    this.states = byValue(Object.values(liveShare.ContainerState));
  }

  private containerInfo(info: {
    readonly containerState: string;
    readonly containerId: string | undefined;
    readonly shouldCreate: boolean;
    readonly retryAfter: number;
  }): LiveShareContainerInfo {
    const containerState = this.states.get(info.containerState);
    if (containerState === undefined) {
      throw new Error(`Teams answered an unknown Live Share container state "${info.containerState}".`);
    }
    return { containerState, containerId: info.containerId, shouldCreate: info.shouldCreate, retryAfter: info.retryAfter };
  }

  getFluidTenantInfo() {
    return this.teams.getFluidTenantInfo();
  }

  getFluidToken(containerId?: string) {
    return this.teams.getFluidToken(containerId);
  }

  async getFluidContainerId() {
    return this.containerInfo(await this.teams.getFluidContainerId());
  }

  async setFluidContainerId(containerId: string) {
    return this.containerInfo(await this.teams.setFluidContainerId(containerId));
  }

  getNtpTime() {
    return this.teams.getNtpTime();
  }

  async registerClientId(clientId: string) {
    return rolesOf(this.roles, await this.teams.registerClientId(clientId)) ?? [];
  }

  async getClientRoles(clientId: string) {
    return rolesOf(this.roles, await this.teams.getClientRoles(clientId));
  }

  async getClientInfo(clientId: string) {
    const info = await this.teams.getClientInfo(clientId);
    if (info === undefined) return undefined;
    const { userId, displayName, roles } = info;
    return { userId, roles: rolesOf(this.roles, roles) ?? [], ...(displayName === undefined ? {} : { displayName }) };
  }
}

export function fromTeamsLiveShareHost(liveShare: LiveShareModule, teams: TeamsLiveShareHost): LiveShareHostApi {
  return new TeamsHostAdapter(liveShare, teams);
}

/**
 * The meeting's live session in Teams. Start the Teams host (app.initialize) first; Teams offers Live Share in the
 * side panel and on the stage of a meeting, not to anonymous participants.
 */
export function teamsLiveShareHost(loadTeams: () => Promise<TeamsLiveShareApi> = loadTeamsLiveShareApi): LiveShareHostSource {
  return {
    where: 'Teams',
    async connect(liveShare) {
      const teams = await loadTeams();
      let supported: boolean;
      try {
        supported = teams.liveShare.isSupported();
      } catch (cause) {
        // teams-js throws when app.initialize() has not completed: this page is not (yet) a Teams app.
        throw liveShareNotSupported(cause);
      }
      if (!supported) throw liveShareNotSupported();
      return { host: fromTeamsLiveShareHost(liveShare, teams.LiveShareHost.create()), options: {} };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// A local Fluid service (tinylicious)

export interface LocalLiveShareOptions {
  /** The local Fluid service, e.g. http://localhost:7070. */
  readonly endpoint: string;
  /** Where the meeting's container id is kept, so that every face joins the same container. */
  readonly containerIds: ContainerIdStore;
  /** Who this client is (the token names them to the other clients). */
  readonly user: { readonly id: string; readonly name: string };
  /** The person's roles in the meeting: what Teams would report for them. */
  readonly roles: readonly MeetingRole[];
  /** Used to see that the service answers before Fluid starts retrying without end. */
  readonly fetch?: FetchFunction;
}

/**
 * Fluid retries a service it cannot reach with growing pauses and no end, so the service is asked once first: a
 * refused or silent address fails at once (silence within join()'s time limit) instead of after the whole wait.
 */
async function answers(fetchFn: FetchFunction, endpoint: string, signal: AbortSignal): Promise<void> {
  try {
    await (await fetchFn(endpoint, { method: 'GET', signal })).arrayBuffer();
  } catch (cause) {
    throw new Error(`The local Fluid service at ${endpoint} does not answer (is tinylicious running?).`, { cause });
  }
}

/**
 * Live Share's TestLiveShareHost, with two things it cannot do itself: keep the container id somewhere other
 * clients can read it asynchronously (the sandbox, over HTTP) with "first one wins" when two create at once, and
 * report this person's meeting roles instead of every role. Other clients' roles stay TestLiveShareHost's (all of
 * them): a local service has no one to vouch for another client, as Teams does.
 */
class LocalHost implements LiveShareHostApi {
  private readonly mine = new Set<string>();

  constructor(
    private readonly liveShare: LiveShareModule,
    private readonly test: LiveShareHostApi,
    private readonly options: LocalLiveShareOptions,
    private readonly roles: readonly LiveShareRole[],
  ) {}

  getFluidTenantInfo() {
    return this.test.getFluidTenantInfo();
  }

  getFluidToken(containerId?: string) {
    return this.test.getFluidToken(containerId);
  }

  getNtpTime() {
    return this.test.getNtpTime();
  }

  async getFluidContainerId(): Promise<LiveShareContainerInfo> {
    const containerId = await this.options.containerIds.read();
    const { ContainerState } = this.liveShare;
    return containerId === null
      ? { containerState: ContainerState.notFound, containerId: undefined, shouldCreate: true, retryAfter: 0 }
      : { containerState: ContainerState.alreadyExists, containerId, shouldCreate: false, retryAfter: 0 };
  }

  async setFluidContainerId(containerId: string): Promise<LiveShareContainerInfo> {
    const kept = await this.options.containerIds.offer(containerId);
    const { ContainerState } = this.liveShare;
    return {
      containerState: kept === containerId ? ContainerState.added : ContainerState.conflict,
      containerId: kept,
      shouldCreate: false,
      retryAfter: 0,
    };
  }

  registerClientId(clientId: string) {
    this.mine.add(clientId);
    return Promise.resolve([...this.roles]);
  }

  async getClientRoles(clientId: string) {
    if (this.mine.has(clientId)) return [...this.roles];
    return (await this.test.getClientInfo(clientId))?.roles;
  }

  async getClientInfo(clientId: string) {
    if (!this.mine.has(clientId)) return this.test.getClientInfo(clientId);
    return { userId: this.options.user.id, displayName: this.options.user.name, roles: [...this.roles] };
  }
}

export function localLiveShareHost(options: LocalLiveShareOptions): LiveShareHostSource {
  const fetchFn: FetchFunction = options.fetch ?? ((input, init) => fetch(input, init));
  return {
    where: options.endpoint,
    async connect(liveShare, signal) {
      await answers(fetchFn, options.endpoint, signal);
      const InsecureTokenProvider = await loadInsecureTokenProvider();
      const user = { id: options.user.id, name: options.user.name };
      const roles = options.roles.map((role) => liveShareRole(liveShare, role));
      return {
        host: new LocalHost(liveShare, liveShare.TestLiveShareHost.create(), options, roles),
        options: {
          connection: { type: 'local', endpoint: options.endpoint, tokenProvider: new InsecureTokenProvider('', user) },
        },
      };
    },
  };
}
