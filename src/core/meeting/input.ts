/**
 * Participants' written input, kept in the meeting chat (ADR 0002): one chat message per input, tagged with the
 * question it answers, so that everyone in the meeting can read it in Teams as it is and Samråd can group it by
 * question for the panel and the organiser's record.
 *
 * The tag is plain text on the message's first line — `[Samråd · fråga 2 · q1x2y3z4]` — because Teams keeps text
 * but may rewrite markup. Besides the question's number it holds a fingerprint of the question's text, so input
 * stays with its question when the organiser reorders the questions after it was written.
 *
 * Messages are written by people: every message is read as text (never as markup) and anything that is not
 * Samråd's tag shape is left out of the grouping, so a message with a script in it stays a string on the screen.
 */
import { SamradError } from '../errors';
import type { ChatMessage } from '../ports';
import { escapeHtml, htmlToText, normalizeText } from '../publishing/htmlText';
import { fnv1a64 } from '../registration/ids';
import type { Language } from '../time/format';

/** Far below Teams' message limit, and more than anyone writes as input to one question. */
export const MAX_INPUT_CHARS = 4_000;

export interface InputQuestion {
  /** 1-based, as the published agenda numbers the questions. */
  readonly number: number;
  readonly text: string;
}

/** A short fingerprint of a question's text as a reader sees it (spacing and case do not count). */
export function questionFingerprint(text: string): string {
  return `q${fnv1a64(normalizeText(text).toLowerCase()).padStart(8, '0').slice(-8)}`;
}

const LABELS = {
  sv: { question: 'fråga', questionLine: 'Fråga', inputLine: 'Inspel' },
  en: { question: 'question', questionLine: 'Question', inputLine: 'Input' },
} as const;

/** Input text as written, without what a reader cannot see (surrounding space, carriage returns, empty lines at the ends). */
export function cleanInput(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** Why a text cannot be posted as input, or null when it can. */
export function inputProblem(text: string): SamradError | null {
  const clean = cleanInput(text);
  if (clean === '') {
    return new SamradError(
      'invalid-input',
      { sv: 'Inspelet är tomt.', en: 'The input is empty.' },
      { sv: 'Skriv ditt inspel i rutan och skicka igen.', en: 'Write your input in the box and send it again.' },
    );
  }
  if (clean.length > MAX_INPUT_CHARS) {
    return new SamradError(
      'input-too-long',
      {
        sv: `Inspelet har ${clean.length} tecken; högst ${MAX_INPUT_CHARS} får plats i ett meddelande.`,
        en: `The input has ${clean.length} characters; at most ${MAX_INPUT_CHARS} fit in one message.`,
      },
      {
        sv: 'Korta texten, eller dela den i två inspel. Det du skrivit finns kvar i rutan.',
        en: 'Shorten the text, or split it into two inputs. What you wrote stays in the box.',
      },
    );
  }
  return null;
}

/** The chat message (HTML) that carries one input. Throws the SamradError of inputProblem for unusable text. */
export function formatInputMessage(question: InputQuestion, text: string, language: Language): string {
  const problem = inputProblem(text);
  if (problem !== null) throw problem;
  const l = LABELS[language];
  const tag = `[Samråd · ${l.question} ${question.number} · ${questionFingerprint(question.text)}]`;
  const body = escapeHtml(cleanInput(text)).replace(/\n/g, '<br>');
  return (
    `<p>${escapeHtml(tag)}</p>` +
    `<p><em>${escapeHtml(`${l.questionLine}: ${normalizeText(question.text)}`)}</em></p>` +
    `<p>${escapeHtml(`${l.inputLine}:`)} ${body}</p>`
  );
}

export interface TaggedInput {
  readonly messageId: string;
  readonly questionNumber: number;
  readonly fingerprint: string;
  readonly text: string;
  readonly author: string;
  /** Entra user id of the author; null for guests the service does not name. */
  readonly authorId: string | null;
  /** ISO 8601 with offset. */
  readonly createdAt: string;
}

const TAG = /^\[Samråd · (?:fråga|question) (\d{1,3}) · (q[0-9a-z]{8})\]$/;
const QUESTION_LINE = /^(?:Fråga|Question): /;
const INPUT_LINE = /^(?:Inspel|Input):\s?/;

/**
 * The text of a chat message's HTML with its blank lines: they are part of what people write, and htmlToText drops
 * them. The message is cut at its line breaks and block ends first, and each piece read as text on its own, so an
 * empty piece stays a blank line.
 */
function chatText(html: string): string {
  return html
    .split(/<br\s*\/?>|<\/(?:p|div)\s*>/i)
    .map((piece) => htmlToText(piece).replace(/\n+/g, ' ').trim())
    .join('\n');
}

/** The input a chat message carries, or null when the message is not Samråd's (any other chat message). */
export function readInputMessage(message: ChatMessage): TaggedInput | null {
  if (message.from === null) return null;
  const lines = (message.contentType === 'html' ? chatText(message.content) : message.content)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim());
  const first = lines.findIndex((line) => line !== '');
  const tag = TAG.exec(lines[first] ?? '');
  if (tag === null) return null;
  let rest = lines.slice(first + 1);
  while (rest[0] === '') rest = rest.slice(1);
  if (QUESTION_LINE.test(rest[0] ?? '')) rest = rest.slice(1);
  while (rest[0] === '') rest = rest.slice(1);
  const text = rest
    .join('\n')
    .replace(INPUT_LINE, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text === '') return null;
  return {
    messageId: message.id,
    questionNumber: Number(tag[1]),
    fingerprint: tag[2] ?? '',
    text,
    author: message.from.displayName,
    authorId: message.from.userId,
    createdAt: message.createdAt,
  };
}

export interface QuestionInput {
  readonly question: InputQuestion;
  /** Oldest first. */
  readonly inputs: readonly TaggedInput[];
}

export interface GroupedInput {
  readonly byQuestion: readonly QuestionInput[];
  /** Tagged input whose question no longer exists (removed or rewritten since): kept, never dropped. */
  readonly unmatched: readonly TaggedInput[];
  /** Chat messages that are not input (ordinary chat): counted, not shown as input. */
  readonly otherMessages: number;
}

/**
 * Groups the chat's input by question. A message goes to the question whose text it was written to, wherever that
 * question now stands (the fingerprint, not the number, decides); input to a question that was rewritten or removed
 * since is shown apart rather than under a question it did not answer. A message listed twice counts once.
 */
export function groupInput(questions: readonly InputQuestion[], messages: readonly ChatMessage[]): GroupedInput {
  const byFingerprint = new Map(questions.map((q) => [questionFingerprint(q.text), q.number] as const));
  const buckets = new Map<number, TaggedInput[]>(questions.map((q) => [q.number, []]));
  const unmatched: TaggedInput[] = [];
  let otherMessages = 0;
  const seen = new Set<string>();
  const ordered = [...messages].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  for (const message of ordered) {
    if (seen.has(message.id)) continue;
    seen.add(message.id);
    const input = readInputMessage(message);
    if (input === null) {
      otherMessages += 1;
      continue;
    }
    const number = byFingerprint.get(input.fingerprint);
    const bucket = number === undefined ? undefined : buckets.get(number);
    if (bucket === undefined) unmatched.push(input);
    else bucket.push(input);
  }
  return {
    byQuestion: questions.map((question) => ({ question, inputs: buckets.get(question.number) ?? [] })),
    unmatched,
    otherMessages,
  };
}

/** The published questions, numbered as the agenda shows them. */
export function numberedQuestions(questions: readonly { readonly text: string }[]): InputQuestion[] {
  return questions.map((q, i) => ({ number: i + 1, text: q.text }));
}
