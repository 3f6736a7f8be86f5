/** What every adapter is given. */
import type { GraphClient } from '../http/graphClient';

export interface AdapterOptions {
  readonly client: GraphClient;
  /** `me` (default), or a user id / address for a shared mailbox. */
  readonly mailbox?: string;
  /** The zone ISO times are written in; the consultation's own (default Europe/Stockholm). */
  readonly displayZone?: string;
  /** Rounds of read-modify-write before giving up on a busy event or document. */
  readonly maxRounds?: number;
}

export const DEFAULT_DISPLAY_ZONE = 'Europe/Stockholm';
export const DEFAULT_MAX_ROUNDS = 5;
