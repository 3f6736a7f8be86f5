/** Graph message → core IncomingMail. */
import type { IncomingMail, MailAddress } from '../../core/ports/registrationMail';
import { parseZonedIso } from '../../core/time/zonedTime';
import type { recipientShape } from './shapes';
import { invalidResponse, messageShape, read } from './shapes';
import type * as z from 'zod/mini';

/** The fields the registration flow reads; `internetMessageHeaders` only comes back when selected. */
export const MESSAGE_SELECT = [
  'id',
  'receivedDateTime',
  'internetMessageId',
  'conversationId',
  'subject',
  'from',
  'replyTo',
  'body',
  'hasAttachments',
  'internetMessageHeaders',
] as const;

function toAddress(recipient: z.infer<typeof recipientShape> | null | undefined): MailAddress | null {
  const address = recipient?.emailAddress?.address;
  if (address === null || address === undefined || address === '') return null;
  return { name: recipient?.emailAddress?.name ?? '', email: address };
}

/** Auto-Submitted (RFC 3834): `no` is a person writing; anything else (auto-replied, auto-generated) is a machine. */
function autoSubmittedOf(
  headers: readonly { name?: string | null | undefined; value?: string | null | undefined }[] | null | undefined,
): boolean | null {
  const header = headers?.find((h) => h.name?.toLowerCase() === 'auto-submitted');
  if (header === undefined) return null;
  return (header.value ?? '').trim().toLowerCase() !== 'no';
}

export function toIncomingMail(json: unknown): IncomingMail {
  const message = read(messageShape, json, 'a mail message');
  try {
    parseZonedIso(message.receivedDateTime);
  } catch (error) {
    throw invalidResponse(`a mail with an unreadable receivedDateTime (${message.receivedDateTime})`, error);
  }
  const html = message.body?.contentType?.toLowerCase() === 'html';
  const content = message.body?.content ?? '';
  return {
    id: message.id,
    internetMessageId: message.internetMessageId ?? null,
    conversationId: message.conversationId ?? null,
    receivedAt: message.receivedDateTime,
    from: toAddress(message.from),
    replyTo: (message.replyTo ?? []).map(toAddress).filter((a): a is MailAddress => a !== null),
    subject: message.subject ?? '',
    bodyText: html ? null : content,
    bodyHtml: html ? content : null,
    hasAttachments: message.hasAttachments ?? false,
    autoSubmitted: autoSubmittedOf(message.internetMessageHeaders),
  };
}
