/**
 * Shared by the invitation tests: reading the fixtures and the seed, a projection of a draft that is easy to
 * compare in a table, and the "every word survives" check.
 */
import { readFileSync } from 'node:fs';
import type { Consultation } from '../../../src/core/consultation/schema';
import type { ImportResult } from '../../../src/core/invitation';

export const SEED_NAME = 'invitation-ogp-2023-12-12.txt';

export function readSeed(): string {
  return readFileSync(new URL(`../../../sandbox/seed/${SEED_NAME}`, import.meta.url), 'utf8');
}

export function readFixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

export const FIXTURE_NAMES = [
  'psykisk-halsa-2024-05-14.txt',
  'cirkular-ekonomi-2024-11-07.txt',
  'broadband-2024-03-05.txt',
  'folkbildning-2024-12-11-crlf.txt',
  'tillgangligt-kulturliv-2024-09-19.txt',
  'havsmiljo-2024-10-03.txt',
  'civil-society-policy-2025-04-23.txt',
] as const;

export interface ItemView {
  readonly title: string;
  readonly presenters: readonly string[];
  readonly duration: number | null;
  /** The numbers of the questions the item lists in its questionIds. */
  readonly questions: readonly number[];
}

export interface PartView {
  readonly title: string;
  readonly items: readonly ItemView[];
}

export interface QuestionView {
  readonly number: number | undefined;
  readonly text: string;
  /** The title of the item the question names as its agendaItemId. */
  readonly item: string | null;
}

/** The agenda with ids replaced by what they point at, so that a link in either direction shows up when wrong. */
export function agendaView(c: Consultation): { parts: PartView[]; questions: QuestionView[] } {
  const itemTitle = new Map(c.agenda.parts.flatMap((p) => p.items).map((i) => [i.id, i.title]));
  const questionNumber = new Map(c.questions.map((q) => [q.id, q.number ?? -1]));
  return {
    parts: c.agenda.parts.map((p) => ({
      title: p.title,
      items: p.items.map((i) => ({
        title: i.title,
        presenters: i.presenters,
        duration: i.durationMinutes,
        questions: i.questionIds.map((id) => questionNumber.get(id) ?? -1),
      })),
    })),
    questions: c.questions.map((q) => ({
      number: q.number,
      text: q.text,
      item: q.agendaItemId === null ? null : (itemTitle.get(q.agendaItemId) ?? `missing ${q.agendaItemId}`),
    })),
  };
}

/** Words as the check counts them: runs of letters and digits, three or more long, compared case-insensitively. */
export function wordsOf(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3).map((w) => w.toLocaleLowerCase('sv'));
}

/**
 * Words broken by a hyphen at a line end ("organi-" + "sationer"), which the importer rightly mends into one
 * word: each half maps to the mended word.
 */
function mendedWords(source: string): Map<string, string> {
  const mended = new Map<string, string>();
  const broken = /(\p{L}+)-[ \t\u00A0]*(?:\r?\n[ \t\u00A0]*)+(\p{Ll}+)/gu;
  for (const m of source.matchAll(broken)) {
    const [head, tail] = [m[1] ?? '', m[2] ?? ''];
    const whole = `${head}${tail}`.toLocaleLowerCase('sv');
    mended.set(head.toLocaleLowerCase('sv'), whole);
    mended.set(tail.toLocaleLowerCase('sv'), whole);
  }
  return mended;
}

/** The words of the source found neither in the draft nor in the report (allowing for mended words). */
export function droppedWords(source: string, result: ImportResult): string[] {
  const kept = new Set(wordsOf(JSON.stringify(result.consultation) + JSON.stringify(result.report)));
  const mended = mendedWords(source);
  const dropped = wordsOf(source).filter((w) => {
    if (kept.has(w)) return false;
    const whole = mended.get(w);
    return whole === undefined || !kept.has(whole);
  });
  return [...new Set(dropped)];
}
