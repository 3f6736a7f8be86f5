/**
 * The organiser's discussion questions: add, edit, reorder (by keyboard too), remove with undo, and link each to
 * the agenda item where it is discussed. Controlled like the agenda editor: changes go to `onChange`.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useMemo } from 'react';
import { addQuestion } from '../../core/consultation/edit';
import type { Consultation } from '../../core/consultation/schema';
import { useStrings } from '../i18n';
import { EditorNotice } from './EditorNotice';
import { QuestionRow, type ItemChoice } from './QuestionRow';
import { EditorContext, useEditor } from './useEditor';

const STRINGS = {
  heading: { sv: 'Diskussionsfrågor', en: 'Discussion questions' },
  none: { sv: 'Inga diskussionsfrågor än.', en: 'No discussion questions yet.' },
  add: { sv: 'Lägg till fråga', en: 'Add question' },
  newQuestion: { sv: 'Ny fråga', en: 'New question' },
};

const useStyles = makeStyles({
  heading: { marginBlockEnd: tokens.spacingVerticalS },
  list: {
    listStyleType: 'none',
    padding: 0,
    marginBlock: tokens.spacingVerticalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

export interface QuestionsEditorProps {
  readonly consultation: Consultation;
  readonly onChange: (next: Consultation) => void;
}

export function QuestionsEditor({ consultation, onChange }: QuestionsEditorProps) {
  const t = useStrings(STRINGS);
  const styles = useStyles();
  const headingId = useId();
  const editor = useEditor(consultation, onChange);
  const { questions, agenda } = consultation;
  const items = useMemo(
    (): ItemChoice[] =>
      agenda.parts.flatMap((part) => part.items.map((item) => ({ id: item.id, label: `${part.title}: ${item.title}` }))),
    [agenda],
  );

  return (
    <EditorContext.Provider value={editor.api}>
      <section aria-labelledby={headingId}>
        <h2 id={headingId} className={styles.heading}>
          {t.heading}
        </h2>
        <EditorNotice notice={editor.notice} onUndo={editor.undo} undoId={editor.undoTargetId} error={editor.actionError} />
        {questions.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <ol className={styles.list}>
            {questions.map((question, i) => (
              <li key={question.id}>
                <QuestionRow question={question} position={i + 1} count={questions.length} items={items} />
              </li>
            ))}
          </ol>
        )}
        <Button
          onClick={() =>
            editor.api.act((c) => addQuestion(c, { text: t.newQuestion }), { focus: (id) => `${id}-text`, select: true })
          }
        >
          {t.add}
        </Button>
      </section>
    </EditorContext.Provider>
  );
}
