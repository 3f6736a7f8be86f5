/** Hand-made triage results for the tests of applyTriage: only what the ledger reads is chosen, the rest is fixed. */
import type { InboxEntry, InboxHint, TriageKind, TriagePerson } from '../../../src/core/registration';

const REASON = { sv: 'Testfall.', en: 'Test case.' };

export function person(p: { name: string; email: string | null; organisation: string | null }): TriagePerson {
  return { ...p, source: 'sender', organisationSource: p.organisation === null ? null : 'signature' };
}

/** A hint as the inbox triage gives it; the reason text does not matter to the ledger. */
export type HintInput =
  | { kind: 'cancels'; email: string; registrationMailId: string }
  | { kind: 'duplicate'; email: string; earlierMailId: string }
  | { kind: 'cancels-unregistered'; email: string };

export interface EntryInput {
  readonly mailId: string;
  readonly receivedAt: string;
  readonly kind: TriageKind;
  readonly people: readonly TriagePerson[];
  readonly needsReview?: boolean;
  readonly asksQuestion?: boolean;
  readonly hints?: readonly HintInput[];
}

export function inboxEntry(input: EntryInput): InboxEntry {
  const needsReview = input.needsReview ?? false;
  const hints: InboxHint[] = (input.hints ?? []).map((h) => ({ ...h, reason: REASON }));
  return {
    result: {
      mailId: input.mailId,
      receivedAt: input.receivedAt,
      kind: input.kind,
      people: input.people,
      confidence: needsReview ? 0.5 : 0.95,
      reason: REASON,
      needsReview,
      reviewReasons: needsReview ? ['low-confidence'] : [],
      forwarded: false,
      asksQuestion: input.asksQuestion ?? false,
    },
    hints,
    needsReview,
  };
}
