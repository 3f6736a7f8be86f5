/**
 * Move up, move down and remove, for one element of a list. Each button's accessible name says which element
 * ("Flytta upp Inledning") and begins with its visible text (WCAG 2.5.3). At the ends of the list a button is
 * disabled but stays focusable, so focus is not lost when an element reaches the top by keyboard.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../i18n';

const STRINGS = {
  up: { sv: 'Flytta upp', en: 'Move up' },
  down: { sv: 'Flytta ned', en: 'Move down' },
  remove: { sv: 'Ta bort', en: 'Remove' },
};

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface MoveButtonsProps {
  /** What the buttons act on, as it completes their names, e.g. "Inledning" or "delen Information". */
  readonly name: string;
  readonly isFirst: boolean;
  readonly isLast: boolean;
  readonly onMove: (step: 'up' | 'down') => void;
  readonly onRemove: () => void;
  readonly upId: string;
  readonly downId: string;
}

export function MoveButtons({ name, isFirst, isLast, onMove, onRemove, upId, downId }: MoveButtonsProps) {
  const t = useStrings(STRINGS);
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Button size="small" id={upId} disabledFocusable={isFirst} aria-label={`${t.up} ${name}`} onClick={() => onMove('up')}>
        {t.up}
      </Button>
      <Button size="small" id={downId} disabledFocusable={isLast} aria-label={`${t.down} ${name}`} onClick={() => onMove('down')}>
        {t.down}
      </Button>
      <Button size="small" aria-label={`${t.remove} ${name}`} onClick={onRemove}>
        {t.remove}
      </Button>
    </div>
  );
}
