/**
 * What the meeting stage shows, carried in the address the organiser shares to the stage. The stage opens in every
 * participant's Teams under their own identity, and anonymous participants have none (no Graph, no Live Share):
 * the address is the one thing every one of them gets. So it carries a compact copy of the published agenda and,
 * where Live Share is missing, the run as it was when shared (the organiser shares again on every change).
 *
 * The address is written by whoever shares it, so it is read as untrusted input: checked against a bounded schema,
 * never evaluated, and shown as text only.
 */
import * as z from 'zod/mini';
import { SamradError } from '../errors';
import type { ParsedAgenda } from '../publishing/agendaSection';
import { agendaRunSchema, type AgendaRun } from './run';

export interface StagePayload {
  readonly subject: string;
  /** ISO 8601 with offset. */
  readonly start: string;
  readonly end: string;
  readonly agenda: ParsedAgenda;
  /** The run when the stage was shared; null when the stage follows Live Share or the time plan. */
  readonly run: AgendaRun | null;
}

/** Long enough for any real agenda, short enough to stay far below what a browser or Teams accepts in an address. */
export const MAX_STAGE_PAYLOAD_CHARS = 24_000;

const text = (max: number) => z.string().check(z.maxLength(max));

const stagePayloadSchema = z.object({
  v: z.literal(1),
  subject: text(300),
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
  parts: z
    .array(
      z.object({
        title: text(300),
        items: z
          .array(
            z.object({
              title: text(500),
              presenters: z.array(text(200)).check(z.maxLength(20)),
              durationMinutes: z.nullable(z.number().check(z.int(), z.nonnegative(), z.maximum(24 * 60))),
            }),
          )
          .check(z.maxLength(200)),
      }),
    )
    .check(z.maxLength(50)),
  questions: z
    .array(z.object({ text: text(1000), itemIndex: z.nullable(z.number().check(z.int(), z.nonnegative(), z.maximum(999))) }))
    .check(z.maxLength(50)),
  run: z.nullable(agendaRunSchema),
});

type Encoded = z.infer<typeof stagePayloadSchema>;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(value: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) return null;
  const padded = value.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (value.length % 4)) % 4);
  try {
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  } catch {
    // atob refuses a length no base64 text can have; that is just another malformed address.
    return null;
  }
}

export function encodeStagePayload(payload: StagePayload): string {
  const encoded: Encoded = {
    v: 1,
    subject: payload.subject,
    start: payload.start,
    end: payload.end,
    parts: payload.agenda.parts.map((p) => ({
      title: p.title,
      items: p.items.map((i) => ({ title: i.title, presenters: [...i.presenters], durationMinutes: i.durationMinutes })),
    })),
    questions: payload.agenda.questions.map((q) => ({ text: q.text, itemIndex: q.itemIndex })),
    run: payload.run,
  };
  const value = toBase64Url(new TextEncoder().encode(JSON.stringify(encoded)));
  // What is shared must read back on every participant's stage: a text or a count past the stage's bounds is refused
  // here, with what to do, instead of a stage that says "damaged" in the meeting.
  if (value.length > MAX_STAGE_PAYLOAD_CHARS || !stagePayloadSchema.safeParse(encoded).success) {
    throw new SamradError(
      'stage-too-large',
      {
        sv: 'Dagordningen är för lång för att visas på den delade skärmen (för långa texter eller för många punkter, frågor eller presentatörer).',
        en: 'The agenda is too long to be shown on the shared stage (texts too long, or too many items, questions or presenters).',
      },
      {
        sv: 'Korta ned frågornas och punkternas texter, eller visa dagordningen i sidopanelen i stället.',
        en: "Shorten the questions' and items' texts, or show the agenda in the side panel instead.",
      },
    );
  }
  return value;
}

export type StagePayloadProblem = 'missing' | 'too-long' | 'not-readable' | 'invalid';

/** The stage's content from its address, or why it cannot be read (the stage then says so plainly). */
export function decodeStagePayload(value: string | null): StagePayload | { readonly problem: StagePayloadProblem } {
  if (value === null || value === '') return { problem: 'missing' };
  if (value.length > MAX_STAGE_PAYLOAD_CHARS) return { problem: 'too-long' };
  const bytes = fromBase64Url(value);
  if (bytes === null) return { problem: 'not-readable' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    // Not UTF-8 or not JSON: an address that was cut or altered; reported as such, never half-read.
    return { problem: 'not-readable' };
  }
  const result = stagePayloadSchema.safeParse(json);
  if (!result.success) return { problem: 'invalid' };
  const data = result.data;
  return {
    subject: data.subject,
    start: data.start,
    end: data.end,
    agenda: { parts: data.parts, questions: data.questions },
    run: data.run,
  };
}

export function isStagePayload(value: StagePayload | { readonly problem: StagePayloadProblem }): value is StagePayload {
  return !('problem' in value);
}
