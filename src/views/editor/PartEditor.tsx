/** One part of the agenda: its heading and title, buttons to move or remove it, its items and "add item". */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { memo, useId } from 'react';
import { addItem, movePart, removePart, renamePart } from '../../core/consultation/edit';
import type { AgendaPart } from '../../core/consultation/schema';
import type { Bilingual } from '../../core/errors';
import { useStrings } from '../i18n';
import { DraftField } from './DraftField';
import { fill, fillBoth } from './fill';
import { ItemRow } from './ItemRow';
import { MoveButtons } from './MoveButtons';
import { useEditorApi } from './useEditor';

const STRINGS = {
  title: { sv: 'Delens rubrik', en: 'Title of the part' },
  partName: { sv: 'delen {name}', en: 'the part {name}' },
  noItems: { sv: 'Delen har inga punkter än.', en: 'The part has no items yet.' },
  addItem: { sv: 'Lägg till punkt', en: 'Add item' },
  addItemTo: { sv: 'Lägg till punkt i {name}', en: 'Add item to {name}' },
  newItem: { sv: 'Ny punkt', en: 'New item' },
};

const NOTICES = {
  moved: { sv: 'Delen {name} är nu del {n} av {count}.', en: 'The part {name} is now part {n} of {count}.' },
  removed: { sv: 'Delen {name} togs bort med sina punkter.', en: 'The part {name} was removed with its items.' },
} satisfies Record<string, Bilingual>;

const useStyles = makeStyles({
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBlockEnd: tokens.spacingVerticalL },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  items: {
    listStyleType: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  add: { alignSelf: 'flex-start' },
});

export interface PartEditorProps {
  readonly part: AgendaPart;
  readonly isFirst: boolean;
  readonly isLast: boolean;
  /** How many parts the agenda has, for the notice after a move. */
  readonly count: number;
}

/** Memoised: an edit in one part leaves the other parts' objects, and so their rendering, as they were. */
export const PartEditor = memo(function PartEditor({ part, isFirst, isLast, count }: PartEditorProps) {
  const t = useStrings(STRINGS);
  const styles = useStyles();
  const editor = useEditorApi();
  const headingId = useId();
  const key = (field: string): string => editor.targetId(`${part.id}-${field}`);

  return (
    <section aria-labelledby={headingId} className={styles.part}>
      <h3 id={headingId} className={styles.heading}>
        {part.title}
      </h3>
      <DraftField
        label={t.title}
        id={key('title')}
        committed={part.title}
        canonical={(text) => (text.trim() === '' ? null : text.trim())}
        commit={(text) => editor.apply((c) => renamePart(c, part.id, text))}
      />
      <MoveButtons
        name={fill(t.partName, { name: part.title })}
        isFirst={isFirst}
        isLast={isLast}
        upId={key('up')}
        downId={key('down')}
        onMove={(step) =>
          editor.act((c) => movePart(c, part.id, step), {
            focus: `${part.id}-${step}`,
            notice: (next) =>
              fillBoth(NOTICES.moved, { name: part.title, n: next.agenda.parts.findIndex((p) => p.id === part.id) + 1, count }),
          })
        }
        onRemove={() =>
          editor.act((c) => removePart(c, part.id), {
            notice: fillBoth(NOTICES.removed, { name: part.title }),
            undoable: true,
            focusOnUndo: `${part.id}-title`,
          })
        }
      />
      {part.items.length === 0 ? (
        <p>{t.noItems}</p>
      ) : (
        <ol className={styles.items}>
          {part.items.map((item, i) => (
            <li key={item.id}>
              {/* Items step across parts, so only the agenda's very first and last item cannot move further. */}
              <ItemRow item={item} isFirst={isFirst && i === 0} isLast={isLast && i === part.items.length - 1} />
            </li>
          ))}
        </ol>
      )}
      <Button
        className={styles.add}
        aria-label={fill(t.addItemTo, { name: part.title })}
        onClick={() =>
          editor.act((c) => addItem(c, part.id, { title: t.newItem }), { focus: (id) => `${id}-title`, select: true })
        }
      >
        {t.addItem}
      </Button>
    </section>
  );
});
