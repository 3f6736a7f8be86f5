/**
 * The current instant, renewed every `intervalMs`: enough for "9 min kvar" without re-rendering on every frame.
 * The time comes from the injected clock, so tests and replays decide what "now" is.
 */
import { useEffect, useState } from 'react';
import type { Clock } from '../../core/time/clock';

export function useNow(clock: Clock, intervalMs = 1_000): number {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(clock.now()), intervalMs);
    return () => clearInterval(timer);
  }, [clock, intervalMs]);
  return now;
}
