/**
 * The agenda's time plan: when each item starts and ends if the items run back to back from the meeting start,
 * and whether they fit before the meeting end. All arithmetic is on instants (epoch ms), so a meeting across a
 * daylight-saving change is right by construction; the zoned ISO strings are derived for display only.
 */
import type { Agenda } from '../consultation/schema';
import { SamradError } from '../errors';
import type { Language } from '../time/format';
import { MINUTE_MS, parseZonedIso, toZonedIso } from '../time/zonedTime';
import type { AgendaItemRef } from './agendaItems';
import { agendaItemsInOrder } from './agendaItems';

export interface TimePlanInput {
  readonly agenda: Agenda;
  /** ISO 8601 with offset, e.g. 2023-12-12T13:00:00+01:00. */
  readonly start: string;
  readonly end: string;
  /** IANA zone the ISO strings of the plan are written in, e.g. Europe/Stockholm. */
  readonly timeZone: string;
}

/** One item on the clock. Start/end are null once an earlier item's length is unknown: never guessed. */
export interface PlannedItem extends AgendaItemRef {
  readonly durationMinutes: number | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly startIso: string | null;
  readonly endIso: string | null;
}

export type TimePlanStatus =
  | { readonly kind: 'fits'; readonly slackMinutes: number }
  | { readonly kind: 'overruns'; readonly overrunMinutes: number }
  | {
      readonly kind: 'incomplete';
      readonly missingItemIds: readonly string[];
      /** The sum of the durations that are known (the same as the plan's plannedMinutes). */
      readonly knownMinutes: number;
      readonly slackMinutes: number;
    };

export interface TimePlan {
  readonly timeZone: string;
  readonly start: number;
  readonly end: number;
  readonly startIso: string;
  readonly endIso: string;
  readonly items: readonly PlannedItem[];
  /** 0 for an agenda without items (its status is `fits` with the whole meeting as slack). */
  readonly itemCount: number;
  /** Whole real minutes between start and end (a stray second is dropped, so slack is never overstated). */
  readonly meetingMinutes: number;
  /** Sum of the known durations. */
  readonly plannedMinutes: number;
  readonly missingDurations: readonly AgendaItemRef[];
  readonly status: TimePlanStatus;
}

/** The meeting's start and end as instants; the end must come after the start. */
export function parseMeetingInterval(start: string, end: string): { start: number; end: number } {
  const startInstant = parseZonedIso(start);
  const endInstant = parseZonedIso(end);
  if (endInstant <= startInstant) {
    throw new SamradError(
      'invalid-input',
      {
        sv: `Mötet slutar (${end}) innan det börjar (${start}).`,
        en: `The meeting ends (${end}) before it starts (${start}).`,
      },
      { sv: 'Kontrollera start- och sluttiden.', en: 'Check the start and end times.' },
    );
  }
  return { start: startInstant, end: endInstant };
}

/** Whole minutes from one instant to a later one, rounded down: the time that is really there to plan with. */
export function wholeMinutesBetween(from: number, to: number): number {
  return Math.floor((to - from) / MINUTE_MS);
}

export function computeTimePlan(input: TimePlanInput): TimePlan {
  const { start, end } = parseMeetingInterval(input.start, input.end);
  const { timeZone } = input;
  // Written before the items so an unknown zone is reported even for an empty agenda.
  const startIso = toZonedIso(start, timeZone);
  const endIso = toZonedIso(end, timeZone);

  const items: PlannedItem[] = [];
  let cursor: number | null = start;
  for (const item of agendaItemsInOrder(input.agenda)) {
    const itemStart: number | null = cursor;
    const itemEnd: number | null =
      itemStart === null || item.durationMinutes === null ? null : itemStart + item.durationMinutes * MINUTE_MS;
    items.push({
      ...item,
      start: itemStart,
      end: itemEnd,
      startIso: itemStart === null ? null : toZonedIso(itemStart, timeZone),
      endIso: itemEnd === null ? null : toZonedIso(itemEnd, timeZone),
    });
    cursor = itemEnd;
  }

  const missingDurations = items
    .filter((item) => item.durationMinutes === null)
    .map(({ partId, partTitle, itemId, itemTitle }) => ({ partId, partTitle, itemId, itemTitle }));
  const plannedMinutes = items.reduce((sum, item) => sum + (item.durationMinutes ?? 0), 0);
  const meetingMinutes = wholeMinutesBetween(start, end);

  return {
    timeZone,
    start,
    end,
    startIso,
    endIso,
    items,
    itemCount: items.length,
    meetingMinutes,
    plannedMinutes,
    missingDurations,
    status: statusOf(meetingMinutes, plannedMinutes, missingDurations),
  };
}

function statusOf(meetingMinutes: number, plannedMinutes: number, missing: readonly AgendaItemRef[]): TimePlanStatus {
  // The known durations alone passing the end is certain whatever the missing ones turn out to be.
  if (plannedMinutes > meetingMinutes) return { kind: 'overruns', overrunMinutes: plannedMinutes - meetingMinutes };
  const slackMinutes = meetingMinutes - plannedMinutes;
  if (missing.length > 0) {
    return { kind: 'incomplete', missingItemIds: missing.map((m) => m.itemId), knownMinutes: plannedMinutes, slackMinutes };
  }
  return { kind: 'fits', slackMinutes };
}

/** One plain line for the organiser: "Tidsplanen ryms, 10 min över" / "Fits, 10 min to spare". */
export function describeTimePlanStatus(plan: Pick<TimePlan, 'status' | 'itemCount'>, language: Language): string {
  const sv = language === 'sv';
  if (plan.itemCount === 0) return sv ? 'Dagordningen har inga punkter än' : 'The agenda has no items yet';
  const { status } = plan;
  switch (status.kind) {
    case 'fits':
      if (status.slackMinutes === 0) return sv ? 'Tidsplanen ryms precis' : 'Fits exactly';
      return sv ? `Tidsplanen ryms, ${status.slackMinutes} min över` : `Fits, ${status.slackMinutes} min to spare`;
    case 'overruns':
      return sv ? `Överskrider sluttiden med ${status.overrunMinutes} min` : `Overruns the end by ${status.overrunMinutes} min`;
    case 'incomplete': {
      const n = status.missingItemIds.length;
      return sv
        ? `Tidsplanen saknar längder för ${n} ${n === 1 ? 'punkt' : 'punkter'}`
        : `Durations missing for ${n} ${n === 1 ? 'item' : 'items'}`;
    }
  }
}
