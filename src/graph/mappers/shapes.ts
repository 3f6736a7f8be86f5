/**
 * What Samråd reads from Graph's answers, checked at run time: the service is outside our type system, so an
 * answer is validated before it is mapped, and a surprise is a typed error rather than `undefined` deep inside a
 * face. Only the fields Samråd uses are described; everything else passes through unread. The names and nesting
 * follow @microsoft/microsoft-graph-types (Event, Attendee, Message, ChatMessage, OnlineMeeting, Chat, DriveItem).
 */
import * as z from 'zod/mini';
import { PortError } from '../../core/ports/errors';

const text = z.string();
const optionalText = z.nullish(z.string());

export const emailAddressShape = z.looseObject({ name: optionalText, address: optionalText });
export const recipientShape = z.looseObject({ emailAddress: z.nullish(emailAddressShape) });

/** microsoft.graph.dateTimeTimeZone: a wall time without offset, and the zone it is in. */
export const dateTimeTimeZoneShape = z.looseObject({ dateTime: text, timeZone: optionalText });

export const attendeeShape = z.looseObject({
  type: optionalText,
  status: z.nullish(z.looseObject({ response: optionalText, time: optionalText })),
  emailAddress: z.nullish(emailAddressShape),
});

export const itemBodyShape = z.looseObject({ contentType: optionalText, content: optionalText });

export const extensionShape = z.looseObject({ id: optionalText, extensionName: optionalText });

export const eventShape = z.looseObject({
  id: text,
  '@odata.etag': optionalText,
  changeKey: optionalText,
  iCalUId: text,
  subject: optionalText,
  start: dateTimeTimeZoneShape,
  end: dateTimeTimeZoneShape,
  body: z.nullish(itemBodyShape),
  organizer: z.nullish(recipientShape),
  attendees: z.nullish(z.array(attendeeShape)),
  responseStatus: z.nullish(z.looseObject({ response: optionalText })),
  onlineMeeting: z.nullish(z.looseObject({ joinUrl: optionalText })),
  extensions: z.nullish(z.array(z.record(z.string(), z.unknown()))),
});

export const messageShape = z.looseObject({
  id: text,
  receivedDateTime: text,
  internetMessageId: optionalText,
  conversationId: optionalText,
  subject: optionalText,
  from: z.nullish(recipientShape),
  replyTo: z.nullish(z.array(recipientShape)),
  body: z.nullish(itemBodyShape),
  hasAttachments: z.nullish(z.boolean()),
  internetMessageHeaders: z.nullish(z.array(z.looseObject({ name: optionalText, value: optionalText }))),
});

const identityShape = z.looseObject({ id: optionalText, displayName: optionalText });

export const chatMessageShape = z.looseObject({
  id: text,
  createdDateTime: text,
  messageType: optionalText,
  deletedDateTime: optionalText,
  from: z.nullish(z.looseObject({ user: z.nullish(identityShape), application: z.nullish(identityShape) })),
  body: itemBodyShape,
});

export const onlineMeetingShape = z.looseObject({
  id: text,
  joinWebUrl: optionalText,
  chatInfo: z.nullish(z.looseObject({ threadId: optionalText })),
  startDateTime: optionalText,
  endDateTime: optionalText,
  subject: optionalText,
});

export const chatShape = z.looseObject({
  id: text,
  onlineMeetingInfo: z.nullish(z.looseObject({ joinWebUrl: optionalText, calendarEventId: optionalText })),
});

export const driveItemShape = z.looseObject({ id: text, name: optionalText, eTag: optionalText, cTag: optionalText });

/** An answer that does not have the shape Graph documents. */
export function invalidResponse(what: string, cause?: unknown): PortError {
  return new PortError(
    'invalid-response',
    {
      sv: `Microsoft Graph svarade med något oväntat: ${what}.`,
      en: `Microsoft Graph answered with something unexpected: ${what}.`,
    },
    {
      sv: 'Det är ett fel i Samråd eller hos tjänsten; rapportera det. Inget har ändrats av detta svar.',
      en: 'That is a bug in Samråd or in the service; report it. Nothing was changed by this answer.',
    },
    cause === undefined ? undefined : { cause },
  );
}

/**
 * What a problem with an answer is called, in the words zod's English messages use ("Invalid input: expected
 * string, received number"). The shapes above only check types, so a type is all there is to name; zod/mini
 * carries no messages of its own, and these are for the support case, not for the organiser.
 */
function graphIssueMessage(issue: z.core.$ZodRawIssue): string {
  if (issue.code !== 'invalid_type') return 'Invalid input';
  const received = z.util.parsedType(issue.input);
  return `Invalid input: expected ${issue.expected}, received ${received === 'nan' ? 'NaN' : received}`;
}

/** Validates an answer against a shape, naming what it was meant to be when it is not. */
export function read<T>(shape: z.ZodMiniType<T>, value: unknown, what: string): T {
  const result = shape.safeParse(value, { error: graphIssueMessage });
  if (result.success) return result.data;
  const where = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw invalidResponse(`${what} (${where})`, result.error);
}
