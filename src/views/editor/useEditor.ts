/**
 * What the agenda and questions editors share: applying a core edit operation to the consultation they were given
 * and handing the result to their owner, moving focus after it, saying what happened in a polite live region, and
 * offering to undo a removal or a re-plan. The editors are controlled: the consultation lives with the pane.
 */
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AddResult, EditResult } from '../../core/consultation/edit';
import { jsonEqual } from '../../core/consultation/merge';
import type { Consultation } from '../../core/consultation/schema';
import type { Bilingual } from '../../core/errors';
import { isSamradError, SamradError } from '../../core/errors';
import { useFocusAfterRender } from './useFocusAfterRender';

export type Edit = (consultation: Consultation) => EditResult | AddResult;

export interface EditEffects {
  /** The focus target once the change is shown; for an addition it may depend on the new element's id. */
  readonly focus?: string | ((createdId: string) => string);
  /** Selects the focused field's text, so a placeholder title ("Ny punkt") is typed over. */
  readonly select?: boolean;
  /** Said in the editor's live region, e.g. "Inledning är nu punkt 2 av 5". */
  readonly notice?: Bilingual | ((next: Consultation) => Bilingual);
  /** Offers "Ångra" beside the notice until the next change; focus goes to it unless `focus` says otherwise. */
  readonly undoable?: boolean;
  /** The focus target after an undo (the restored element). */
  readonly focusOnUndo?: string;
}

/** Stable across renders (it reads the latest consultation when called), so memoised rows stay put. */
export interface EditorApi {
  /** For fields: applies the edit, or returns why it cannot be made for the field to show (nothing is handed up). */
  readonly apply: (edit: Edit, effects?: EditEffects) => SamradError | null;
  /** For buttons: applies the edit, or shows why it cannot be made in the editor's alert. */
  readonly act: (edit: Edit, effects?: EditEffects) => void;
  readonly targetId: (key: string) => string;
}

/** The part of the document the editors change; undo restores only this, never the revision or other fields. */
interface Snapshot {
  readonly agenda: Consultation['agenda'];
  readonly questions: Consultation['questions'];
}

const snapshotOf = (c: Consultation): Snapshot => ({ agenda: c.agenda, questions: c.questions });

interface Notice {
  readonly message: Bilingual;
  /** The document the notice is about: once it changes again the notice (and its undo) no longer applies. */
  readonly after: Snapshot;
  readonly undo: { readonly before: Snapshot; readonly focusOnUndo: string | undefined } | null;
}

export interface EditorState {
  readonly api: EditorApi;
  /** The current notice, if it still describes the document. */
  readonly notice: { readonly message: Bilingual; readonly canUndo: boolean } | null;
  readonly undo: () => void;
  readonly actionError: SamradError | null;
  readonly undoTargetId: string;
}

export const UNDO_TARGET = 'undo';

/** An error that is not Samråd's own (a defect) is still shown, never swallowed. */
function asSamradError(error: unknown): SamradError {
  if (isSamradError(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new SamradError(
    'invalid-input',
    { sv: `Ändringen kunde inte göras: ${detail}`, en: `The change could not be made: ${detail}` },
    {
      sv: 'Försök igen; om felet kvarstår, ladda om samrådet och rapportera felet.',
      en: 'Try again; if it persists, reload the consultation and report the error.',
    },
    { cause: error },
  );
}

export function useEditor(consultation: Consultation, onChange: (next: Consultation) => void): EditorState {
  const focus = useFocusAfterRender();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [actionError, setActionError] = useState<SamradError | null>(null);
  // Edits are made in event handlers, after the render that showed this consultation was committed.
  const latest = useRef({ consultation, onChange });
  useLayoutEffect(() => {
    latest.current = { consultation, onChange };
  });
  const current = notice !== null && jsonEqual(notice.after, snapshotOf(consultation)) ? notice : null;

  const apply = useCallback(
    (edit: Edit, effects: EditEffects = {}): SamradError | null => {
      const before = latest.current.consultation;
      let result: EditResult | AddResult;
      try {
        result = edit(before);
      } catch (error) {
        return asSamradError(error);
      }
      if (!result.ok) return result.error;
      const next = result.consultation;
      const createdId = 'id' in result ? result.id : '';
      const target = typeof effects.focus === 'function' ? effects.focus(createdId) : effects.focus;
      const focusKey = target ?? (effects.undoable === true ? UNDO_TARGET : undefined);
      if (focusKey !== undefined) focus.focusAfterRender(focusKey, { select: effects.select === true });
      if (effects.notice !== undefined) {
        const message = typeof effects.notice === 'function' ? effects.notice(next) : effects.notice;
        setNotice({
          message,
          after: snapshotOf(next),
          undo: effects.undoable === true ? { before: snapshotOf(before), focusOnUndo: effects.focusOnUndo } : null,
        });
      }
      setActionError(null);
      latest.current.onChange(next);
      return null;
    },
    [focus],
  );

  const api = useMemo<EditorApi>(
    () => ({
      apply,
      act: (edit, effects) => setActionError(apply(edit, effects)),
      targetId: focus.targetId,
    }),
    [apply, focus],
  );

  const undo = (): void => {
    if (current === null || current.undo === null) return;
    const { before, focusOnUndo } = current.undo;
    if (focusOnUndo !== undefined) focus.focusAfterRender(focusOnUndo);
    setNotice(null);
    onChange({ ...consultation, agenda: before.agenda, questions: before.questions });
  };

  return {
    api,
    notice: current === null ? null : { message: current.message, canUndo: current.undo !== null },
    undo,
    actionError,
    undoTargetId: focus.targetId(UNDO_TARGET),
  };
}

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditorApi(): EditorApi {
  const api = useContext(EditorContext);
  if (api === null) throw new Error('useEditorApi is used outside an editor (AgendaEditor or QuestionsEditor).');
  return api;
}
