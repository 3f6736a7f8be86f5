/**
 * A labelled text field over one value of the document. Every keystroke is committed through a core edit
 * operation; what the operation refuses stays in the field with its reason beside it (see useDraft).
 */
import { Field, Input, Textarea } from '@fluentui/react-components';
import type { SamradError } from '../../core/errors';
import { useLanguage } from '../i18n';
import { useDraft } from './useDraft';

export interface DraftFieldProps {
  readonly label: string;
  readonly hint?: string;
  /** The document's value, as the field writes it. */
  readonly committed: string;
  /** What the document would hold for a text, written as the field writes it; null when it cannot hold it. */
  readonly canonical: (text: string) => string | null;
  /** Commits a text: null when the document took it, otherwise why not. */
  readonly commit: (text: string) => SamradError | null;
  /** The control's DOM id, when focus is moved to it. */
  readonly id?: string;
  readonly multiline?: boolean;
  readonly inputMode?: 'numeric' | 'text';
  readonly className?: string;
}

export function DraftField({ label, hint, committed, canonical, commit, id, multiline, inputMode, className }: DraftFieldProps) {
  const language = useLanguage();
  const draft = useDraft(committed, canonical);
  const typed = (text: string): void => draft.typed(text, commit(text));
  const problem = draft.error === null ? null : `${draft.error.what[language]} ${draft.error.hint[language]}`;
  const control = { value: draft.text, ...(id === undefined ? {} : { id }) };
  return (
    <Field
      label={label}
      hint={hint ?? null}
      validationMessage={problem}
      validationState={problem === null ? 'none' : 'error'}
      {...(className === undefined ? {} : { className })}
    >
      {multiline === true ? (
        <Textarea {...control} onChange={(_event, data) => typed(data.value)} resize="vertical" rows={2} />
      ) : (
        <Input {...control} onChange={(_event, data) => typed(data.value)} inputMode={inputMode ?? 'text'} />
      )}
    </Field>
  );
}
