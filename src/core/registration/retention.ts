/**
 * Retention: the ledger holds personal data (names, addresses) that the ministry may keep only as long as the
 * consultation needs it. After a date — the organiser's, or RETENTION_DEFAULT_DAYS calendar days after the meeting
 * — the ledger is deleted and only counts per organisation remain. The pane announces the date beforehand
 * (retentionNotice). Days are calendar days in the meeting's zone, so "90 days after" keeps the wall-clock time
 * across a daylight-saving change instead of drifting by an hour.
 */
import type { Consultation } from '../consultation/schema';
import { instantOf, parseZonedIso, toZonedIso, wallTimeAt } from '../time/zonedTime';
import type { Attendee } from './ledger';
import { invalidInput, requireInstant } from './ledgerOps';
import { reconcileRegistrations, REGISTRATION_STATUSES, type RegistrationStatus } from './reconcile';
import { RETENTION_DEFAULT_DAYS, type OrganisationCount } from './record';

/** The pane warns this many days before the personal data is deleted. */
export const RETENTION_NOTICE_DAYS = 14;

/**
 * - `scheduled`: the date is more than RETENTION_NOTICE_DAYS away;
 * - `soon`: within RETENTION_NOTICE_DAYS;
 * - `due`: the date has passed and the ledger is still there;
 * - `done`: deleted.
 */
export type RetentionState = 'scheduled' | 'soon' | 'due' | 'done';

export interface RetentionNotice {
  readonly state: RetentionState;
  /** When the data is (or was due to be) deleted; for `done`, when it was deleted. ISO 8601 with offset. */
  readonly date: string;
}

export interface PurgeOptions {
  /** Delete before the date (the organiser asked explicitly). */
  readonly force?: boolean;
}

/** The same wall-clock time `days` calendar days later (or earlier) in `timeZone`. */
function plusCalendarDays(instant: number, days: number, timeZone: string): number {
  const wall = wallTimeAt(instant, timeZone);
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return instantOf(
    { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: wall.hour, minute: wall.minute },
    timeZone,
  );
}

/** When the ledger's personal data is deleted: the organiser's date, else RETENTION_DEFAULT_DAYS after the end. */
export function retentionDate(consultation: Consultation): string {
  const chosen = consultation.registrations.deleteAfter;
  const end = parseZonedIso(consultation.end);
  // A date chosen before the meeting was moved later no longer holds: nothing is deleted before the meeting ends.
  if (chosen !== null && parseZonedIso(chosen) >= end) return chosen;
  return toZonedIso(plusCalendarDays(end, RETENTION_DEFAULT_DAYS, consultation.timeZone), consultation.timeZone);
}

/** What the pane says about retention at `now` (epoch ms). */
export function retentionNotice(consultation: Consultation, now: number): RetentionNotice {
  const purged = consultation.registrations.purged;
  if (purged !== null) return { state: 'done', date: purged.at };
  const date = retentionDate(consultation);
  const due = parseZonedIso(date);
  if (now >= due) return { state: 'due', date };
  const warnFrom = plusCalendarDays(due, -RETENTION_NOTICE_DAYS, consultation.timeZone);
  return { state: now >= warnFrom ? 'soon' : 'scheduled', date };
}

/**
 * Counts per organisation of the people in the ledger. Attendees who never registered are counted by
 * reconciliation in the group without organisation (attendees carry none); they are not the ledger's people, so
 * they are taken out of that group again.
 */
function ledgerCounts(
  consultation: Consultation,
  attendees: readonly Attendee[],
): { people: number; organisations: OrganisationCount[] } {
  const reconciliation = reconcileRegistrations({
    entries: consultation.registrations.ledger,
    attendees,
    capacity: consultation.registration.capacity,
    waitlist: consultation.registration.waitlist,
  });
  const outsiders = new Map<RegistrationStatus, number>();
  for (const person of reconciliation.unregisteredAttendees)
    outsiders.set(person.status, (outsiders.get(person.status) ?? 0) + 1);
  const organisations: OrganisationCount[] = [];
  for (const group of reconciliation.byOrganisation) {
    const totals: Record<RegistrationStatus, number> = { ...group.totals };
    if (group.organisation === null) for (const [status, n] of outsiders) totals[status] -= n;
    if (REGISTRATION_STATUSES.some((status) => totals[status] > 0))
      organisations.push({ organisation: group.organisation, totals });
  }
  const people = reconciliation.people.length - reconciliation.unregisteredAttendees.length;
  return { people, organisations };
}

/**
 * Deletes the personal data of the registrations: the ledger and the invitation under way. Kept: counts per
 * organisation (with the statuses the event's `attendees` give), the domain → organisation map and the decisions
 * about mails (they hold Graph mail ids only, and stop the mails from being offered again). Throws SamradError
 * before the retention date (unless forced) and when already deleted.
 */
export function purgeRegistrations(
  consultation: Consultation,
  attendees: readonly Attendee[],
  now: string,
  options: PurgeOptions = {},
): Consultation {
  const at = requireInstant(now);
  const record = consultation.registrations;
  if (record.purged !== null) {
    throw invalidInput(
      {
        sv: `Personuppgifterna i anmälningslistan raderades redan ${record.purged.at}.`,
        en: `The personal data in the registration list was already deleted on ${record.purged.at}.`,
      },
      { sv: 'Inget behöver göras.', en: 'Nothing needs to be done.' },
    );
  }
  const date = retentionDate(consultation);
  if (at < parseZonedIso(date) && options.force !== true) {
    throw invalidInput(
      {
        sv: `Personuppgifterna ska sparas till ${date}; det är inte dags att radera dem än.`,
        en: `The personal data is kept until ${date}; it is not yet time to delete it.`,
      },
      {
        sv: 'Vänta till datumet, ändra datumet, eller välj uttryckligen att radera nu.',
        en: 'Wait for the date, change the date, or choose explicitly to delete now.',
      },
    );
  }
  const { people, organisations } = ledgerCounts(consultation, attendees);
  return {
    ...consultation,
    registrations: {
      ...record,
      ledger: [],
      invitationInProgress: null,
      purged: { at: now, people, organisations },
    },
  };
}

/**
 * Sets when the personal data is deleted (null: the default, RETENTION_DEFAULT_DAYS after the meeting). The date
 * may not be before the meeting ends — the ledger is what the meeting is run from. Stored with the meeting zone's
 * offset.
 */
export function setDeleteAfter(consultation: Consultation, iso: string | null): Consultation {
  let deleteAfter: string | null = null;
  if (iso !== null) {
    const instant = requireInstant(iso);
    if (instant < parseZonedIso(consultation.end)) {
      throw invalidInput(
        {
          sv: `Raderingsdatumet ${iso} ligger före mötets slut (${consultation.end}).`,
          en: `The deletion date ${iso} is before the meeting ends (${consultation.end}).`,
        },
        { sv: 'Välj ett datum efter mötet.', en: 'Choose a date after the meeting.' },
      );
    }
    deleteAfter = toZonedIso(instant, consultation.timeZone);
  }
  return { ...consultation, registrations: { ...consultation.registrations, deleteAfter } };
}
