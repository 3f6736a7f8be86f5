/** The clock port: the core never reads the time itself, so every rule about "now" is testable. */
export interface Clock {
  /** The current instant, in epoch milliseconds. */
  now(): number;
}

/** A clock that stands still at a given instant (tests, benchmarks, replays of a meeting). */
export function fixedClock(instant: number): Clock {
  return { now: () => instant };
}
