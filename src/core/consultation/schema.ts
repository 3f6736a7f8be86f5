/**
 * The consultation document: what Samråd keeps about one consultation. It is stored as JSON in the organiser's
 * OneDrive app folder (ADR 0002) and is also the open-data format, so its shape is versioned
 * (`schemaVersion`) and documented as JSON Schema in docs/schema/ (generated from this file).
 */
import * as z from 'zod/mini';
import type { Bilingual } from '../errors';
import { isValidTimeZone } from '../time/zonedTime';
import { registrationRecordSchema } from '../registration/record';
import { bilingualParams, crossReferenceMessages as say, formatPath, UNKNOWN_TIME_ZONE } from './messages';
import { described, idSchema, isoDateTimeSchema } from './primitives';

export { idSchema, isoDateTimeSchema } from './primitives';

export const CONSULTATION_SCHEMA_VERSION = 1 as const;

const text = z.string().check(z.trim(), z.minLength(1));
const paragraphs = described(z.array(text), 'Paragraphs of free text, in reading order.');
const wholeNumber = (): z.ZodMiniNumber<number> => z.number().check(z.int());
/** A whole number above zero: a count of seats, the number of a commitment, a question or a publication. */
const ordinal = (): z.ZodMiniNumber<number> => wholeNumber().check(z.positive());

export const timeZoneSchema = described(
  z.string().check(z.refine(isValidTimeZone, { error: UNKNOWN_TIME_ZONE.en, params: bilingualParams(UNKNOWN_TIME_ZONE) })),
  'IANA time zone the meeting is planned in; Samråd shows times in it.',
);

export const organiserSchema = z.object({
  department: described(text, 'The organising ministry or department, e.g. Finansdepartementet.'),
  contactName: z.optional(text),
  contactEmail: z.optional(z.email()),
});

export const locationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('online'),
    platform: described(z.optional(text), 'E.g. Microsoft Teams, Skype.'),
    joinUrl: z.optional(z.url({ protocol: /^https$/ })),
    note: z.optional(text),
  }),
  z.object({
    kind: z.literal('place'),
    address: text,
    note: z.optional(text),
  }),
]);

export const registrationSettingsSchema = z.object({
  contactEmail: described(z.nullable(z.email()), 'Where people register, e.g. the official organising it.'),
  deadline: z.nullable(isoDateTimeSchema),
  capacity: described(z.nullable(ordinal()), 'Seats; null when there is no limit.'),
  waitlist: described(z.boolean(), 'Past the capacity, new registrations go on a waitlist in order of arrival.'),
  instructions: z.optional(text),
});

export const commitmentSchema = z.object({
  id: idSchema,
  number: z.optional(ordinal()),
  title: text,
});

export const agendaItemSchema = z.object({
  id: idSchema,
  title: text,
  description: z.optional(text),
  presenters: described(z.array(text), 'Presenting organisations.'),
  durationMinutes: described(
    z.nullable(wholeNumber().check(z.gte(0), z.lte(24 * 60))),
    'Planned length; null while unknown (never guessed).',
  ),
  questionIds: described(z.array(idSchema), 'Discussion questions taken up in this item.'),
});

export const agendaPartSchema = z.object({
  id: idSchema,
  title: text,
  description: z.optional(text),
  items: z.array(agendaItemSchema),
});

export const agendaSchema = z.object({ parts: z.array(agendaPartSchema) });

export const discussionQuestionSchema = z.object({
  id: idSchema,
  number: z.optional(ordinal()),
  text,
  agendaItemId: described(z.nullable(idSchema), 'The agenda item where the question is discussed, if any.'),
});

/**
 * What was last put into the invitation (the meeting time, agenda and questions exactly as published), so the next
 * publication can say what changed since ("Ändrat sedan förra utskicket: …") and the pane can say when and which.
 * Kept whole: a merge never mixes two publications (merge.ts treats it as one value).
 */
export const publicationSchema = z.object({
  number: described(ordinal(), '1 for the first publication, one more for each later one.'),
  revision: described(wholeNumber().check(z.gte(0)), 'The document revision that was published.'),
  publishedAt: isoDateTimeSchema,
  languages: described(
    z.array(z.enum(['sv', 'en'])).check(z.minLength(1), z.maxLength(2)),
    'The language blocks of the published section, in order; Swedish first.',
  ),
  start: isoDateTimeSchema,
  end: isoDateTimeSchema,
  agenda: agendaSchema,
  questions: z.array(discussionQuestionSchema),
  practicalInformation: described(z._default(paragraphs, []), 'The practical information as published.'),
  changeNote: described(
    z.object({ sv: z.array(z.string()), en: z.array(z.string()) }),
    'What changed since the previous publication, one line per change; empty for the first.',
  ),
});

const consultationObjectSchema = z.object({
  schemaVersion: z.literal(CONSULTATION_SCHEMA_VERSION),
  revision: described(wholeNumber().check(z.gte(0)), 'Increases by one with every saved change.'),
  title: text,
  organiser: organiserSchema,
  start: isoDateTimeSchema,
  end: isoDateTimeSchema,
  timeZone: timeZoneSchema,
  location: z.nullable(locationSchema),
  registration: registrationSettingsSchema,
  description: described(paragraphs, 'General text of the invitation that has no heading of its own.'),
  background: paragraphs,
  commitments: z.array(commitmentSchema),
  purpose: paragraphs,
  practicalInformation: paragraphs,
  agenda: agendaSchema,
  questions: z.array(discussionQuestionSchema),
  published: described(
    z._default(z.nullable(publicationSchema), null),
    'The last publication into the invitation; null before the first.',
  ),
  registrations: described(
    z.prefault(registrationRecordSchema, {}),
    'What came in and what the organiser did with it: the ledger, the decisions on mails, the invitation under way, retention.',
  ),
});

type Issue = { message: Bilingual; path: PropertyKey[] };

/** Checks that z.object cannot express: time order, unique ids and two-way links that agree. */
function crossReferenceIssues(c: z.infer<typeof consultationObjectSchema>): Issue[] {
  const issues: Issue[] = [];
  if (Date.parse(c.end) <= Date.parse(c.start)) {
    issues.push({ message: say.endNotAfterStart(), path: ['end'] });
  }
  if (c.registration.deadline !== null && Date.parse(c.registration.deadline) > Date.parse(c.end)) {
    issues.push({ message: say.deadlineAfterEnd(), path: ['registration', 'deadline'] });
  }

  const seen = new Map<string, string>();
  const claim = (id: string, path: PropertyKey[]): void => {
    const earlier = seen.get(id);
    if (earlier !== undefined) issues.push({ message: say.duplicateId(id, earlier), path });
    else seen.set(id, formatPath(path));
  };

  const itemIds = new Map<string, ReadonlySet<string>>();
  c.agenda.parts.forEach((part, p) => {
    claim(part.id, ['agenda', 'parts', p, 'id']);
    part.items.forEach((item, i) => {
      claim(item.id, ['agenda', 'parts', p, 'items', i, 'id']);
      itemIds.set(item.id, new Set(item.questionIds));
    });
  });
  const questionItem = new Map<string, string | null>();
  c.questions.forEach((q, i) => {
    claim(q.id, ['questions', i, 'id']);
    questionItem.set(q.id, q.agendaItemId);
    if (q.agendaItemId === null) return;
    const linked = itemIds.get(q.agendaItemId);
    if (linked === undefined) {
      issues.push({ message: say.unknownAgendaItem(q.agendaItemId), path: ['questions', i, 'agendaItemId'] });
    } else if (!linked.has(q.id)) {
      issues.push({
        message: say.oneWayLink(q.agendaItemId, q.id),
        path: ['questions', i, 'agendaItemId'],
      });
    }
  });
  c.agenda.parts.forEach((part, p) =>
    part.items.forEach((item, i) =>
      item.questionIds.forEach((qid, k) => {
        const path = ['agenda', 'parts', p, 'items', i, 'questionIds', k];
        if (!questionItem.has(qid)) issues.push({ message: say.unknownQuestion(qid), path });
        else if (questionItem.get(qid) !== item.id) {
          issues.push({ message: say.questionLinkedElsewhere(qid), path });
        }
      }),
    ),
  );
  issues.push(...registrationIssues(c.registrations));
  return issues;
}

/** The ledger and the decisions merge by id, so ids must be unique; after retention no personal data may return. */
function registrationIssues(r: z.infer<typeof registrationRecordSchema>): Issue[] {
  const issues: Issue[] = [];
  const unique = (ids: readonly string[], list: 'ledger' | 'mailDecisions'): void => {
    const seen = new Map<string, number>();
    ids.forEach((id, i) => {
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        issues.push({
          message: say.duplicateId(id, formatPath(['registrations', list, earlier, 'id'])),
          path: ['registrations', list, i, 'id'],
        });
      } else seen.set(id, i);
    });
  };
  unique(
    r.ledger.map((e) => e.id),
    'ledger',
  );
  unique(
    r.mailDecisions.map((d) => d.id),
    'mailDecisions',
  );
  if (r.purged !== null && r.ledger.length > 0) {
    issues.push({ message: say.ledgerAfterPurge(r.ledger.length), path: ['registrations', 'ledger'] });
  }
  return issues;
}

export const consultationSchema = consultationObjectSchema.check(
  z.superRefine((c, ctx) => {
    // zod's message stays English; the bilingual text rides along in params (see messages.ts).
    for (const { message, path } of crossReferenceIssues(c)) {
      ctx.addIssue({ code: 'custom', message: message.en, params: bilingualParams(message), path });
    }
  }),
);

/** The schema without the cross-reference checks, for JSON Schema generation (JSON Schema cannot express them). */
export const consultationShapeSchema = consultationObjectSchema;

export type Consultation = z.infer<typeof consultationSchema>;
export type Organiser = z.infer<typeof organiserSchema>;
export type Location = z.infer<typeof locationSchema>;
export type RegistrationSettings = z.infer<typeof registrationSettingsSchema>;
export type Commitment = z.infer<typeof commitmentSchema>;
export type Agenda = z.infer<typeof agendaSchema>;
export type AgendaPart = z.infer<typeof agendaPartSchema>;
export type AgendaItem = z.infer<typeof agendaItemSchema>;
export type DiscussionQuestion = z.infer<typeof discussionQuestionSchema>;
export type Publication = z.infer<typeof publicationSchema>;
