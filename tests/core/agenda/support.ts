/** Agendas for the agenda tests, written as part titles and item durations. */
import type { Agenda } from '../../../src/core/consultation/schema';

export type PartSpec = readonly [title: string, items: readonly (number | null)[]];

/** An agenda from part titles and item durations; ids are p1, p2 … and i1, i2 … in document order. */
export function agendaOf(parts: readonly PartSpec[]): Agenda {
  let n = 0;
  return {
    parts: parts.map(([title, durations], p) => ({
      id: `p${p + 1}`,
      title,
      items: durations.map((durationMinutes) => {
        n += 1;
        return { id: `i${n}`, title: `Punkt ${n}`, presenters: [], durationMinutes, questionIds: [] };
      }),
    })),
  };
}

/** The product walkthrough: 10+20+15 min of information, 3×15 min of discussion and 5 min closing (95 min). */
export const WALKTHROUGH = agendaOf([
  ['Information', [10, 20, 15]],
  ['Diskussion', [15, 15, 15]],
  ['Avslutning', [5]],
]);
