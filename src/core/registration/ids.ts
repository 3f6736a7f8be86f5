/**
 * Ids inside the document for things that come from a mail. Graph's message ids are long and not in the id
 * alphabet, so the document uses a hash of them: deterministic, so two devices that act on the same mail write the
 * same id (the merge then sees one element, not two). FNV-1a over 64 bits: collisions among the few thousand mails
 * of one consultation are negligible (≈ n²/2⁶⁵).
 */

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK;
  }
  return hash.toString(36);
}

/** The id of the organiser's decision about a mail. */
export function decisionIdOf(mailId: string): string {
  return `mail-${fnv1a64(mailId)}`;
}

/** The id of the ledger entry for the `index`-th person (0-based) a mail registers. */
export function entryIdOf(mailId: string, index: number): string {
  return `reg-${fnv1a64(mailId)}-${index}`;
}
