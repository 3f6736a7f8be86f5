/**
 * The live moment of a meeting: the agenda run every panel and the stage follow. In Teams it is carried by Live
 * Share (src/hosts/teams/liveShare); it keeps nothing once everyone has left, so it only ever holds the run, never
 * anything that must last.
 */
import type { AgendaRun } from '../meeting/run';

export interface LiveAgendaSession {
  /** The run as this client knows it now (NOT_STARTED until a peer answers). */
  current(): AgendaRun;
  /** Called with every newer run, from this client or a peer; returns the unsubscribe. */
  onChange(listener: (run: AgendaRun) => void): () => void;
  /** Whether this person may start, advance and pause (the meeting's organisers and presenters), as of now. */
  readonly canControl: boolean;
  /**
   * Called once if the session is lost under the client (the service closed it), with a PortError `unavailable`
   * saying so; not after close(). Returns the unsubscribe.
   */
  onLost(listener: (reason: unknown) => void): () => void;
  /**
   * Sends a new run to everyone. Rejects with PortError `forbidden` for someone who may not control the run, and
   * `unavailable` when the session has been lost.
   */
  change(run: AgendaRun): Promise<void>;
  /** Leaves the session; listeners are called no more. */
  close(): Promise<void>;
}

export interface LiveAgendaPort {
  /**
   * Joins the meeting's live session. Rejects with PortError `unavailable` when there is no live session to join
   * (outside a meeting, for anonymous users, or when the service cannot be reached): the faces then follow the
   * published time plan and the clock, and say so.
   */
  join(): Promise<LiveAgendaSession>;
}
