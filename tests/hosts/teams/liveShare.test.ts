/**
 * The live agenda over Live Share, against a real local Fluid service (tinylicious) in Node: every client is its
 * own LiveShareClient with its own host, as two people in a meeting are, and they find the meeting's container
 * through a container id store (in memory, or the sandbox's control over HTTP). A session is lost when its container
 * is disposed under it (the test gets hold of the container through the Live Share module the adapter loads), and two
 * chairs' changes with one sequence end on the later one, as LiveState ordered them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { goToItem, NOT_STARTED, pauseRun, startRun, type AgendaRun } from '../../../src/core/meeting/run';
import { isPortError, type PortError } from '../../../src/core/ports/errors';
import type { LiveAgendaSession } from '../../../src/core/ports/liveAgenda';
import {
  AGENDA_RUN_OBJECT,
  agendaContainerSchema,
  containerIdsInMemory,
  containerIdsOverHttp,
  createLiveShareAgenda,
  fromTeamsLiveShareHost,
  loadLiveShare,
  localLiveShareHost,
  teamsLiveShareHost,
  type ContainerIdStore,
  type LiveShareHostSource,
  type LiveShareModule,
  type MeetingRole,
  type TeamsLiveShareApi,
} from '../../../src/hosts/teams/liveShare';
import type {
  LiveShareContainer,
  LiveShareHostApi,
  LiveShareJoinResults,
} from '../../../src/hosts/teams/liveShare/liveShareModule';
import { startTestSandbox, type TestSandbox } from '../../sandbox/support';
import { freePort, useTinylicious } from '../../support/tinylicious';

const fluid = useTinylicious();
const T0 = Date.UTC(2026, 11, 12, 12, 0);

let liveShare: LiveShareModule;
beforeAll(async () => {
  liveShare = await loadLiveShare();
});

/** Everything a test opens is closed after it, so no session outlives its test. */
const open: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

interface JoinOptions {
  readonly roles?: readonly MeetingRole[];
  readonly timeoutMs?: number;
  readonly endpoint?: string;
  /** Live Share as the adapter loads it (keepingContainers(), to get hold of the client's container). */
  readonly loadLiveShare?: () => Promise<LiveShareModule>;
  /** Changes the host Live Share gets (a Teams that never answers a registration). */
  readonly alterHost?: (host: LiveShareHostApi) => LiveShareHostApi;
}

async function joinAs(name: string, ids: ContainerIdStore, options: JoinOptions = {}): Promise<LiveAgendaSession> {
  const local = localLiveShareHost({
    endpoint: options.endpoint ?? fluid.endpoint,
    containerIds: ids,
    user: { id: name, name },
    roles: options.roles ?? ['organizer'],
  });
  const alterHost = options.alterHost;
  const host: LiveShareHostSource =
    alterHost === undefined
      ? local
      : {
          where: local.where,
          connect: async (module, signal) => {
            const connection = await local.connect(module, signal);
            return { ...connection, host: alterHost(connection.host) };
          },
        };
  const port = createLiveShareAgenda({
    host,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.loadLiveShare === undefined ? {} : { loadLiveShare: options.loadLiveShare }),
  });
  const session = await port.join();
  open.push(session);
  return session;
}

/** The next run the session reports that passes `accept`, or a failure after `ms`. */
function nextRun(session: LiveAgendaSession, accept: (run: AgendaRun) => boolean = () => true, ms = 10_000): Promise<AgendaRun> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`No run arrived within ${ms} ms; the session holds ${JSON.stringify(session.current())}.`));
    }, ms);
    const stop = session.onChange((run) => {
      if (!accept(run)) return;
      clearTimeout(timer);
      stop();
      resolve(run);
    });
  });
}

/**
 * Live Share as the adapter loads it, except that every container a client joins or creates is kept here: a test can
 * then dispose it under the session, as Fluid does when the service closes the connection for good.
 */
function keepingContainers(): { readonly load: () => Promise<LiveShareModule>; readonly containers: LiveShareContainer[] } {
  const containers: LiveShareContainer[] = [];
  const load = async (): Promise<LiveShareModule> => {
    const real = await loadLiveShare();
    class KeepingClient extends real.LiveShareClient {
      override async joinContainer(
        schema: Parameters<InstanceType<LiveShareModule['LiveShareClient']>['joinContainer']>[0],
        onCreated?: (container: LiveShareContainer) => void,
      ): Promise<LiveShareJoinResults> {
        const joined = await super.joinContainer(schema, (created) => {
          containers.push(created);
          onCreated?.(created);
        });
        if (!containers.includes(joined.container)) containers.push(joined.container);
        return joined;
      }
    }
    return { ...real, LiveShareClient: KeepingClient };
  };
  return { load, containers };
}

/** The host with some of its answers replaced; every other call goes to the host itself. */
function withHost(host: LiveShareHostApi, replaced: Partial<LiveShareHostApi>): LiveShareHostApi {
  return Object.assign(Object.create(host) as LiveShareHostApi, replaced);
}

/** The lost listener's calls, in order. */
function recordLost(session: LiveAgendaSession): unknown[] {
  const lost: unknown[] = [];
  session.onLost((reason) => lost.push(reason));
  return lost;
}

/** Runs every session reports, in order. */
function record(session: LiveAgendaSession): AgendaRun[] {
  const seen: AgendaRun[] = [];
  session.onChange((run) => seen.push(run));
  return seen;
}

/**
 * A client that writes straight into the LiveState, past the port: what any program in the meeting could send.
 * It has every role (a local service vouches for anyone), so only the receiving side's checks stand in its way.
 */
async function rawClient(ids: ContainerIdStore): Promise<{ set(value: unknown): Promise<void> }> {
  const { InsecureTokenProvider } = await import('@fluidframework/test-client-utils');
  const containerId = (await ids.read()) ?? undefined;
  const host = liveShare.TestLiveShareHost.create(
    () => containerId,
    () => undefined,
  );
  const user = { id: 'raw', name: 'Raw writer' };
  const client = new liveShare.LiveShareClient(host, {
    connection: { type: 'local', endpoint: fluid.endpoint, tokenProvider: new InsecureTokenProvider('', user) },
  });
  const { container } = await client.joinContainer(agendaContainerSchema(liveShare));
  const state = container.initialObjects[AGENDA_RUN_OBJECT];
  if (!(state instanceof liveShare.LiveState)) throw new Error('The container has no agenda LiveState.');
  await state.initialize(null);
  open.push({
    close: () => {
      state.dispose();
      container.dispose();
    },
  });
  return { set: (value: unknown) => state.set(value) };
}

function run(sequence: number, itemIndex = 0): AgendaRun {
  return { status: 'paused', itemIndex, runningSince: null, spentMs: 1000 * sequence, startedAt: T0, sequence };
}

async function portErrorOf(promise: Promise<unknown>): Promise<PortError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isPortError(error)) throw new Error(`Expected a PortError, got ${String(error)}`);
  return error;
}

function expectBilingual(error: PortError): void {
  for (const text of [error.what.sv, error.what.en, error.hint.sv, error.hint.en]) expect(text.length).toBeGreaterThan(10);
  expect(error.what.sv).not.toBe(error.what.en);
}

describe('two people in one meeting', () => {
  it('the second to join sees the run the first one started, and every change after it', async () => {
    const ids = containerIdsInMemory();
    const organiser = await joinAs('organiser', ids);
    expect(organiser.canControl).toBe(true);
    expect(organiser.current()).toEqual(NOT_STARTED);
    const started = startRun(organiser.current(), T0);
    await organiser.change(started);
    expect(organiser.current()).toEqual(started);

    const participant = await joinAs('participant', ids, { roles: ['attendee'] });
    const seen = participant.current().sequence === started.sequence ? participant.current() : await nextRun(participant);
    expect(seen).toEqual(started);

    const moved = goToItem(started, 1, 5, T0 + 60_000);
    const arrival = nextRun(participant, (r) => r.sequence === moved.sequence);
    await organiser.change(moved);
    expect(await arrival).toEqual(moved);
  });

  it('two faces that open at once (each creating a container) end up in the same one through the sandbox', async () => {
    const sandbox: TestSandbox = await startTestSandbox();
    open.push({ close: () => sandbox.dispose() });
    const url = `${sandbox.sandbox.origin}/sandbox/live-share/${encodeURIComponent('19:meeting_at-once@thread.v2')}`;
    // Both faces find no container (as when both read before either has created one), so both create one.
    const offers: { offered: string; kept: string }[] = [];
    const foundNothingFirst = (): ContainerIdStore => {
      const store = containerIdsOverHttp(url);
      let reads = 0;
      return {
        read: () => (reads++ === 0 ? Promise.resolve(null) : store.read()),
        offer: async (offered) => {
          const kept = await store.offer(offered);
          offers.push({ offered, kept });
          return kept;
        },
      };
    };
    const [panel, stage] = await Promise.all([
      joinAs('panel', foundNothingFirst()),
      joinAs('stage', foundNothingFirst(), { roles: ['presenter'] }),
    ]);
    expect(offers).toHaveLength(2);
    const [first, second] = offers;
    expect(first?.kept).toBe(first?.offered);
    expect(second?.kept).toBe(first?.offered);
    expect(second?.offered).not.toBe(first?.offered);
    const started = startRun(NOT_STARTED, T0);
    const arrival = nextRun(stage, (r) => r.sequence === started.sequence);
    await panel.change(started);
    expect(await arrival).toEqual(started);
    expect(stage.canControl).toBe(true);
  });
});

describe('what arrives is checked', () => {
  it('ignores values that are not a valid run, sent straight into the LiveState', async () => {
    const ids = containerIdsInMemory();
    const listener = await joinAs('listener', ids, { roles: ['attendee'] });
    const seen = record(listener);
    const raw = await rawClient(ids);
    await raw.set({ status: 'flying', itemIndex: 0 });
    await raw.set('not a run');
    await raw.set({ ...run(4), runningSince: T0 }); // paused with a running clock
    await raw.set({ ...run(4), itemIndex: -1 });
    const marker = run(5);
    const arrival = nextRun(listener, (r) => r.sequence === marker.sequence);
    await raw.set(marker);
    expect(await arrival).toEqual(marker);
    // Signals from one sender arrive in order: had any invalid value been taken, it would be listed before the marker.
    expect(seen).toEqual([marker]);
    expect(listener.current()).toEqual(marker);
  });

  it('never lets an older sequence replace a newer one', async () => {
    const ids = containerIdsInMemory();
    const listener = await joinAs('listener', ids, { roles: ['attendee'] });
    const seen = record(listener);
    const raw = await rawClient(ids);
    const newer = run(5, 2);
    await raw.set(newer);
    await nextRun(listener, (r) => r.sequence === 5);
    await raw.set(run(3, 1));
    await raw.set(run(4, 4));
    const marker = run(6, 3);
    const arrival = nextRun(listener, (r) => r.sequence === 6);
    await raw.set(marker);
    await arrival;
    expect(seen).toEqual([newer, marker]);
  });

  it('takes a different run with the same sequence (LiveState already ordered it), but reports the same run once', async () => {
    const ids = containerIdsInMemory();
    const listener = await joinAs('listener', ids, { roles: ['attendee'] });
    const seen = record(listener);
    const raw = await rawClient(ids);
    const first = run(5, 2);
    await raw.set(first);
    await nextRun(listener, (r) => r.sequence === 5);
    const other = run(5, 1);
    const arrival = nextRun(listener, (r) => r.itemIndex === other.itemIndex);
    await raw.set(other);
    expect(await arrival).toEqual(other);
    await raw.set(other); // the same run again: nothing new to report
    const marker = run(6, 3);
    const markerArrival = nextRun(listener, (r) => r.sequence === 6);
    await raw.set(marker);
    await markerArrival;
    expect(seen).toEqual([first, other, marker]);
    expect(listener.current()).toEqual(marker);
  });
});

/** More than the shared clock's sync error between two clients of one machine, even under load. */
const CLOCK_SYNC_ERROR_MS = 2_000;

describe('two chairs', () => {
  it('changing one after the other from the same run (the same sequence), both end on the later change', async () => {
    const ids = containerIdsInMemory();
    const organiser = await joinAs('organiser', ids);
    const presenter = await joinAs('presenter', ids, { roles: ['presenter'] });
    const started = startRun(NOT_STARTED, T0);
    const reached = nextRun(presenter, (r) => r.sequence === started.sequence);
    await organiser.change(started);
    await reached;

    // Each chair moves on from the run it holds: two changes with one sequence number, the presenter's later. The
    // later one is the one a fixed order of the two would drop (item 1 sorts before item 3): LiveState's order counts.
    const organisersMove = goToItem(started, 3, 5, T0 + 60_000);
    const presentersMove = goToItem(started, 1, 5, T0 + 61_000);
    expect(presentersMove.sequence).toBe(organisersMove.sequence);
    const organiserGotIt = nextRun(presenter, (r) => r.itemIndex === organisersMove.itemIndex);
    await organiser.change(organisersMove);
    await organiserGotIt;
    // LiveState orders changes by Live Share's shared clock, which each client syncs to the host with an error of up
    // to half a request's latency — hundreds of ms on a loaded machine. "Later" is only defined beyond that error.
    await new Promise((resolve) => setTimeout(resolve, CLOCK_SYNC_ERROR_MS));
    const presenterGotIt = nextRun(organiser, (r) => r.itemIndex === presentersMove.itemIndex);
    await presenter.change(presentersMove);
    expect(await presenterGotIt).toEqual(presentersMove);
    expect(organiser.current()).toEqual(presentersMove);
    expect(presenter.current()).toEqual(presentersMove);
  });
});

describe('who may run the agenda', () => {
  it('refuses a change from a participant without the organiser or presenter role with forbidden', async () => {
    const ids = containerIdsInMemory();
    const organiser = await joinAs('organiser', ids);
    const participant = await joinAs('participant', ids, { roles: ['attendee', 'guest'] });
    expect(participant.canControl).toBe(false);

    const error = await portErrorOf(participant.change(startRun(NOT_STARTED, T0)));
    expect(error.code).toBe('forbidden');
    expectBilingual(error);
    expect(error.what.sv).toContain('presentatörer');
    expect(error.what.en).toContain('presenters');
    expect(participant.current()).toEqual(NOT_STARTED);

    // The participant still follows the run.
    const started = startRun(NOT_STARTED, T0);
    const arrival = nextRun(participant, (r) => r.sequence === started.sequence);
    await organiser.change(started);
    expect(await arrival).toEqual(started);
  });

  it.each<[readonly MeetingRole[], boolean]>([
    [['organizer'], true],
    [['presenter'], true],
    [['attendee', 'presenter'], true],
    [['attendee'], false],
    [['guest'], false],
    [[], false],
  ])('roles %j may control: %s', async (roles, allowed) => {
    const session = await joinAs('person', containerIdsInMemory(), { roles });
    expect(session.canControl).toBe(allowed);
  });

  it('refuses to send a run that is not valid, with bad-request', async () => {
    const organiser = await joinAs('organiser', containerIdsInMemory());
    const error = await portErrorOf(organiser.change({ ...startRun(NOT_STARTED, T0), runningSince: null }));
    expect(error.code).toBe('bad-request');
    expectBilingual(error);
  });
});

describe('leaving', () => {
  it('close() stops the listeners and later changes are refused as unavailable', async () => {
    const ids = containerIdsInMemory();
    const organiser = await joinAs('organiser', ids);
    const leaver = await joinAs('leaver', ids, { roles: ['presenter'] });
    const stayer = await joinAs('stayer', ids, { roles: ['attendee'] });
    const leaverSaw = record(leaver);
    const started = startRun(NOT_STARTED, T0);
    const first = nextRun(leaver, (r) => r.sequence === started.sequence);
    await organiser.change(started);
    await first;

    await leaver.close();
    await leaver.close(); // twice is harmless
    const paused = pauseRun(started, T0 + 5_000);
    const stayerArrival = nextRun(stayer, (r) => r.sequence === paused.sequence);
    await organiser.change(paused);
    await stayerArrival;
    expect(leaverSaw).toEqual([started]);
    expect(leaver.current()).toEqual(started);

    const error = await portErrorOf(leaver.change(pauseRun(started, T0 + 6_000)));
    expect(error.code).toBe('unavailable');
    expectBilingual(error);
  });

  it('an unsubscribed listener is called no more, the others still are', async () => {
    const ids = containerIdsInMemory();
    const organiser = await joinAs('organiser', ids);
    const calls: string[] = [];
    const stop = organiser.onChange(() => calls.push('stopped'));
    organiser.onChange(() => calls.push('kept'));
    stop();
    await organiser.change(startRun(NOT_STARTED, T0));
    expect(calls).toEqual(['kept']);
  });
});

describe('a session lost under the client', () => {
  it('calls onLost once with unavailable when the container is disposed, and refuses later changes; the others go on', async () => {
    const ids = containerIdsInMemory();
    const organiser = await joinAs('organiser', ids);
    const kept = keepingContainers();
    const presenter = await joinAs('presenter', ids, { roles: ['presenter'], loadLiveShare: kept.load });
    const lost = recordLost(presenter);
    const alsoLost = recordLost(presenter);
    const started = startRun(NOT_STARTED, T0);
    const reached = nextRun(presenter, (r) => r.sequence === started.sequence);
    await organiser.change(started);
    await reached;

    const [container] = kept.containers;
    expect(kept.containers).toHaveLength(1);
    container?.dispose();
    expect(lost).toHaveLength(1);
    expect(alsoLost).toHaveLength(1);
    const [reason] = lost;
    if (!isPortError(reason)) throw new Error(`Expected a PortError, got ${String(reason)}`);
    expect(reason.code).toBe('unavailable');
    expectBilingual(reason);
    expect(presenter.current()).toEqual(started);

    const error = await portErrorOf(presenter.change(pauseRun(started, T0 + 5_000)));
    expect(error.code).toBe('unavailable');
    expect(lost).toHaveLength(1);

    // The meeting goes on for everyone else.
    const paused = pauseRun(started, T0 + 6_000);
    await organiser.change(paused);
    expect(organiser.current()).toEqual(paused);
  });

  it('calls an unsubscribed lost listener no more, and close() is no loss', async () => {
    const ids = containerIdsInMemory();
    const kept = keepingContainers();
    const first = await joinAs('first', ids, { loadLiveShare: kept.load });
    const second = await joinAs('second', ids, { roles: ['attendee'], loadLiveShare: kept.load });
    expect(kept.containers).toHaveLength(2);
    const unsubscribed: unknown[] = [];
    const stop = first.onLost((reason) => unsubscribed.push(reason));
    const firstLost = recordLost(first);
    stop();
    kept.containers[0]?.dispose();
    expect(unsubscribed).toEqual([]);
    expect(firstLost).toHaveLength(1);

    const secondLost = recordLost(second);
    await second.close();
    expect(kept.containers[1]?.disposed).toBe(true);
    expect(secondLost).toEqual([]);
  });
});

describe('when there is no service', () => {
  it('rejects with unavailable at once when nobody serves the port, well within the timeout', async () => {
    const port = await freePort();
    const started = performance.now();
    const error = await portErrorOf(
      joinAs('organiser', containerIdsInMemory(), { endpoint: `http://localhost:${port}`, timeoutMs: 3_000 }),
    );
    const elapsed = performance.now() - started;
    expect(error.code).toBe('unavailable');
    expectBilingual(error);
    expect(error.what.en).toContain(`localhost:${port}`);
    expect(error.cause).toBeInstanceOf(Error);
    expect(elapsed).toBeLessThan(3_000);
  });

  it('rejects with unavailable after the timeout when the service never answers', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    open.push({
      close: () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          silent.close(() => resolve());
        }),
    });
    const started = performance.now();
    const error = await portErrorOf(
      joinAs('organiser', containerIdsInMemory(), { endpoint: `http://127.0.0.1:${port}`, timeoutMs: 800 }),
    );
    const elapsed = performance.now() - started;
    expect(error.code).toBe('unavailable');
    expect(error.what.en).toContain('did not answer within 1 s');
    expect(elapsed).toBeGreaterThanOrEqual(790);
    expect(elapsed).toBeLessThan(3_000);
  });

  it('gives up at the timeout when the host never answers the client’s registration, and leaves the container', async () => {
    const ids = containerIdsInMemory();
    // The meeting's container exists already: the late client only joins it (a container it created is disposed by the
    // timeout itself), so it is the join's own clean-up that must leave it.
    await joinAs('organiser', ids);
    const kept = keepingContainers();
    const started = performance.now();
    const error = await portErrorOf(
      joinAs('presenter', ids, {
        timeoutMs: 1_500,
        loadLiveShare: kept.load,
        // A Teams that never says what this person may do: Live Share waits for the roles without end.
        alterHost: (host) => withHost(host, { registerClientId: () => new Promise<never>(() => undefined) }),
      }),
    );
    const elapsed = performance.now() - started;
    expect(error.code).toBe('unavailable');
    expectBilingual(error);
    expect(elapsed).toBeLessThan(4_000);
    // The container was joined, and is left when the join gives up: nothing stays connected in the background.
    expect(kept.containers).toHaveLength(1);
    await vi.waitFor(() => expect(kept.containers[0]?.disposed).toBe(true), { timeout: 5_000 });
  });

  it('rejects with unavailable when the kept container no longer exists', async () => {
    const ids: ContainerIdStore = { read: () => Promise.resolve('no-such-container'), offer: (id) => Promise.resolve(id) };
    const error = await portErrorOf(joinAs('organiser', ids, { timeoutMs: 8_000 }));
    expect(error.code).toBe('unavailable');
    expect(error.cause).toBeDefined();
  });
});

describe('in Teams', () => {
  const teamsHost = {
    getFluidTenantInfo: () => Promise.resolve({ tenantId: 'tenant', serviceEndpoint: 'https://eu.fluidrelay.azure.com' }),
    getFluidToken: (containerId?: string) => Promise.resolve(`token-for-${containerId ?? 'new'}`),
    getFluidContainerId: () =>
      Promise.resolve({ containerState: 'AlreadyExists', containerId: 'c1', shouldCreate: false, retryAfter: 0 }),
    setFluidContainerId: (containerId: string) =>
      Promise.resolve({
        containerState: 'Conflict',
        containerId: `other-than-${containerId}`,
        shouldCreate: false,
        retryAfter: 0,
      }),
    getNtpTime: () => Promise.resolve({ ntpTime: 'Sat, 12 Dec 2026 12:00:00 GMT', ntpTimeInUTC: T0 }),
    registerClientId: () => Promise.resolve(['Presenter', 'Attendee', 'SomethingNew']),
    getClientRoles: () => Promise.resolve(undefined),
    getClientInfo: (clientId: string) =>
      Promise.resolve(clientId === 'known' ? { userId: 'u1', roles: ['Organizer'], displayName: 'Anna' } : undefined),
  };

  function teamsApi(supported: () => boolean): TeamsLiveShareApi {
    // teams-js's classes are declared, not structural literals: the fake is the same shape, typed as teams-js's.
    const api = { LiveShareHost: { create: () => teamsHost }, liveShare: { isSupported: supported } };
    return api as unknown as TeamsLiveShareApi;
  }

  it('maps teams-js’s roles and container states onto Live Share’s, granting nothing for an unknown role', async () => {
    const source = teamsLiveShareHost(() => Promise.resolve(teamsApi(() => true)));
    const { host, options } = await source.connect(liveShare, new AbortController().signal);
    expect(options).toEqual({});
    expect(await host.registerClientId('me')).toEqual([liveShare.UserMeetingRole.presenter, liveShare.UserMeetingRole.attendee]);
    expect(await host.getFluidContainerId()).toEqual({
      containerState: liveShare.ContainerState.alreadyExists,
      containerId: 'c1',
      shouldCreate: false,
      retryAfter: 0,
    });
    expect((await host.setFluidContainerId('mine')).containerState).toBe(liveShare.ContainerState.conflict);
    expect(await host.getClientInfo('known')).toEqual({
      userId: 'u1',
      roles: [liveShare.UserMeetingRole.organizer],
      displayName: 'Anna',
    });
    expect(await host.getClientInfo('unknown')).toBeUndefined();
    expect(await host.getFluidToken()).toBe('token-for-new');
  });

  it('fails on a container state it does not know rather than guessing', async () => {
    const host = fromTeamsLiveShareHost(liveShare, {
      ...teamsHost,
      getFluidContainerId: () =>
        Promise.resolve({ containerState: 'Pending', containerId: undefined, shouldCreate: false, retryAfter: 0 }),
    } as unknown as Parameters<typeof fromTeamsLiveShareHost>[1]);
    await expect(host.getFluidContainerId()).rejects.toThrow(/unknown Live Share container state "Pending"/);
  });

  it.each([
    ['Teams says Live Share is not supported here', () => false],
    [
      'teams-js was not initialised',
      () => {
        throw new Error('The library has not yet been initialized');
      },
    ],
  ])('join() rejects with unavailable when %s, without waiting', async (_case, supported) => {
    const port = createLiveShareAgenda({ host: teamsLiveShareHost(() => Promise.resolve(teamsApi(supported))) });
    const error = await portErrorOf(port.join());
    expect(error.code).toBe('unavailable');
    expectBilingual(error);
    expect(error.what.en).toContain('Live Share');
  });
});

describe('Live Share is loaded only when the agenda is run', () => {
  it('creating the port loads nothing; join() loads Live Share once it is called', async () => {
    let loads = 0;
    const port = createLiveShareAgenda({
      host: localLiveShareHost({
        endpoint: `http://localhost:${await freePort()}`,
        containerIds: containerIdsInMemory(),
        user: { id: 'o', name: 'O' },
        roles: ['organizer'],
      }),
      loadLiveShare: () => {
        loads += 1;
        return loadLiveShare();
      },
    });
    expect(loads).toBe(0);
    await portErrorOf(port.join());
    expect(loads).toBe(1);
  });
});

describe('the adapter’s source', () => {
  it('imports Live Share, Fluid and teams-js only with import() or as types, so no page carries them before join()', () => {
    const folder = path.resolve('src/hosts/teams/liveShare');
    const heavy =
      /^import\s+(?!type\b)[^;]*?from\s+'(@microsoft\/live-share|@microsoft\/teams-js|fluid-framework|@fluidframework\/[^']+)'/gm;
    const files = readdirSync(folder).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(3);
    const found = files.flatMap((name) =>
      [...readFileSync(path.join(folder, name), 'utf8').matchAll(heavy)].map((m) => `${name}: ${m[0]}`),
    );
    expect(found).toEqual([]);
    const loader = readFileSync(path.join(folder, 'liveShareModule.ts'), 'utf8');
    expect(loader).toContain(`import(/* webpackChunkName: "live-share" */ '@microsoft/live-share')`);
  });
});

afterAll(() => {
  expect(open).toEqual([]);
});
