/** One discussion question: its text, the agenda item where it is discussed, and buttons to move or remove it. */
import { Field, Select } from '@fluentui/react-components';
import { memo } from 'react';
import { linkQuestion, moveQuestion, removeQuestion, updateQuestionText } from '../../core/consultation/edit';
import type { DiscussionQuestion } from '../../core/consultation/schema';
import type { Bilingual } from '../../core/errors';
import { useStrings } from '../i18n';
import { DraftField } from './DraftField';
import { fill, fillBoth } from './fill';
import { MoveButtons } from './MoveButtons';
import { useEditorApi } from './useEditor';
import { useRowStyles } from './rowStyles';

const STRINGS = {
  legend: { sv: 'Fråga {n}', en: 'Question {n}' },
  name: { sv: 'fråga {n}', en: 'question {n}' },
  text: { sv: 'Frågans text', en: 'The question' },
  item: { sv: 'Diskuteras under punkt', en: 'Discussed under item' },
  noItem: { sv: 'Ingen punkt', en: 'No item' },
};

const NOTICES = {
  moved: { sv: 'Frågan är nu fråga {n} av {count}.', en: 'The question is now question {n} of {count}.' },
  removed: { sv: 'Fråga {n} togs bort.', en: 'Question {n} was removed.' },
} satisfies Record<string, Bilingual>;

export interface QuestionRowProps {
  readonly question: DiscussionQuestion;
  /** 1-based place in the list: the number the invitation prints. */
  readonly position: number;
  readonly count: number;
  /** The agenda items a question can be linked to, labelled "Del: Punkt". */
  readonly items: readonly ItemChoice[];
}

export interface ItemChoice {
  readonly id: string;
  readonly label: string;
}

/** Memoised: editing one question re-renders that question only. */
export const QuestionRow = memo(function QuestionRow({ question, position, count, items }: QuestionRowProps) {
  const t = useStrings(STRINGS);
  const styles = useRowStyles();
  const editor = useEditorApi();
  const key = (field: string): string => editor.targetId(`${question.id}-${field}`);

  return (
    <fieldset className={styles.row}>
      <legend className={styles.legend}>{fill(t.legend, { n: position })}</legend>
      <DraftField
        label={t.text}
        id={key('text')}
        multiline
        committed={question.text}
        canonical={(text) => (text.trim() === '' ? null : text.trim())}
        commit={(text) => editor.apply((c) => updateQuestionText(c, question.id, text))}
      />
      <Field label={t.item}>
        <Select
          value={question.agendaItemId ?? ''}
          onChange={(_event, data) => editor.act((c) => linkQuestion(c, question.id, data.value === '' ? null : data.value))}
        >
          <option value="">{t.noItem}</option>
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label}
            </option>
          ))}
        </Select>
      </Field>
      <MoveButtons
        name={fill(t.name, { n: position })}
        isFirst={position === 1}
        isLast={position === count}
        upId={key('up')}
        downId={key('down')}
        onMove={(step) =>
          editor.act((c) => moveQuestion(c, question.id, step), {
            focus: `${question.id}-${step}`,
            notice: (next) => fillBoth(NOTICES.moved, { n: next.questions.findIndex((q) => q.id === question.id) + 1, count }),
          })
        }
        onRemove={() =>
          editor.act((c) => removeQuestion(c, question.id), {
            notice: fillBoth(NOTICES.removed, { n: position }),
            undoable: true,
            focusOnUndo: `${question.id}-text`,
          })
        }
      />
    </fieldset>
  );
});
