/**
 * The live agenda over Live Share: one `LiveState` ("samrad-agenda-run") in the meeting's Fluid container carries
 * the agenda run. Only organisers and presenters may change it (Live Share checks the sender's roles on every
 * client); every value that arrives is still checked (readAgendaRun) and kept only when it is later than the run
 * held (laterRun), because any client in the meeting can write any JSON and signals can arrive out of order.
 *
 * Live Share and Fluid are loaded inside join() (liveShareModule.ts), never before, and every wait is bounded:
 * Fluid retries an unreachable service without end, so join() gives up after `timeoutMs` and cleans up after
 * itself.
 */
import { isPortError } from '../../../core/ports/errors';
import type { LiveAgendaPort, LiveAgendaSession } from '../../../core/ports/liveAgenda';
import { laterRun, NOT_STARTED, readAgendaRun, type AgendaRun } from '../../../core/meeting/run';
import {
  changeTimedOut,
  invalidRun,
  joinFailed,
  joinTimedOut,
  notAllowedToControl,
  sessionClosed,
  sessionLost,
  sessionLostUnder,
} from './liveShareErrors';
import { liveShareRole, type LiveShareHostSource, type MeetingRole } from './liveShareHosts';
import {
  loadLiveShare,
  type LiveShareContainer,
  type LiveShareHostApi,
  type LiveShareModule,
  type LiveShareRole,
  type LiveStateOfUnknown,
} from './liveShareModule';

/** The name of the run's LiveState in the container: every client of every version must use the same one. */
export const AGENDA_RUN_OBJECT = 'samrad-agenda-run';
export const DEFAULT_LIVE_SHARE_TIMEOUT_MS = 10_000;
/** Who may start, pause and move the agenda: Teams's meeting organisers and presenters. */
export const CONTROL_ROLES: readonly MeetingRole[] = ['organizer', 'presenter'];

/**
 * live-share 1.2.2 refuses a LiveState.set() of a client without the allowed roles with this text
 * (ContainerSynchronizer.sendEventForObject); it is the only sign of that case.
 */
const LIVE_SHARE_ROLE_REFUSAL = "doesn't meet the app requirements";

export interface LiveShareAgendaOptions {
  /** Teams (teamsLiveShareHost) or a local Fluid service (localLiveShareHost). */
  readonly host: LiveShareHostSource;
  /** The longest join() waits for the service, and change() for the send (default 10 s). */
  readonly timeoutMs?: number;
  /** Loads Live Share; the default is the package, in its own chunk. */
  readonly loadLiveShare?: () => Promise<LiveShareModule>;
}

/** The container's schema: the one LiveState. Every client must declare the same. */
export function agendaContainerSchema(liveShare: LiveShareModule) {
  return { initialObjects: { [AGENDA_RUN_OBJECT]: liveShare.LiveState } };
}

function isLiveState(liveShare: LiveShareModule, value: unknown): value is LiveStateOfUnknown {
  return value instanceof liveShare.LiveState;
}

class TimedOut extends Error {
  override readonly name = 'TimedOut';
}

/** Settles as `work` does, or rejects with TimedOut after `ms` (the work goes on; the caller cleans up after it). */
async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`No answer within ${ms} ms.`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Records the roles the host reports for this client when Live Share registers it (on every connection; the roles
 * of the latest one count), which is what Teams says this person may do in the meeting.
 */
class LocalRoles {
  private latest: readonly LiveShareRole[] | null = null;
  /** The host's last refusal to register, the likely cause when the roles never come. */
  lastFailure: unknown = undefined;
  private announce: (roles: readonly LiveShareRole[]) => void = () => undefined;
  readonly registered = new Promise<readonly LiveShareRole[]>((resolve) => {
    this.announce = resolve;
  });

  constructor(private readonly host: LiveShareHostApi) {}

  get current(): readonly LiveShareRole[] {
    return this.latest ?? [];
  }

  /** The host as Live Share gets it: the same, but every registration's answer is noted. */
  watchedHost(): LiveShareHostApi {
    const host = this.host;
    return {
      getFluidTenantInfo: () => host.getFluidTenantInfo(),
      getFluidToken: (containerId) => host.getFluidToken(containerId),
      getFluidContainerId: () => host.getFluidContainerId(),
      setFluidContainerId: (containerId) => host.setFluidContainerId(containerId),
      getNtpTime: () => host.getNtpTime(),
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- Live Share still falls back to it on Teams clients without getClientInfo
      getClientRoles: (clientId) => host.getClientRoles(clientId),
      getClientInfo: (clientId) => host.getClientInfo(clientId),
      registerClientId: async (clientId) => {
        try {
          const roles = await host.registerClientId(clientId);
          this.latest = roles;
          this.announce(roles);
          return roles;
        } catch (error) {
          this.lastFailure = error;
          throw error;
        }
      },
    };
  }
}

class LiveShareAgendaSession implements LiveAgendaSession {
  private held: AgendaRun = NOT_STARTED;
  private readonly listeners = new Set<(run: AgendaRun) => void>();
  private closed = false;
  private lostCause: unknown = undefined;
  private readonly onValue = (value: unknown): void => {
    this.receive(value);
  };
  private readonly lostListeners = new Set<(reason: unknown) => void>();
  private readonly onDisposed = (error?: unknown): void => {
    this.lostCause = error;
    if (this.closed) return;
    const reason = sessionLostUnder(error);
    for (const listener of [...this.lostListeners]) listener(reason);
    this.lostListeners.clear();
  };

  constructor(
    private readonly container: LiveShareContainer,
    private readonly state: LiveStateOfUnknown,
    private readonly roles: LocalRoles,
    private readonly controlRoles: readonly LiveShareRole[],
    private readonly timeoutMs: number,
  ) {
    // Listening starts before the LiveState is initialised: it replays the peers' latest values while it starts.
    state.on('stateChanged', this.onValue);
    container.on('disposed', this.onDisposed);
  }

  /** A method, not the field: close() may run while change() awaits the send. */
  private isClosed(): boolean {
    return this.closed;
  }

  get canControl(): boolean {
    return this.roles.current.some((role) => this.controlRoles.includes(role));
  }

  current(): AgendaRun {
    return this.held;
  }

  onLost(listener: (reason: unknown) => void): () => void {
    const subscription = (reason: unknown): void => listener(reason);
    this.lostListeners.add(subscription);
    return () => {
      this.lostListeners.delete(subscription);
    };
  }

  onChange(listener: (run: AgendaRun) => void): () => void {
    // A wrapper per subscription, so the same function subscribed twice is unsubscribed once per call.
    const subscription = (run: AgendaRun): void => listener(run);
    this.listeners.add(subscription);
    return () => {
      this.listeners.delete(subscription);
    };
  }

  /** A value from any client (this one included): kept only when it is a run and later than the one held. */
  receive(value: unknown): void {
    if (this.closed) return;
    const run = readAgendaRun(value);
    if (run === null) return;
    // LiveState has already ordered the events by their time and dropped older ones, so a run with the same sequence
    // as the one held is a later change by another chair (two pressed at once): taking it keeps every client on
    // the run LiveState ended with. Only a lower sequence (a late or replayed value) is refused.
    const kept = run.sequence === this.held.sequence && !sameRun(run, this.held) ? run : laterRun(this.held, run);
    if (kept === this.held) return;
    this.held = kept;
    for (const listener of [...this.listeners]) {
      try {
        listener(kept);
      } catch (error) {
        // The listener runs inside Live Share's event dispatch, where a throw would stop the other listeners and
        // Live Share's own bookkeeping; it is raised again on its own, where the page's error handling sees it.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  async change(run: AgendaRun): Promise<void> {
    if (this.closed) throw sessionClosed();
    if (this.container.disposed) throw sessionLost(this.lostCause);
    if (!this.canControl) throw notAllowedToControl();
    if (readAgendaRun(run) === null) throw invalidRun();
    try {
      await within(this.state.set(run), this.timeoutMs);
    } catch (error) {
      if (this.isClosed()) throw sessionClosed();
      if (error instanceof TimedOut) throw changeTimedOut(this.timeoutMs, error);
      if (error instanceof Error && error.message.includes(LIVE_SHARE_ROLE_REFUSAL)) throw notAllowedToControl(error);
      throw sessionLost(error);
    }
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.listeners.clear();
    this.state.off('stateChanged', this.onValue);
    this.container.off('disposed', this.onDisposed);
    // The LiveState stops its background updates (a 10 s timer); the container leaves the session.
    this.state.dispose();
    this.container.dispose();
    return Promise.resolve();
  }
}

interface Attempt {
  /** The container this client created, while it is being attached (disposing it stops Fluid's retries). */
  created: LiveShareContainer | null;
  roles: LocalRoles | null;
}

function sameRun(a: AgendaRun, b: AgendaRun): boolean {
  return (
    a.status === b.status &&
    a.itemIndex === b.itemIndex &&
    a.runningSince === b.runningSince &&
    a.spentMs === b.spentMs &&
    a.startedAt === b.startedAt &&
    a.sequence === b.sequence
  );
}

/** Rejects with the abort's reason once the signal is aborted (never settles otherwise). */
function whenAborted(signal: AbortSignal): Promise<never> {
  // join() aborts with its own timeout error; any other reason is wrapped so the rejection is always an Error.
  const reason = (): Error => {
    const given: unknown = signal.reason;
    return given instanceof Error ? given : new Error(String(given));
  };
  return new Promise<never>((_, reject) => {
    if (signal.aborted) reject(reason());
    else signal.addEventListener('abort', () => reject(reason()), { once: true });
  });
}

async function connect(options: LiveShareAgendaOptions, attempt: Attempt, signal: AbortSignal): Promise<LiveShareAgendaSession> {
  const liveShare = await (options.loadLiveShare ?? loadLiveShare)();
  const connection = await options.host.connect(liveShare, signal);
  const roles = new LocalRoles(connection.host);
  attempt.roles = roles;
  const client = new liveShare.LiveShareClient(roles.watchedHost(), connection.options);
  const { container } = await client.joinContainer(agendaContainerSchema(liveShare), (created) => {
    attempt.created = created;
  });
  try {
    const state = container.initialObjects[AGENDA_RUN_OBJECT];
    if (!isLiveState(liveShare, state)) {
      throw new Error(`The meeting's container has no LiveState named "${AGENDA_RUN_OBJECT}".`);
    }
    const controlRoles = CONTROL_ROLES.map((role) => liveShareRole(liveShare, role));
    const session = new LiveShareAgendaSession(
      container,
      state,
      roles,
      controlRoles,
      options.timeoutMs ?? DEFAULT_LIVE_SHARE_TIMEOUT_MS,
    );
    try {
      await state.initialize(NOT_STARTED, [...controlRoles]);
      // Right after initialize() the LiveState holds its own initial value or a peer's replayed one.
      session.receive(state.state);
      // Live Share catches a failed client registration itself, so `registered` may never settle: a timed-out join
      // must still end here, so that the catch below closes the session and the container.
      await Promise.race([roles.registered, whenAborted(signal)]);
    } catch (error) {
      await session.close();
      throw error;
    }
    return session;
  } catch (error) {
    container.dispose();
    throw error;
  }
}

async function join(options: LiveShareAgendaOptions): Promise<LiveAgendaSession> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LIVE_SHARE_TIMEOUT_MS;
  const attempt: Attempt = { created: null, roles: null };
  const abort = new AbortController();
  const work = connect(options, attempt, abort.signal);
  try {
    return await within(work, timeoutMs);
  } catch (error) {
    if (!(error instanceof TimedOut)) throw isPortError(error) ? error : joinFailed(options.host.where, error);
    abort.abort(error);
    attempt.created?.dispose();
    // The join goes on in the background: a session that still comes is closed at once; a failure that still comes
    // is the reason for the timeout already reported (the error below names the host's last refusal, if any).
    void work.then(
      (late) => late.close(),
      () => undefined,
    );
    throw joinTimedOut(options.host.where, timeoutMs, attempt.roles?.lastFailure);
  }
}

/** The live agenda of a meeting over Live Share. */
export function createLiveShareAgenda(options: LiveShareAgendaOptions): LiveAgendaPort {
  return { join: () => join(options) };
}
