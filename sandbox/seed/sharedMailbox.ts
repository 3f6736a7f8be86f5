/**
 * The ministry's shared registration mailbox, `registrering@<the organiser's domain>`: a consultation may name it
 * instead of the official's own inbox. It is shared with the organiser only (Exchange's FullAccess), so the
 * organiser reads it with Mail.Read.Shared and anyone else is refused. It holds a few mails from people who do not
 * write to the organiser's inbox, so reading it shows something the organiser's inbox does not have. Like the rest
 * of the seed it is a pure function of its inputs.
 */
import type { Message } from '@microsoft/microsoft-graph-types';
import type { SandboxPerson } from '../contract';
import { previewOf } from '../graph/html';
import { mailInstant } from '../graph/times';

export const SHARED_MAILBOX_LOCAL_PART = 'registrering';

export interface SharedMailboxSeed {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
  readonly delegates: readonly string[];
  readonly mails: readonly Message[];
}

interface SharedMail {
  readonly key: string;
  readonly from: string;
  readonly daysBefore: number;
  readonly subject: string;
  readonly body: (sender: SandboxPerson) => string;
}

const DAY_MS = 24 * 3_600_000;

const MAILS: readonly SharedMail[] = [
  {
    key: 'shared-ola',
    from: 'ola.sundberg',
    daysBefore: 11,
    subject: 'Anmälan till samrådet 12 december',
    body: (p) => `Hej!\n\nJag vill anmäla mig till samrådet om OGP den 12 december.\n\nMed vänliga hälsningar\n${p.displayName}\n${p.organisation}`,
  },
  {
    key: 'shared-maja',
    from: 'maja.ostlund',
    daysBefore: 9,
    subject: 'Registration: consultation on the OGP action plan',
    body: (p) =>
      `Hello,\n\nI would like to register for the consultation on 12 December.\n\nKind regards,\n${p.displayName}\n${p.organisation}`,
  },
  {
    key: 'shared-camilla',
    from: 'camilla.rosen',
    daysBefore: 6,
    subject: 'Fråga om samrådet',
    body: (p) => `Hej,\n\nGår det att delta på distans, eller bara på plats?\n\nHälsningar\n${p.displayName}`,
  },
];

/** The organiser's domain gives the ministry's; null when the organiser's address has none. */
function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at < 0 ? null : address.slice(at + 1);
}

export function seedSharedMailbox(
  organiser: SandboxPerson,
  people: readonly SandboxPerson[],
  meetingStartMs: number,
): SharedMailboxSeed | null {
  const domain = domainOf(organiser.mail);
  if (domain === null) return null;
  const mail = `${SHARED_MAILBOX_LOCAL_PART}@${domain}`;
  const displayName = `Registrering – ${organiser.organisation}`;
  const mails = MAILS.flatMap((spec): Message[] => {
    // A seed built from other people keeps the mailbox and leaves out mail from people it does not have.
    const sender = people.find((p) => p.id === spec.from);
    if (sender === undefined) return [];
    const received = mailInstant(meetingStartMs - spec.daysBefore * DAY_MS + 9 * 3_600_000);
    const from = { emailAddress: { name: sender.displayName, address: sender.mail } };
    const body = { contentType: 'text' as const, content: spec.body(sender) };
    return [
      {
        createdDateTime: received,
        lastModifiedDateTime: received,
        receivedDateTime: received,
        sentDateTime: received,
        internetMessageId: `<${spec.key}@${domainOf(sender.mail) ?? 'sandbox.samrad.example'}>`,
        subject: spec.subject,
        bodyPreview: previewOf(body),
        importance: 'normal',
        isDeliveryReceiptRequested: false,
        isReadReceiptRequested: false,
        inferenceClassification: 'focused',
        body,
        sender: from,
        from,
        toRecipients: [{ emailAddress: { name: displayName, address: mail } }],
        ccRecipients: [],
        bccRecipients: [],
        replyTo: [],
        flag: { flagStatus: 'notFlagged' },
      },
    ];
  });
  return { id: SHARED_MAILBOX_LOCAL_PART, displayName, mail, delegates: [organiser.id], mails };
}
