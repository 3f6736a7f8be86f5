/**
 * Typed errors of the domain. Every error says what happened (`message`) and how to fix it (`hint`), in
 * Swedish and English, so that any face (pane, panel, CLI) can show it without knowing where it came from.
 */

/** A text in both of the product's languages. Swedish first, English as a full translation. */
export interface Bilingual {
  readonly sv: string;
  readonly en: string;
}

export type SamradErrorCode =
  | 'invalid-consultation'
  | 'invalid-input'
  | 'unreadable-invitation'
  | 'invalid-time-zone'
  | 'invalid-date-time'
  | 'stage-too-large'
  | 'input-too-long';

export class SamradError extends Error {
  override readonly name: string = 'SamradError';
  readonly code: SamradErrorCode;
  readonly what: Bilingual;
  readonly hint: Bilingual;

  constructor(code: SamradErrorCode, what: Bilingual, hint: Bilingual, options?: { cause?: unknown }) {
    super(`${what.en} ${hint.en}`, options);
    this.code = code;
    this.what = what;
    this.hint = hint;
  }
}

export function isSamradError(value: unknown): value is SamradError {
  return value instanceof SamradError;
}
