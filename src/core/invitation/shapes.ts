/**
 * What a logical line looks like at its start: a heading, a "Label: value" line, a bullet, a numbered line, a
 * commitment, a part ("Del 1: …") or a timed agenda row. Everything else is text. Patterns are anchored and
 * free of nested quantifiers, so no input can make them backtrack for long.
 */
import { headingKey, labelKey, type LabelKey, type SectionKey } from './vocabulary';

export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
}

export type LineShape =
  | { readonly kind: 'heading'; readonly section: SectionKey }
  | { readonly kind: 'label'; readonly label: string; readonly key: LabelKey | null; readonly value: string }
  | { readonly kind: 'bullet'; readonly content: string }
  /** `asked`: written as a question ("Fråga 1: …"), so never an agenda row. */
  | { readonly kind: 'numbered'; readonly number: number; readonly content: string; readonly asked: boolean }
  | { readonly kind: 'commitment'; readonly number: number; readonly content: string }
  | { readonly kind: 'part'; readonly content: string }
  | { readonly kind: 'timed'; readonly start: ClockTime; readonly end: ClockTime | null; readonly content: string }
  | { readonly kind: 'text' };

const COMMITMENT = /^(?:åtagande|commitment)\s{0,3}(\d{1,2})\s{0,3}[:.–-]\s{0,3}(\S.*)$/i;
const QUESTION_WORD = /^(?:fråga|question)\s{0,3}(\d{1,2})\s{0,3}[:.)–-]\s{0,3}(\S.*)$/i;
const NUMBERED = /^\(?(\d{1,2})\s{0,2}[).]\s{1,5}(\S.*)$/;
const PART = /^(?:del|part|block|pass)\s{1,3}(?:\d{1,2}|[IVX]{1,4})\s{0,3}[:.–-]\s{0,3}(\S.*)$/i;
const BULLET = /^(?:[➢•▪●○◦►»→✓■□➤➔·]\s{0,5}|[-–—*]\s{1,5})(\S.*)$/;
const TIMED =
  /^(?:kl\.?\s{0,3})?(\d{1,2})[.:](\d{2})(?:\s{0,3}[-–—]\s{0,3}(\d{1,2})[.:](\d{2}))?\s{1,5}(?:[-–—:]\s{0,3})?(\S.*)$/i;
const LABEL = /^([A-ZÅÄÖa-zåäö][\wÅÄÖåäö/ ]{0,40}?)\s{0,2}:\s{0,5}(.*)$/;

function clock(hour: string | undefined, minute: string | undefined): ClockTime | null {
  const h = Number(hour);
  const m = Number(minute);
  return hour !== undefined && minute !== undefined && h <= 23 && m <= 59 ? { hour: h, minute: m } : null;
}

export function classifyStart(text: string): LineShape {
  const section = headingKey(text);
  if (section !== undefined) return { kind: 'heading', section };

  let m = COMMITMENT.exec(text);
  if (m) return { kind: 'commitment', number: Number(m[1]), content: m[2] ?? '' };
  m = QUESTION_WORD.exec(text);
  if (m) return { kind: 'numbered', number: Number(m[1]), content: m[2] ?? '', asked: true };
  m = PART.exec(text);
  if (m) return { kind: 'part', content: m[1] ?? '' };

  m = TIMED.exec(text);
  if (m) {
    const start = clock(m[1], m[2]);
    const end = m[3] === undefined ? null : clock(m[3], m[4]);
    const endOk = m[3] === undefined || end !== null;
    if (start !== null && endOk) return { kind: 'timed', start, end, content: m[5] ?? '' };
  }
  m = NUMBERED.exec(text);
  if (m) return { kind: 'numbered', number: Number(m[1]), content: m[2] ?? '', asked: false };
  m = BULLET.exec(text);
  if (m) return { kind: 'bullet', content: m[1] ?? '' };

  // A form laid out in two lines ("Plats" over "Fredsgatan 8, Stockholm"): the label stands alone.
  const bare = labelKey(text);
  if (bare !== undefined) return { kind: 'label', label: text.replace(/[\s:.]+$/, ''), key: bare, value: '' };

  m = LABEL.exec(text);
  if (m) {
    const label = (m[1] ?? '').trim();
    const value = (m[2] ?? '').trim();
    const key = labelKey(label) ?? null;
    // An unknown "Word: …" is a label only when it is short, like a form field; otherwise it is a sentence.
    if (key !== null || (label.split(' ').length <= 3 && /^[A-ZÅÄÖ]/.test(label) && value !== '')) {
      return { kind: 'label', label, key, value };
    }
  }
  return { kind: 'text' };
}
