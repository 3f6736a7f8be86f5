/**
 * Ids that look like Graph's and come from the state's counter, not from randomness: a seed built twice is the
 * same, so tests and a replayed fault run see the same ids, and ids never repeat within one state.
 */
import { createHash } from 'node:crypto';
import type { SandboxState } from './model';

function digest(kind: string, n: number): Buffer {
  return createHash('sha256').update(`samrad-sandbox:${kind}:${n}`).digest();
}

function next(state: SandboxState, kind: string): Buffer {
  state.sequence += 1;
  return digest(kind, state.sequence);
}

/** Exchange item ids: long, base64 with a trailing "=" (legal in a URL path, but a client must not assume more). */
export function newItemId(state: SandboxState): string {
  return `AAMkAD${next(state, 'item').toString('base64url')}${next(state, 'item2').toString('base64url').slice(0, 20)}AAA=`;
}

/** Exchange change keys, the value inside an event's W/"…" ETag. */
export function newChangeKey(state: SandboxState): string {
  return `DwAAABYAAA${next(state, 'changeKey').toString('base64').slice(0, 22)}`;
}

/** Outlook's iCalendar UID form: the fixed Outlook prefix, then a per-meeting part, all upper-case hex. */
export function newICalUId(state: SandboxState): string {
  const unique = next(state, 'icaluid').toString('hex').toUpperCase();
  return `040000008200E00074C5B7101A82E00800000000${unique.slice(0, 16)}0000000000000000100000000${unique.slice(16, 48)}`;
}

export function newGuid(state: SandboxState): string {
  const h = next(state, 'guid').toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

/** OneDrive for Business item ids: 34 upper-case base32-ish characters starting with 01. */
export function newDriveItemId(state: SandboxState): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = next(state, 'driveItem');
  let id = '01';
  for (let i = 0; i < 32; i += 1) id += alphabet[(bytes[i] ?? 0) % 32] ?? 'A';
  return id;
}

/** Opaque token-like text for ids Teams makes up (thread ids, passcodes). */
export function newToken(state: SandboxState, length: number): string {
  return next(state, 'token').toString('base64url').replace(/[-_]/g, 'x').slice(0, length);
}

/** Teams meeting ids are twelve digits, shown in groups of three. */
export function newDigits(state: SandboxState, length: number): string {
  const bytes = next(state, 'digits');
  let digits = '';
  for (let i = 0; i < length; i += 1) digits += String((bytes[i] ?? 0) % 10);
  return digits;
}
