/**
 * Where the pane keeps what the organiser typed until the consultation store has it: on this device, so a Graph
 * fault, a reload or a closed pane loses nothing. One draft per document: the edited consultation and the stored
 * version it was edited from (so it can be merged three-way with whatever is stored when it comes back).
 */
import type { Consultation } from '../consultation/schema';

export interface LocalDraft {
  /** The stored version (ETag) the draft was edited from. */
  readonly baseEtag: string;
  /** That stored version's content: the common ancestor for a three-way merge. */
  readonly base: Consultation;
  readonly draft: Consultation;
}

export type DraftRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'draft'; readonly value: LocalDraft }
  /** Something is kept under this name but it is not a valid draft (another version of Samråd, or damaged). */
  | { readonly kind: 'unreadable' };

export interface DraftStore {
  read(documentName: string): DraftRead;
  /** False when the device would not keep it (storage full or refused): the pane then says it is not kept. */
  write(documentName: string, draft: LocalDraft): boolean;
  clear(documentName: string): void;
}
