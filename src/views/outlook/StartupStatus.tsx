/**
 * What a face shows while it starts and when it cannot: a spinner, or what happened and what to do. Until the host
 * has said which language the person uses (Office tells it only once it is ready), both languages are shown, each
 * marked with its `lang` so screen readers read it right.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { Bilingual } from '../../core/errors';
import type { Language } from '../i18n';

export const STARTUP_STRINGS = {
  starting: { sv: 'Samråd startar …', en: 'Samråd is starting …' },
  failed: { sv: 'Samråd kunde inte starta', en: 'Samråd could not start' },
  unexpected: { sv: 'Ett oväntat fel inträffade:', en: 'An unexpected error occurred:' },
  reload: { sv: 'Ladda om', en: 'Reload' },
  retry: { sv: 'Försök igen', en: 'Try again' },
} satisfies Record<string, Bilingual>;

/** Both languages when the person's is not known yet, one when it is. */
function Text({ text, language }: { readonly text: Bilingual; readonly language: Language | null }) {
  if (language !== null) return <>{text[language]}</>;
  return (
    <>
      <span lang="sv">{text.sv}</span> / <span lang="en">{text.en}</span>
    </>
  );
}

export function Starting({ language }: { readonly language: Language | null }) {
  return <Spinner size="small" label={<Text text={STARTUP_STRINGS.starting} language={language} />} />;
}

interface Explained {
  readonly what: Bilingual;
  readonly hint: Bilingual;
}

/** Samråd's typed errors (SamradError, PortError, SignInError, OutlookHostError) say what happened and what to do. */
function explained(error: unknown): Explained | null {
  if (typeof error !== 'object' || error === null) return null;
  const { what, hint } = error as { what?: Partial<Bilingual>; hint?: Partial<Bilingual> };
  if (typeof what?.sv !== 'string' || typeof what.en !== 'string' || typeof hint?.sv !== 'string' || typeof hint.en !== 'string')
    return null;
  return { what: { sv: what.sv, en: what.en }, hint: { sv: hint.sv, en: hint.en } };
}

function explanation(error: unknown): Bilingual {
  const known = explained(error);
  if (known !== null) return { sv: `${known.what.sv} ${known.hint.sv}`, en: `${known.what.en} ${known.hint.en}` };
  const detail = error instanceof Error ? error.message : String(error);
  return { sv: `${STARTUP_STRINGS.unexpected.sv} ${detail}`, en: `${STARTUP_STRINGS.unexpected.en} ${detail}` };
}

export interface StartupAction {
  /** Reload the page (Office, the bundle or the configuration failed), or try the last step again. */
  readonly kind: 'reload' | 'retry';
  readonly run: () => void;
}

export interface StartupFailedProps {
  readonly error: unknown;
  /** Null until the host has said the person's language: then both are shown. */
  readonly language: Language | null;
  readonly action: StartupAction | null;
}

export function StartupFailed({ error, language, action }: StartupFailedProps) {
  const text = explanation(error);
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody style={{ overflowWrap: 'anywhere' }}>
        <MessageBarTitle>
          <Text text={STARTUP_STRINGS.failed} language={language} />
        </MessageBarTitle>
        {language === null ? (
          <>
            <p lang="sv">{text.sv}</p>
            <p lang="en">{text.en}</p>
          </>
        ) : (
          text[language]
        )}
      </MessageBarBody>
      {action !== null && (
        <MessageBarActions>
          <Button onClick={action.run}>
            <Text text={action.kind === 'reload' ? STARTUP_STRINGS.reload : STARTUP_STRINGS.retry} language={language} />
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
