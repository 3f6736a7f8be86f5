/**
 * Asked once, when the organiser opens Samråd on a new appointment that is not saved yet: Samråd can link the
 * consultation only to a saved meeting, and saving a new appointment sends no invitation (ADR 0004). While open it
 * answers on Save, Cancel, Escape or closing the dialog. It is controlled: the parent closes it
 * by setting `open` to false, so Fluent can restore the page behind it (unmounting an open modal dialog would leave
 * the page hidden from screen readers).
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useStrings } from '../i18n';

const STRINGS = {
  title: { sv: 'Spara mötet först', en: 'Save the meeting first' },
  explanation: {
    sv: 'Mötet är inte sparat än. Samråd behöver spara det i din kalender för att kunna koppla samrådet till det. Inga inbjudningar skickas förrän du själv skickar mötet.',
    en: 'The meeting is not saved yet. Samråd needs to save it to your calendar to link the consultation to it. No invitations are sent until you send the meeting yourself.',
  },
  save: { sv: 'Spara mötet', en: 'Save the meeting' },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
};

export interface ConfirmSaveDialogProps {
  readonly open: boolean;
  /** True: save the meeting. False: do not (Cancel, Escape, closed). Called once each time the dialog is open. */
  readonly onAnswer: (save: boolean) => void;
}

export function ConfirmSaveDialog({ open, onAnswer }: ConfirmSaveDialogProps) {
  const t = useStrings(STRINGS);
  // Only a person's action answers: Fluent reports no change when the parent itself closes the dialog.
  const answer = (save: boolean): void => {
    if (open) onAnswer(save);
  };
  return (
    <Dialog
      open={open}
      modalType="modal"
      onOpenChange={(_event, data) => {
        if (!data.open) answer(false);
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.title}</DialogTitle>
          <DialogContent>{t.explanation}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => answer(true)}>
              {t.save}
            </Button>
            <Button onClick={() => answer(false)}>{t.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
