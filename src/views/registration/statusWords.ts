/**
 * The words of the registration statuses in Swedish and English, and the "at a glance" line the pane shows in its
 * header ("32 anmälda · 28 inbjudna · 20 tackat ja · 3 på väntelista"). The status table, the per-organisation
 * summary and the header count with the same rules (glanceCounts), so their numbers always agree.
 */
import type { PersonStatus, RegistrationStatus, StatusTotals } from '../../core/registration';
import type { Language, Strings } from '../i18n';

/** A person's status as a word in running text and in the status column (lower case, as Outlook writes answers). */
export const STATUS_WORDS: Strings<RegistrationStatus> = {
  received: { sv: 'anmäld', en: 'registered' },
  invited: { sv: 'inbjuden', en: 'invited' },
  accepted: { sv: 'tackat ja', en: 'accepted' },
  tentative: { sv: 'preliminärt', en: 'tentative' },
  declined: { sv: 'tackat nej', en: 'declined' },
  cancelled: { sv: 'avanmäld', en: 'cancelled' },
  waitlisted: { sv: 'på väntelista', en: 'waitlisted' },
};

export function statusWord(status: RegistrationStatus, language: Language): string {
  return STATUS_WORDS[status][language];
}

/**
 * The status with what the organiser has to know next to it: the place in the waiting list, a registration with no
 * seat left (capacity without a waiting list), a cancellation that is still on the event's attendees.
 */
export function statusDetail(person: PersonStatus, language: Language): string {
  const word = statusWord(person.status, language);
  if (person.status === 'waitlisted' && person.waitlistPosition !== null) {
    return language === 'sv' ? `${word}, plats ${person.waitlistPosition}` : `${word}, place ${person.waitlistPosition}`;
  }
  if (person.status === 'received' && person.overCapacity) {
    return language === 'sv' ? `${word}, ingen plats kvar` : `${word}, no seat left`;
  }
  if (person.status === 'cancelled' && person.response !== null) {
    return language === 'sv' ? `${word}, fortfarande inbjuden` : `${word}, still invited`;
  }
  return word;
}

/**
 * The counts shown at a glance, from the status totals alone (so that the counts kept per organisation after the
 * personal data is deleted read the same way):
 * - `registered` ("anmälda"): everyone on the list whose registration stands, whatever their invitation says —
 *   every status but `cancelled`. People invited without registering (a presenter put on the event by hand) are
 *   among them: the totals cannot tell them apart, and they take a seat like anyone else.
 * - `invited` ("inbjudna"): everyone on the event's attendees, answered or not — invited, accepted, tentative and
 *   declined. A cancelled person still on the attendees counts as cancelled only, so nobody is counted twice.
 * - `answered` ("svar"): accepted, tentative and declined.
 * - `cancelled` ("avanmälda"), `waitlisted` ("på väntelista"), and the three answers on their own.
 * Registered and invited overlap (an invited registrant is both); registered + cancelled is everyone on the list.
 */
export interface GlanceCounts {
  readonly registered: number;
  readonly cancelled: number;
  readonly invited: number;
  readonly answered: number;
  readonly accepted: number;
  readonly tentative: number;
  readonly declined: number;
  readonly waitlisted: number;
}

export function glanceCounts(totals: StatusTotals): GlanceCounts {
  const answered = totals.accepted + totals.tentative + totals.declined;
  return {
    registered: totals.received + totals.waitlisted + totals.invited + answered,
    cancelled: totals.cancelled,
    invited: totals.invited + answered,
    answered,
    accepted: totals.accepted,
    tentative: totals.tentative,
    declined: totals.declined,
    waitlisted: totals.waitlisted,
  };
}

type CountWord = Exclude<keyof GlanceCounts, 'answered'> | 'answers';

/** One form for one person, another for any other number (English needs only one for these words). */
const COUNT_WORDS: Readonly<Record<CountWord, Record<Language, readonly [one: string, other: string]>>> = {
  registered: { sv: ['anmäld', 'anmälda'], en: ['registered', 'registered'] },
  cancelled: { sv: ['avanmäld', 'avanmälda'], en: ['cancelled', 'cancelled'] },
  invited: { sv: ['inbjuden', 'inbjudna'], en: ['invited', 'invited'] },
  answers: { sv: ['svar', 'svar'], en: ['reply', 'replies'] },
  accepted: { sv: ['tackat ja', 'tackat ja'], en: ['accepted', 'accepted'] },
  tentative: { sv: ['preliminärt', 'preliminärt'], en: ['tentative', 'tentative'] },
  declined: { sv: ['tackat nej', 'tackat nej'], en: ['declined', 'declined'] },
  waitlisted: { sv: ['på väntelista', 'på väntelista'], en: ['waitlisted', 'waitlisted'] },
};

const NUMBER_LOCALE: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };
const numberFormats = new Map<Language, Intl.NumberFormat>();

/** "5 000" / "5,000". */
export function formatCount(n: number, language: Language): string {
  let format = numberFormats.get(language);
  if (format === undefined) {
    format = new Intl.NumberFormat(NUMBER_LOCALE[language]);
    numberFormats.set(language, format);
  }
  return format.format(n);
}

function counted(n: number, word: CountWord, language: Language): string {
  const [one, other] = COUNT_WORDS[word][language];
  return `${formatCount(n, language)} ${n === 1 ? one : other}`;
}

/** "av 40 platser" / "for 40 seats" ("of 40 seats" would need "taken" to read right in English). */
function capacityPhrase(capacity: number, language: Language): string {
  const n = formatCount(capacity, language);
  if (language === 'sv') return `av ${n} ${capacity === 1 ? 'plats' : 'platser'}`;
  return `for ${n} ${capacity === 1 ? 'seat' : 'seats'}`;
}

/**
 * The header line, e.g. "32 anmälda av 40 platser · 28 inbjudna · 20 tackat ja · 3 på väntelista".
 *
 * Parts, in this order, joined by " · ":
 * 1. the registered, always (the line is about them even at 0), with the capacity right after them when there is
 *    one: the seats are what the registrations are measured against, and "av 40 platser" reads as a phrase only
 *    behind a number it qualifies;
 * 2. the cancelled, when there are any;
 * 3. the invited, always — "0 inbjudna" before the first invitation is the organiser's cue that none has gone out;
 * 4. the answers when at least one person is invited: each answer given at least once ("20 tackat ja · 1 tackat nej"),
 *    or "0 svar" while nobody has answered yet;
 * 5. the waiting list, when anyone is on it.
 * So the walkthrough's two moments read "36 anmälda · 3 avanmälda · 0 inbjudna" before the invitations and
 * "36 anmälda · 3 avanmälda · 36 inbjudna · 0 svar" right after them.
 */
export function glanceLine(
  totals: StatusTotals,
  capacity: number | null,
  language: Language,
  /**
   * The people whose registration stands (Reconciliation.registered). The totals alone cannot tell a registered
   * invitee from one invited without registering (a presenter), so the pane passes it; without it every
   * non-cancelled person counts.
   */
  registeredCount?: number,
): string {
  const c = glanceCounts(totals);
  const registered = counted(registeredCount ?? c.registered, 'registered', language);
  const parts = [capacity === null ? registered : `${registered} ${capacityPhrase(capacity, language)}`];
  if (c.cancelled > 0) parts.push(counted(c.cancelled, 'cancelled', language));
  parts.push(counted(c.invited, 'invited', language));
  if (c.invited > 0) {
    if (c.answered === 0) parts.push(counted(0, 'answers', language));
    for (const answer of ['accepted', 'tentative', 'declined'] as const) {
      if (c[answer] > 0) parts.push(counted(c[answer], answer, language));
    }
  }
  if (c.waitlisted > 0) parts.push(counted(c.waitlisted, 'waitlisted', language));
  return parts.join(' · ');
}

/** Column headings of the per-organisation summary, matching the words of the glance line. */
export const COUNT_HEADINGS: Strings<Exclude<keyof GlanceCounts, 'answered'>> = {
  registered: { sv: 'Anmälda', en: 'Registered' },
  cancelled: { sv: 'Avanmälda', en: 'Cancelled' },
  invited: { sv: 'Inbjudna', en: 'Invited' },
  accepted: { sv: 'Tackat ja', en: 'Accepted' },
  tentative: { sv: 'Preliminärt', en: 'Tentative' },
  declined: { sv: 'Tackat nej', en: 'Declined' },
  waitlisted: { sv: 'På väntelista', en: 'Waitlisted' },
};
