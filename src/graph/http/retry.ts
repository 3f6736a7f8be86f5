/**
 * When to send a Graph request again, and how long to wait first (ADR 0003).
 *
 * - 429 and 503 are admission answers (throttled, unavailable): Graph did not do the work, so any request may be
 *   sent again, after the Retry-After Graph gives or else an exponential backoff with jitter.
 * - 504 and a lost connection say nothing about whether the work was done: only requests that are safe to repeat
 *   go again (GET, PUT, DELETE, and any request made conditional by If-Match, which fails with 412 the second time
 *   instead of applying twice).
 * - Bounded twice: by attempts and by the total time spent waiting, so a face never hangs on a throttled mailbox.
 */

export interface RetryPolicy {
  /** Sends in all, the first included. */
  readonly maxAttempts: number;
  /** The first backoff step; each next one doubles, up to maxDelayMs. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Waiting across all attempts of one request (Retry-After included) never exceeds this. */
  readonly maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 16_000,
  maxTotalWaitMs: 60_000,
};

export type Sleep = (ms: number) => Promise<void>;

/** The real wait, for composition roots; tests pass one that records instead. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function isAdmissionStatus(status: number): boolean {
  return status === 429 || status === 503;
}

/** Statuses that may succeed when sent again (the caller still checks that the request is safe to repeat for 504). */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status === 503 || status === 504;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Safe to send again after an answer that does not say whether it was applied. */
export function isRepeatable(method: string, headers: Readonly<Record<string, string>>): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  return Object.keys(headers).some((name) => name.toLowerCase() === 'if-match');
}

/**
 * Retry-After in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3), measured from `now`. Null when
 * missing or unreadable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at) || !/[a-z]/i.test(trimmed)) return null;
  return Math.max(0, at - now);
}

/** Exponential backoff with "equal jitter": half of the step is fixed, half random, so retries spread out. */
export function backoffDelay(policy: RetryPolicy, retryIndex: number, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.round(step / 2 + random() * (step / 2));
}
