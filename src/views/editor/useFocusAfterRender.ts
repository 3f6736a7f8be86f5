/**
 * Focus that follows an edit (WCAG 2.4.3): the element to focus often does not exist yet when the edit is made (a
 * new item's title field) or is re-created elsewhere (an item moved into another part), so the request waits for
 * the next render, which the controlled editor gets once its owner has taken the change.
 */
import { useCallback, useEffect, useId, useMemo, useRef } from 'react';

export interface FocusAfterRender {
  /** The DOM id of a focus target named by key, e.g. `item-3-title`; unique per editor. */
  readonly targetId: (key: string) => string;
  /** Focuses the target after the next render; `select` also selects an input's text, ready to be typed over. */
  readonly focusAfterRender: (key: string, options?: { readonly select?: boolean }) => void;
}

/** Stable across renders, so memoised rows that take it do not re-render for it. */
export function useFocusAfterRender(): FocusAfterRender {
  const base = useId();
  const pending = useRef<{ readonly key: string; readonly select: boolean } | null>(null);
  const targetId = useCallback((key: string): string => `${base}${key}`, [base]);
  const focusAfterRender = useCallback((key: string, options?: { readonly select?: boolean }): void => {
    pending.current = { key, select: options?.select ?? false };
  }, []);

  useEffect(() => {
    const request = pending.current;
    if (request === null) return;
    const element = document.getElementById(targetId(request.key));
    if (element === null) return;
    pending.current = null;
    element.focus();
    if (request.select && (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) element.select();
  });

  return useMemo(() => ({ targetId, focusAfterRender }), [targetId, focusAfterRender]);
}
