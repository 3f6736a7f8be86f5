/**
 * Fault injection the way Microsoft's Dev Proxy does it: latency, 429 with Retry-After, 503 and dropped
 * connections, drawn per Graph request from a seeded generator so a failing run replays exactly. One number is
 * drawn for every request whatever the rates are, so the n-th request meets the same dice in every run with the
 * same seed. Setting faults restarts the dice from the seed.
 */
import { FAULT_HEADER, NO_FAULTS, type FaultSettings } from './contract';
import { badRequest } from './http/errors';

/** `drop`: no answer and nothing done; `lost`: done, but the answer never arrives. */
export type FaultKind = 'none' | '429' | '503' | 'drop' | 'lost';

export interface FaultDecision {
  readonly latencyMs: number;
  readonly kind: FaultKind;
}

/** mulberry32: small, fast and good enough for dice; the point is replay, not statistics. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rate(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new RangeError(`${name} must be a number from 0 to 1.`);
  }
  return value;
}

function whole(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0.`);
  }
  return value;
}

/** Merges a partial update into settings, refusing values that would make the dice meaningless. */
export function mergeFaults(current: FaultSettings, update: Readonly<Record<string, unknown>>): FaultSettings {
  const known = new Set(Object.keys(NO_FAULTS));
  for (const key of Object.keys(update)) {
    if (!known.has(key)) throw new RangeError(`Unknown fault setting "${key}"; known: ${[...known].join(', ')}.`);
  }
  const merged = { ...current, ...update };
  const settings: FaultSettings = {
    latencyMs: whole(merged.latencyMs, 'latencyMs'),
    rate429: rate(merged.rate429, 'rate429'),
    rate503: rate(merged.rate503, 'rate503'),
    rateDrop: rate(merged.rateDrop, 'rateDrop'),
    rateLostAnswer: rate(merged.rateLostAnswer, 'rateLostAnswer'),
    retryAfterSeconds: whole(merged.retryAfterSeconds, 'retryAfterSeconds'),
    seed: whole(merged.seed, 'seed'),
  };
  if (settings.rate429 + settings.rate503 + settings.rateDrop + settings.rateLostAnswer > 1) {
    throw new RangeError('rate429 + rate503 + rateDrop + rateLostAnswer must not exceed 1.');
  }
  return settings;
}

interface HeaderFault {
  readonly kind: FaultKind;
  readonly latencyMs: number;
}

/** `x-sandbox-fault: 429 | 503 | drop | lost | latency=250`, several joined by commas. */
function parseHeader(value: string | undefined): HeaderFault {
  let kind: FaultKind = 'none';
  let latencyMs = 0;
  for (const part of (value ?? '').split(',').map((p) => p.trim().toLowerCase())) {
    if (part === '') continue;
    const latency = /^latency=(\d+)$/.exec(part);
    if (latency !== null) latencyMs += Number(latency[1]);
    else if (part === '429' || part === '503' || part === 'drop' || part === 'lost') kind = part;
    else throw badRequest(`${FAULT_HEADER} must be 429, 503, drop, lost or latency=<ms> (comma-separated); got "${part}".`);
  }
  return { kind, latencyMs };
}

export class FaultInjector {
  #settings: FaultSettings;
  #dice: () => number;

  constructor(initial: Partial<FaultSettings> = {}) {
    this.#settings = mergeFaults(NO_FAULTS, initial);
    this.#dice = generator(this.#settings.seed);
  }

  get settings(): FaultSettings {
    return this.#settings;
  }

  set(update: Readonly<Record<string, unknown>>): FaultSettings {
    this.#settings = mergeFaults(this.#settings, update);
    this.#dice = generator(this.#settings.seed);
    return this.#settings;
  }

  /**
   * The fault for one request: the header's, else the dice's. `canDrop` is false inside a $batch, where there is no
   * connection of its own to drop.
   */
  decide(header: string | undefined, canDrop = true): FaultDecision {
    const forced = parseHeader(header);
    const roll = this.#dice();
    const s = this.#settings;
    let kind: FaultKind = forced.kind;
    if (kind === 'none') {
      if (roll < s.rateDrop) kind = canDrop ? 'drop' : 'none';
      else if (roll < s.rateDrop + s.rate429) kind = '429';
      else if (roll < s.rateDrop + s.rate429 + s.rate503) kind = '503';
      else if (roll < s.rateDrop + s.rate429 + s.rate503 + s.rateLostAnswer) kind = canDrop ? 'lost' : 'none';
    }
    if ((forced.kind === 'drop' || forced.kind === 'lost') && !canDrop) {
      throw badRequest(`${FAULT_HEADER}: ${forced.kind} applies to a connection; put it on the $batch request, not on one item.`);
    }
    return { kind, latencyMs: s.latencyMs + forced.latencyMs };
  }
}
