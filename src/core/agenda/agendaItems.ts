/**
 * The agenda's items in running order, flattened out of their parts. Planning treats the agenda as one queue
 * of items (they run back to back in document order); the part is kept on each item only so views can group.
 */
import type { Agenda } from '../consultation/schema';
import { agendaItemSchema } from '../consultation/schema';
import { SamradError } from '../errors';

/** Which item, and in which part: enough for a view to name it and link to it. */
export interface AgendaItemRef {
  readonly partId: string;
  readonly partTitle: string;
  readonly itemId: string;
  readonly itemTitle: string;
}

export interface QueuedItem extends AgendaItemRef {
  readonly durationMinutes: number | null;
}

const durationSchema = agendaItemSchema.shape.durationMinutes;

/**
 * The items in running order. Durations are checked against the document schema here because the planning
 * arithmetic (whole minutes, proportional shares) silently produces nonsense for fractions or negatives.
 */
export function agendaItemsInOrder(agenda: Agenda): QueuedItem[] {
  return agenda.parts.flatMap((part) =>
    part.items.map((item) => {
      if (!durationSchema.safeParse(item.durationMinutes).success) {
        throw new SamradError(
          'invalid-input',
          {
            sv: `Punkten "${item.title}" har en ogiltig längd: ${String(item.durationMinutes)}.`,
            en: `The item "${item.title}" has an invalid duration: ${String(item.durationMinutes)}.`,
          },
          {
            sv: 'Ange längden i hela minuter (0–1440), eller lämna den tom om den inte är bestämd.',
            en: 'Give the duration in whole minutes (0–1440), or leave it empty while it is not decided.',
          },
        );
      }
      return {
        partId: part.id,
        partTitle: part.title,
        itemId: item.id,
        itemTitle: item.title,
        durationMinutes: item.durationMinutes,
      };
    }),
  );
}

/** Re-planning keys new durations by item id, so two items sharing an id would get each other's length. */
export function requireUniqueItemIds(items: readonly AgendaItemRef[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.itemId)) {
      throw new SamradError(
        'invalid-input',
        {
          sv: `Två punkter på dagordningen har samma id: ${item.itemId}.`,
          en: `Two agenda items share the id ${item.itemId}.`,
        },
        {
          sv: 'Ge varje punkt ett eget id innan tidsplanen görs om.',
          en: 'Give every item its own id before re-planning.',
        },
      );
    }
    seen.add(item.itemId);
  }
}
