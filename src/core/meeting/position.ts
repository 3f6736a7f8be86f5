/**
 * Where the meeting is on its agenda at an instant: the current item and the time left of it. Two sources give it:
 * the run the organiser drives (Live Share, or the run carried to the stage), and — where there is none — the
 * published time plan read against the clock. The faces say which one they show, because the plan is only what was
 * intended.
 */
import type { PlannedItem, TimePlan } from '../agenda/timePlan';
import { MINUTE_MS } from '../time/zonedTime';
import { spentOnItem, type AgendaRun } from './run';

export type PositionSource = 'run' | 'time-plan';

export type AgendaPosition =
  | { readonly kind: 'before'; readonly source: PositionSource; readonly startsInMs: number | null }
  | {
      readonly kind: 'on-item';
      readonly source: PositionSource;
      readonly paused: boolean;
      readonly itemIndex: number;
      readonly item: PlannedItem;
      /** Planned length minus time spent; negative once the item runs over. Null when the item has no length. */
      readonly remainingMs: number | null;
    }
  /** Between items of a time plan that has a gap (an item without a length breaks the plan from there on). */
  | { readonly kind: 'unknown'; readonly source: 'time-plan' }
  | { readonly kind: 'after'; readonly source: PositionSource };

/** The position by the published time plan: the item whose planned interval holds `now`. */
export function scheduledPosition(plan: TimePlan, now: number): AgendaPosition {
  if (now < plan.start) return { kind: 'before', source: 'time-plan', startsInMs: plan.start - now };
  const index = plan.items.findIndex((item) => item.start !== null && item.end !== null && item.start <= now && now < item.end);
  const item = plan.items[index];
  if (item !== undefined && item.end !== null) {
    return { kind: 'on-item', source: 'time-plan', paused: false, itemIndex: index, item, remainingMs: item.end - now };
  }
  const lastEnd = plan.items.at(-1)?.end ?? null;
  if (now >= plan.end || (lastEnd !== null && now >= lastEnd)) return { kind: 'after', source: 'time-plan' };
  return { kind: 'unknown', source: 'time-plan' };
}

/** The position by the organiser's run: the item it is on and how long that item has had. */
export function runPosition(run: AgendaRun, plan: TimePlan, now: number): AgendaPosition {
  if (run.status === 'not-started') return { kind: 'before', source: 'run', startsInMs: null };
  const item = plan.items[run.itemIndex];
  if (run.status === 'ended' || item === undefined) return { kind: 'after', source: 'run' };
  const spent = spentOnItem(run, now);
  return {
    kind: 'on-item',
    source: 'run',
    paused: run.status === 'paused',
    itemIndex: run.itemIndex,
    item,
    remainingMs: item.durationMinutes === null ? null : item.durationMinutes * MINUTE_MS - spent,
  };
}

/** The position the faces show: the run when there is one that has started, else the time plan. */
export function currentPosition(run: AgendaRun | null, plan: TimePlan, now: number): AgendaPosition {
  return run === null || run.status === 'not-started' ? scheduledPosition(plan, now) : runPosition(run, plan, now);
}

/** Whole minutes left, as people say it: 8 min 10 s left is "9 min"; an overrun of 10 s is "1 min over". */
export function minutesLeft(remainingMs: number): { readonly minutes: number; readonly over: boolean } {
  if (remainingMs >= 0) return { minutes: Math.ceil(remainingMs / MINUTE_MS), over: false };
  return { minutes: Math.ceil(-remainingMs / MINUTE_MS), over: true };
}

/** The questions (0-based indexes) linked to an agenda item, for the stage and the panel. */
export function questionsOfItem(questions: readonly { readonly itemIndex: number | null }[], itemIndex: number): number[] {
  return questions.flatMap((q, i) => (q.itemIndex === itemIndex ? [i] : []));
}
