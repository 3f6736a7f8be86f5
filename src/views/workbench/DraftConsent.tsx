/**
 * The consent a person in Outlook has given Samråd to create reply drafts (Graph's Mail.ReadWrite), as a switch:
 * it stands in for Microsoft 365's consent prompt and for an administrator taking the consent back. The pane in the
 * Outlook frame can also give it (its "Grant permission"), so the switch reads it again whenever the workbench page
 * gets the focus back.
 */
import { Field, Switch } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { LoadFailed } from '../LoadStatus';
import { useLanguage, useStrings, type Language } from '../i18n';

export interface DraftConsentProps {
  /** Whose consent it is ("Maria Envall"). */
  readonly personName: string;
  readonly read: () => Promise<boolean>;
  readonly set: (granted: boolean) => Promise<void>;
}

const STRINGS = {
  label: { sv: 'Samtycke: utkast (Mail.ReadWrite)', en: 'Consent: drafts (Mail.ReadWrite)' },
  readFailed: { sv: 'Samtycket kunde inte läsas', en: 'The consent could not be read' },
  setFailed: { sv: 'Samtycket kunde inte ändras', en: 'The consent could not be changed' },
  close: { sv: 'Stäng', en: 'Close' },
};

export function draftConsentHint(name: string, language: Language): string {
  return language === 'sv'
    ? `Gäller ${name} i Outlook. Står för Microsoft 365:s fråga om samtycke.`
    : `For ${name} in Outlook. Stands in for Microsoft 365’s consent prompt.`;
}

type Failure = { readonly kind: 'read' | 'set'; readonly error: unknown };

export function DraftConsent({ personName, read, set }: DraftConsentProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  // null until the sandbox has said.
  const [granted, setGranted] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [reads, setReads] = useState(0);
  // The latest `read`, so a parent that makes a new function on every render does not make a read per render; the
  // parent keys this component by the person, so a new person is a new component.
  const readLatest = useRef(read);
  useEffect(() => {
    readLatest.current = read;
  });

  useEffect(() => {
    let live = true;
    readLatest.current().then(
      (value) => {
        if (!live) return;
        setGranted(value);
        setFailure((current) => (current?.kind === 'read' ? null : current));
      },
      (error: unknown) => {
        if (live) setFailure({ kind: 'read', error });
      },
    );
    return () => {
      live = false;
    };
  }, [reads]);

  useEffect(() => {
    // Focus coming back from a frame: the pane there may have asked for (and been given) the consent meanwhile.
    const again = (): void => setReads((n) => n + 1);
    window.addEventListener('focus', again);
    return () => window.removeEventListener('focus', again);
  }, []);

  const change = (next: boolean): void => {
    const before = granted;
    setGranted(next);
    setBusy(true);
    setFailure(null);
    set(next).then(
      () => setBusy(false),
      (error: unknown) => {
        // The switch must show what the sandbox holds: a change it refused is undone.
        setGranted(before);
        setBusy(false);
        setFailure({ kind: 'set', error });
      },
    );
  };

  return (
    <>
      <Field hint={draftConsentHint(personName, language)}>
        <Switch
          label={t.label}
          checked={granted === true}
          disabled={granted === null || busy}
          onChange={(_event, data) => change(data.checked)}
        />
      </Field>
      {failure !== null && (
        <LoadFailed
          error={failure.error}
          title={failure.kind === 'read' ? t.readFailed : t.setFailed}
          {...(failure.kind === 'read'
            ? { onRetry: () => setReads((n) => n + 1) }
            : { onRetry: () => setFailure(null), actionLabel: t.close })}
        />
      )}
    </>
  );
}
