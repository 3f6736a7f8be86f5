/**
 * Where the organiser's edits are: saved, waiting, saving, offline (kept on the device, retried), in conflict
 * (with what both sides changed and the two ways out), or failed (with what to do). Announced politely, so a
 * screen reader hears "Sparat" without losing its place.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useLanguage, useStrings } from '../i18n';
import { LoadFailed } from '../LoadStatus';
import type { Autosave, AutosaveState } from './autosave';

const STRINGS = {
  saved: { sv: 'Alla ändringar är sparade', en: 'All changes saved' },
  savedMerged: {
    sv: 'Sparat – ändringar som någon annan gjort samtidigt är sammanfogade',
    en: 'Saved – changes someone else made at the same time were merged',
  },
  pending: { sv: 'Osparade ändringar – sparas strax', en: 'Unsaved changes – saving shortly' },
  saving: { sv: 'Sparar …', en: 'Saving …' },
  offline: { sv: 'Inte sparat ännu: Microsoft 365 nås inte.', en: 'Not saved yet: Microsoft 365 cannot be reached.' },
  offlineKept: {
    sv: 'Ändringarna finns kvar på den här enheten och sparas så snart det går. Nytt försök om',
    en: 'Your changes are kept on this device and saved as soon as possible. Trying again in',
  },
  seconds: { sv: 's', en: 's' },
  notKept: {
    sv: 'Enheten kan inte spara ett utkast – stäng inte fönstret förrän ändringarna är sparade.',
    en: 'This device cannot keep a draft – do not close the window until your changes are saved.',
  },
  saveNow: { sv: 'Spara nu', en: 'Save now' },
  conflictTitle: { sv: 'Någon annan har ändrat samma sak', en: 'Someone else changed the same thing' },
  conflictText: {
    sv: 'Samrådet ändrades på annat håll medan du redigerade. Båda har ändrat:',
    en: 'The consultation was changed elsewhere while you were editing. Both changed:',
  },
  keepMine: { sv: 'Behåll mina ändringar', en: 'Keep my changes' },
  takeTheirs: { sv: 'Använd den andra versionen', en: 'Use the other version' },
  failedTitle: { sv: 'Ändringarna kunde inte sparas', en: 'Your changes could not be saved' },
  restored: {
    sv: 'Osparade ändringar från förra gången är återställda.',
    en: 'Unsaved changes from last time have been restored.',
  },
  merged: {
    sv: 'Osparade ändringar från förra gången är återställda och sammanfogade med det som sparats sedan dess.',
    en: 'Unsaved changes from last time were restored and merged with what has been saved since.',
  },
  unreadable: {
    sv: 'Ett utkast på den här enheten gick inte att läsa och har lämnats orört; den sparade versionen visas.',
    en: 'A draft on this device could not be read and was left untouched; the saved version is shown.',
  },
};

function statusText(state: AutosaveState, t: Record<keyof typeof STRINGS, string>): string {
  switch (state.status.kind) {
    case 'saved':
      return state.status.merged ? t.savedMerged : t.saved;
    case 'pending':
      return t.pending;
    case 'saving':
      return t.saving;
    case 'offline':
      return t.offline;
    case 'conflict':
      return t.conflictTitle;
    case 'failed':
      return t.failedTitle;
  }
}

export function SaveStatusLine({ autosave }: { readonly autosave: Autosave }) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const { state } = autosave;
  const { status } = state;
  const act = (action: () => Promise<unknown>): void => {
    // Autosave turns every failure into a state shown here; the promise carries nothing more to handle.
    void action();
  };
  return (
    <div>
      <Text role="status" aria-live="polite" size={200}>
        {statusText(state, t)}
      </Text>
      {state.restored !== 'nothing' && (
        <MessageBar intent={state.restored === 'unreadable' ? 'warning' : 'info'}>
          <MessageBarBody>{t[state.restored === 'restored' ? 'restored' : state.restored]}</MessageBarBody>
        </MessageBar>
      )}
      {!state.keptOnDevice && status.kind !== 'saved' && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.notKept}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === 'offline' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.offline}</MessageBarTitle>
            {status.error.what[language]} {t.offlineKept} {Math.round(status.retryInMs / 1000)} {t.seconds}.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => act(() => autosave.saveNow())}>{t.saveNow}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {status.kind === 'conflict' && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.conflictTitle}</MessageBarTitle>
            {t.conflictText}
            <ul>
              {status.conflicts.map((path) => (
                <li key={path}>
                  <code>{path}</code>
                </li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => act(() => autosave.keepMine())}>{t.keepMine}</Button>
            <Button onClick={() => autosave.takeTheirs()}>{t.takeTheirs}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {status.kind === 'failed' && (
        <LoadFailed
          error={status.error}
          onRetry={() => act(() => autosave.saveNow())}
          title={t.failedTitle}
          actionLabel={t.saveNow}
        />
      )}
    </div>
  );
}
