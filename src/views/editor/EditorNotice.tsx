/**
 * The editor's live region: what the last action did ("Punkten Inledning togs bort"), with "Ångra" while the action
 * can still be undone, and why an action could not be made. The region is always in the page so that a screen
 * reader announces what appears in it.
 */
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { Bilingual } from '../../core/errors';
import type { SamradError } from '../../core/errors';
import { useLanguage, useStrings } from '../i18n';

const STRINGS = {
  undo: { sv: 'Ångra', en: 'Undo' },
};

const useStyles = makeStyles({
  notice: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '32px' },
});

export interface EditorNoticeProps {
  readonly notice: { readonly message: Bilingual; readonly canUndo: boolean } | null;
  readonly onUndo: () => void;
  readonly undoId: string;
  readonly error: SamradError | null;
}

export function EditorNotice({ notice, onUndo, undoId, error }: EditorNoticeProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const styles = useStyles();
  return (
    <>
      <div className={styles.notice}>
        <span role="status">{notice === null ? '' : notice.message[language]}</span>
        {notice?.canUndo === true && (
          <Button size="small" id={undoId} onClick={onUndo}>
            {t.undo}
          </Button>
        )}
      </div>
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {error.what[language]} {error.hint[language]}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
