/** The loading and failed states every face shows the same way: a spinner with a label, or what went wrong and what to do. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { Bilingual } from '../core/errors';
import { useLanguage, useStrings } from './i18n';

const STRINGS = {
  loading: { sv: 'Hämtar …', en: 'Loading …' },
  failed: { sv: 'Det gick inte att hämta uppgifterna', en: 'The details could not be loaded' },
  retry: { sv: 'Försök igen', en: 'Try again' },
  unexpected: { sv: 'Ett oväntat fel inträffade:', en: 'An unexpected error occurred:' },
};

interface Explained {
  readonly what: Bilingual;
  readonly hint: Bilingual;
}

/** Samråd's own errors (SamradError, PortError, GraphError) carry what happened and what to do in both languages. */
function isExplained(error: unknown): error is Explained {
  if (typeof error !== 'object' || error === null) return false;
  const { what, hint } = error as { what?: Partial<Bilingual>; hint?: Partial<Bilingual> };
  return (
    typeof what?.sv === 'string' && typeof what.en === 'string' && typeof hint?.sv === 'string' && typeof hint.en === 'string'
  );
}

export function Loading({ label }: { readonly label?: string }) {
  const t = useStrings(STRINGS);
  return <Spinner size="small" label={label ?? t.loading} />;
}

export interface LoadFailedProps {
  readonly error: unknown;
  /** Without it there is no button: for failures that only a change (not a retry) can mend. */
  readonly onRetry?: () => void;
  /** For failures of an action rather than a load: its own title and button. */
  readonly title?: string;
  readonly actionLabel?: string;
}

export function LoadFailed({ error, onRetry, title, actionLabel }: LoadFailedProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const text = isExplained(error)
    ? `${error.what[language]} ${error.hint[language]}`
    : `${t.unexpected} ${error instanceof Error ? error.message : String(error)}`;
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      {/* Errors can carry long request paths; let them wrap in a narrow side panel. */}
      <MessageBarBody style={{ overflowWrap: 'anywhere' }}>
        <MessageBarTitle>{title ?? t.failed}</MessageBarTitle>
        {text}
      </MessageBarBody>
      {onRetry !== undefined && (
        <MessageBarActions>
          <Button onClick={onRetry}>{actionLabel ?? t.retry}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
