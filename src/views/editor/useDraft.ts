/**
 * What the organiser is typing into a field, kept apart from what the document holds: text the document cannot take
 * ("abc" as a duration, an empty title) stays in the field with its error instead of being thrown away or handed up.
 * When the document changes from elsewhere (a re-plan, an undo) to something the text does not already say, the
 * field shows the document's value again.
 */
import { useState } from 'react';
import type { SamradError } from '../../core/errors';

export interface Draft {
  readonly text: string;
  readonly error: SamradError | null;
  /** Records what was typed and what committing it said (null: taken). */
  readonly typed: (text: string, error: SamradError | null) => void;
}

/**
 * @param committed the document's value, as the field writes it
 * @param canonical what the document would hold for a text, written the same way; null when it cannot hold it
 */
export function useDraft(committed: string, canonical: (text: string) => string | null): Draft {
  const [text, setText] = useState(committed);
  const [error, setError] = useState<SamradError | null>(null);
  const [shown, setShown] = useState(committed);
  // Adjusting state while rendering (React's documented pattern for props that change) avoids a frame with stale text.
  if (committed !== shown) {
    setShown(committed);
    if (canonical(text) !== committed) {
      setText(committed);
      setError(null);
    }
  }
  return {
    text,
    error,
    typed: (next, nextError) => {
      setText(next);
      setError(nextError);
    },
  };
}
