/**
 * The texts of the reply drafts, Swedish first and English after (a civil-society participant may read either).
 * Plain text: the draft is created as text, and names are only ever inserted as text.
 */
import type { Consultation } from '../../core/consultation/schema';
import type { ReplyDraft } from '../../core/ports';
import type { PersonStatus } from '../../core/registration';
import { formatClock, formatDate } from '../../core/time/format';
import { parseZonedIso } from '../../core/time/zonedTime';

export type ReplyKind = 'thanks' | 'waitlist';

/** Waitlisted people get the waitlist reply; everyone else who can be answered gets the thanks. */
export function replyKindOf(person: PersonStatus): ReplyKind {
  return person.status === 'waitlisted' ? 'waitlist' : 'thanks';
}

export function replyDraftFor(person: PersonStatus, c: Consultation): ReplyDraft {
  const start = parseZonedIso(c.start);
  const svWhen = `${formatDate(start, c.timeZone, 'sv')} kl. ${formatClock(start, c.timeZone, 'sv')}`;
  const enWhen = `${formatDate(start, c.timeZone, 'en')} at ${formatClock(start, c.timeZone, 'en')}`;
  const name = person.name ?? '';
  const kind = replyKindOf(person);
  const position = person.waitlistPosition ?? 0;
  const sv =
    kind === 'thanks'
      ? [
          `Hej${name === '' ? '' : ` ${name}`}!`,
          '',
          `Tack för din anmälan till ”${c.title}” den ${svWhen}. Du får en kalenderinbjudan med länk till mötet.`,
        ]
      : [
          `Hej${name === '' ? '' : ` ${name}`}!`,
          '',
          `Tack för din anmälan till ”${c.title}” den ${svWhen}. Mötet är fullt och du står som nummer ${position} på väntelistan. Vi hör av oss om en plats blir ledig.`,
        ];
  const en =
    kind === 'thanks'
      ? [
          `Thank you for registering for "${c.title}" on ${enWhen}. You will get a calendar invitation with the link to the meeting.`,
        ]
      : [
          `Thank you for registering for "${c.title}" on ${enWhen}. The meeting is full and you are number ${position} on the waiting list. We will get in touch if a seat becomes free.`,
        ];
  const signature = ['', 'Vänliga hälsningar / Kind regards', c.organiser.department];
  return {
    to: [{ name, email: person.email }],
    subject:
      kind === 'thanks'
        ? `Tack för din anmälan / Thank you for registering: ${c.title}`
        : `Du står på väntelistan / You are on the waiting list: ${c.title}`,
    bodyText: [...sv, '', '—', '', ...en, ...signature].join('\n'),
  };
}
