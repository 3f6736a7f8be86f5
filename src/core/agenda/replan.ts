/**
 * Re-planning during the meeting: the current item and everything after it must fit between the current item's
 * start and the meeting end. When they do not, Samråd proposes shorter whole-minute durations, proportional to
 * the planned ones, which the organiser applies with one action (and undoes by keeping the old agenda).
 */
import type { Agenda } from '../consultation/schema';
import { SamradError } from '../errors';
import { MINUTE_MS, parseZonedIso } from '../time/zonedTime';
import { agendaItemsInOrder, requireUniqueItemIds } from './agendaItems';
import type { ShareBounds } from './proportionalShares';
import { shareProportionally } from './proportionalShares';
import { wholeMinutesBetween } from './timePlan';

/** No item is squeezed below this many minutes unless it was planned shorter still. */
export const DEFAULT_MINIMUM_MINUTES = 2;

export interface ReplanInput {
  readonly agenda: Agenda;
  /** The meeting end, ISO 8601 with offset. */
  readonly end: string;
  readonly currentItemId: string;
  /** The current instant (epoch ms), from the Clock port. */
  readonly now: number;
  /** When the current item started (epoch ms); defaults to `now`, i.e. it starts now. */
  readonly currentItemStartedAt?: number;
  /** Defaults to DEFAULT_MINIMUM_MINUTES. */
  readonly minimumMinutes?: number;
}

export interface DurationChange {
  readonly itemId: string;
  readonly title: string;
  readonly fromMinutes: number;
  readonly toMinutes: number;
}

export interface ReplanProposal {
  readonly kind: 'proposal';
  /** Whole minutes from the current item's start to the meeting end. */
  readonly availableMinutes: number;
  /** Only the items whose duration changes, in running order. */
  readonly changes: readonly DurationChange[];
  /** The new duration of every remaining item (changed or not), by item id. Adds up to availableMinutes. */
  readonly durations: Readonly<Record<string, number>>;
}

export type ReplanResult =
  | { readonly kind: 'fits-as-planned'; readonly slackMinutes: number }
  | ReplanProposal
  | {
      readonly kind: 'nothing-fits';
      /** Negative when the current item starts after the meeting end. */
      readonly availableMinutes: number;
      readonly minimumNeededMinutes: number;
    }
  | { readonly kind: 'missing-durations'; readonly itemIds: readonly string[] };

export function proposeReplan(input: ReplanInput): ReplanResult {
  const items = agendaItemsInOrder(input.agenda);
  requireUniqueItemIds(items);
  const currentIndex = items.findIndex((item) => item.itemId === input.currentItemId);
  if (currentIndex < 0) throw unknownItem(input.currentItemId);
  const end = parseZonedIso(input.end);
  const now = requireInstant(input.now, 'now');
  const startedAt =
    input.currentItemStartedAt === undefined ? now : requireInstant(input.currentItemStartedAt, 'currentItemStartedAt');
  const minimumMinutes = requireMinimum(input.minimumMinutes ?? DEFAULT_MINIMUM_MINUTES);

  const remaining = items.slice(currentIndex);
  const missing = remaining.filter((item) => item.durationMinutes === null).map((item) => item.itemId);
  if (missing.length > 0) return { kind: 'missing-durations', itemIds: missing };

  // A start in the future (planning ahead) has used nothing yet.
  const elapsedMinutes = Math.max(0, Math.ceil((now - startedAt) / MINUTE_MS));
  const availableMinutes = wholeMinutesBetween(startedAt, end);
  const planned = remaining.map((item) => item.durationMinutes ?? 0);
  const bounds = planned.map((minutes, k): ShareBounds => {
    const lower = Math.min(minutes, minimumMinutes);
    // The current item has already taken what has elapsed; if it ran past its plan, that time is spent.
    return k === 0
      ? { lower: Math.max(lower, elapsedMinutes), upper: Math.max(minutes, elapsedMinutes) }
      : { lower, upper: minutes };
  });

  const minimumNeededMinutes = sum(bounds.map((b) => b.lower));
  if (minimumNeededMinutes > availableMinutes) return { kind: 'nothing-fits', availableMinutes, minimumNeededMinutes };
  const neededAsPlanned = sum(bounds.map((b) => b.upper));
  if (neededAsPlanned <= availableMinutes) return { kind: 'fits-as-planned', slackMinutes: availableMinutes - neededAsPlanned };

  const shares = shareProportionally(bounds, availableMinutes);
  const changes: DurationChange[] = [];
  const durations: [string, number][] = [];
  remaining.forEach((item, k) => {
    const fromMinutes = planned[k] ?? 0;
    const toMinutes = shares[k] ?? fromMinutes;
    durations.push([item.itemId, toMinutes]);
    if (toMinutes !== fromMinutes) changes.push({ itemId: item.itemId, title: item.itemTitle, fromMinutes, toMinutes });
  });
  return { kind: 'proposal', availableMinutes, changes, durations: Object.fromEntries(durations) };
}

/**
 * The agenda with the proposed durations: a new agenda, the old one untouched (keeping it is the undo).
 * Items whose duration does not change are shared with the old agenda.
 */
export function applyReplan(agenda: Agenda, proposal: Pick<ReplanProposal, 'durations'>): Agenda {
  const { durations } = proposal;
  const unapplied = new Set(Object.keys(durations));
  const parts = agenda.parts.map((part) => ({
    ...part,
    items: part.items.map((item) => {
      // hasOwn, not `in`: an id such as "constructor" must not find Object.prototype's.
      if (!Object.hasOwn(durations, item.id)) return item;
      unapplied.delete(item.id);
      const durationMinutes = durations[item.id] ?? item.durationMinutes;
      return durationMinutes === item.durationMinutes ? item : { ...item, durationMinutes };
    }),
  }));
  const [stale] = unapplied;
  if (stale !== undefined) {
    throw new SamradError(
      'invalid-input',
      {
        sv: `Förslaget gäller punkten ${stale}, som inte längre finns på dagordningen.`,
        en: `The proposal is for item ${stale}, which is no longer on the agenda.`,
      },
      {
        sv: 'Dagordningen har ändrats sedan förslaget togs fram. Gör om tidsplanen igen.',
        en: 'The agenda has changed since the proposal was made. Re-plan again.',
      },
    );
  }
  return { ...agenda, parts };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

function unknownItem(itemId: string): SamradError {
  return new SamradError(
    'invalid-input',
    { sv: `Det finns ingen punkt ${itemId} på dagordningen.`, en: `There is no item ${itemId} on the agenda.` },
    {
      sv: 'Välj den punkt som pågår just nu på dagordningen.',
      en: 'Choose the item that is running now from the agenda.',
    },
  );
}

function requireInstant(value: number, name: string): number {
  if (Number.isFinite(value)) return value;
  throw new SamradError(
    'invalid-input',
    { sv: `Ogiltig tidpunkt för ${name}: ${String(value)}.`, en: `Invalid instant for ${name}: ${String(value)}.` },
    { sv: 'Ange tidpunkten i millisekunder sedan 1970 (UTC).', en: 'Give the instant in epoch milliseconds.' },
  );
}

function requireMinimum(value: number): number {
  if (Number.isInteger(value) && value >= 0) return value;
  throw new SamradError(
    'invalid-input',
    {
      sv: `Ogiltig minsta längd per punkt: ${String(value)}.`,
      en: `Invalid minimum length per item: ${String(value)}.`,
    },
    { sv: 'Ange ett helt antal minuter, 0 eller mer.', en: 'Give a whole number of minutes, 0 or more.' },
  );
}
