/**
 * The agenda run of the meeting, as this surface follows it: joined lazily through the live session (Live Share),
 * or — where there is none — not at all, and the surface follows the published time plan and says so. A session
 * that cannot be joined, or is lost later, is reported as `unavailable` with its reason, and can be joined again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveAgendaPort, LiveAgendaSession } from '../../core/ports';
import { laterRun, NOT_STARTED, type AgendaRun } from '../../core/meeting/run';

export type AgendaRunState =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'live'; readonly run: AgendaRun; readonly canControl: boolean }
  /**
   * No live session: `reason` says why (a PortError) where there was one to join, null where there is none;
   * `lastRun` is the run as last followed, when a session was lost (the chair carries on from it).
   */
  | { readonly kind: 'unavailable'; readonly reason: unknown; readonly lastRun?: AgendaRun };

export interface AgendaRunControl {
  readonly state: AgendaRunState;
  /** Sends a new run (organisers and presenters) and gives it back; rejects with the session's PortError. */
  readonly change: (next: (run: AgendaRun) => AgendaRun) => Promise<AgendaRun>;
  /** Joins again after the session could not be joined or was lost. */
  readonly reconnect: () => void;
}

const NO_SESSION = new Error('This surface has no live session (anonymous, or a host without Live Share).');

/**
 * Of the held run and one the session hands on, the one to show. The session has already ordered the changes (Live
 * Share by their time), so a run with the same sequence is a later change by another chair and is taken; only a
 * lower sequence (a late or replayed value) is refused.
 */
function followed(held: AgendaRun, received: AgendaRun): AgendaRun {
  return received.sequence >= held.sequence ? received : held;
}

function unavailable(reason: unknown, lastRun: AgendaRun | null): AgendaRunState {
  return lastRun === null ? { kind: 'unavailable', reason } : { kind: 'unavailable', reason, lastRun };
}

export function useAgendaRun(liveAgenda: LiveAgendaPort | null, initialRun: AgendaRun | null = null): AgendaRunControl {
  const [state, setState] = useState<AgendaRunState>(() =>
    liveAgenda === null ? { kind: 'unavailable', reason: null } : { kind: 'connecting' },
  );
  const [session, setSession] = useState<LiveAgendaSession | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The run as last followed, kept across attempts to join again: a chair whose session is lost (and whose attempt to
  // join again fails) carries on from where the meeting was, never from the start.
  const lastFollowed = useRef<AgendaRun | null>(null);

  useEffect(() => {
    if (liveAgenda === null) {
      setState({ kind: 'unavailable', reason: null });
      return;
    }
    let live = true;
    let joined: LiveAgendaSession | null = null;
    const unsubscribe: (() => void)[] = [];
    setState({ kind: 'connecting' });
    liveAgenda.join().then(
      (s) => {
        if (!live) {
          // Joined after the surface moved on: left at once, and a failure to leave changes nothing for anyone.
          s.close().catch((error: unknown) => console.warn(error));
          return;
        }
        joined = s;
        setSession(s);
        const seeded = initialRun === null ? s.current() : laterRun(initialRun, s.current());
        const held = lastFollowed.current === null ? seeded : laterRun(lastFollowed.current, seeded);
        lastFollowed.current = held;
        setState({ kind: 'live', run: held, canControl: s.canControl });
        unsubscribe.push(
          // Roles are read on every change: someone made presenter during the meeting gets the controls.
          s.onChange((run) => {
            const shown = lastFollowed.current === null ? run : followed(lastFollowed.current, run);
            lastFollowed.current = shown;
            setState({ kind: 'live', run: shown, canControl: s.canControl });
          }),
          s.onLost((reason) => {
            setSession(null);
            setState(unavailable(reason, lastFollowed.current));
          }),
        );
      },
      (reason: unknown) => {
        if (live) setState(unavailable(reason, lastFollowed.current));
      },
    );
    return () => {
      live = false;
      for (const stop of unsubscribe) stop();
      if (joined !== null) joined.close().catch((error: unknown) => console.warn(error));
      setSession(null);
    };
    // The initial run only seeds the first state; a later one arrives through the session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [liveAgenda, attempt]);

  const change = useCallback(
    async (next: (run: AgendaRun) => AgendaRun): Promise<AgendaRun> => {
      if (session === null) throw NO_SESSION;
      const changed = next(laterRun(session.current(), state.kind === 'live' ? state.run : NOT_STARTED));
      await session.change(changed);
      return changed;
    },
    [session, state],
  );
  const reconnect = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, change, reconnect };
}
