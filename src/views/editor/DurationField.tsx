/**
 * An item's duration in whole minutes. A text field with a numeric keyboard rather than <input type="number">: a
 * number input empties itself on "abc" or "1,5", and what the organiser typed must stay there with its error.
 * Empty means "not decided yet", which the time plan reports as missing rather than guessing.
 */
import { parseDurationInput, updateItem } from '../../core/consultation/edit';
import { useStrings } from '../i18n';
import { DraftField } from './DraftField';
import { useEditorApi } from './useEditor';

const STRINGS = {
  label: { sv: 'Längd (minuter)', en: 'Duration (minutes)' },
  hint: { sv: 'Lämna tomt om längden inte är bestämd.', en: 'Leave empty while the duration is not decided.' },
};

const written = (minutes: number | null): string => (minutes === null ? '' : String(minutes));

export interface DurationFieldProps {
  readonly itemId: string;
  readonly minutes: number | null;
  readonly id?: string;
}

export function DurationField({ itemId, minutes, id }: DurationFieldProps) {
  const t = useStrings(STRINGS);
  const editor = useEditorApi();
  return (
    <DraftField
      label={t.label}
      hint={t.hint}
      committed={written(minutes)}
      inputMode="numeric"
      {...(id === undefined ? {} : { id })}
      canonical={(text) => {
        const parsed = parseDurationInput(text);
        return parsed.ok ? written(parsed.minutes) : null;
      }}
      commit={(text) => {
        const parsed = parseDurationInput(text);
        if (!parsed.ok) return parsed.error;
        return editor.apply((c) => updateItem(c, itemId, { durationMinutes: parsed.minutes }));
      }}
    />
  );
}
