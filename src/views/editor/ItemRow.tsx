/** One agenda item as a group of labelled fields, with buttons to move it (across parts, too) and remove it. */
import { memo } from 'react';
import { formatPresenterList, moveItem, parsePresenterList, removeItem, updateItem } from '../../core/consultation/edit';
import type { AgendaItem, Consultation } from '../../core/consultation/schema';
import type { Bilingual } from '../../core/errors';
import { useStrings } from '../i18n';
import { DraftField } from './DraftField';
import { DurationField } from './DurationField';
import { fillBoth } from './fill';
import { MoveButtons } from './MoveButtons';
import { useEditorApi } from './useEditor';
import { useRowStyles } from './rowStyles';

const STRINGS = {
  title: { sv: 'Rubrik', en: 'Title' },
  presenters: { sv: 'Presenteras av', en: 'Presented by' },
  presentersHint: {
    sv: 'Organisationer, åtskilda med kommatecken.',
    en: 'Organisations, separated by commas.',
  },
  description: { sv: 'Beskrivning (valfri)', en: 'Description (optional)' },
};

const NOTICES = {
  moved: {
    sv: '{name} är nu punkt {n} av {count}, i delen {part}.',
    en: '{name} is now item {n} of {count}, in the part {part}.',
  },
  removed: { sv: 'Punkten {name} togs bort.', en: 'The item {name} was removed.' },
} satisfies Record<string, Bilingual>;

/** Where an item stands in the running order, for the notice after a move. */
function positionNotice(c: Consultation, itemId: string, name: string): Bilingual {
  const running = c.agenda.parts.flatMap((part) => part.items.map((item) => ({ part: part.title, id: item.id })));
  const at = running.findIndex((entry) => entry.id === itemId);
  return fillBoth(NOTICES.moved, { name, n: at + 1, count: running.length, part: running[at]?.part ?? '' });
}

export interface ItemRowProps {
  readonly item: AgendaItem;
  readonly isFirst: boolean;
  readonly isLast: boolean;
}

/** Memoised: typing in one item re-renders that item only (unchanged items keep their object through an edit). */
export const ItemRow = memo(function ItemRow({ item, isFirst, isLast }: ItemRowProps) {
  const t = useStrings(STRINGS);
  const styles = useRowStyles();
  const editor = useEditorApi();
  const key = (field: string): string => editor.targetId(`${item.id}-${field}`);

  return (
    <fieldset className={styles.row}>
      <legend className={styles.legend}>{item.title}</legend>
      <DraftField
        label={t.title}
        id={key('title')}
        committed={item.title}
        canonical={(text) => (text.trim() === '' ? null : text.trim())}
        commit={(text) => editor.apply((c) => updateItem(c, item.id, { title: text }))}
      />
      <DraftField
        label={t.presenters}
        hint={t.presentersHint}
        committed={formatPresenterList(item.presenters)}
        canonical={(text) => formatPresenterList(parsePresenterList(text))}
        commit={(text) => editor.apply((c) => updateItem(c, item.id, { presenters: parsePresenterList(text) }))}
      />
      <DurationField itemId={item.id} minutes={item.durationMinutes} id={key('duration')} />
      <DraftField
        label={t.description}
        multiline
        committed={item.description ?? ''}
        canonical={(text) => text.trim()}
        commit={(text) => editor.apply((c) => updateItem(c, item.id, { description: text }))}
      />
      <MoveButtons
        name={item.title}
        isFirst={isFirst}
        isLast={isLast}
        upId={key('up')}
        downId={key('down')}
        onMove={(step) =>
          editor.act((c) => moveItem(c, item.id, step), {
            focus: `${item.id}-${step}`,
            notice: (next) => positionNotice(next, item.id, item.title),
          })
        }
        onRemove={() =>
          editor.act((c) => removeItem(c, item.id), {
            notice: fillBoth(NOTICES.removed, { name: item.title }),
            undoable: true,
            focusOnUndo: `${item.id}-title`,
          })
        }
      />
    </fieldset>
  );
});
