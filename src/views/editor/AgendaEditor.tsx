/**
 * The organiser's agenda editor: parts and items with their presenters and durations, the time plan computed from
 * them beside the fields (below them in a narrow task pane), an overrun shown at once with the re-plan proposal,
 * and undo for removals and the re-plan. Controlled: it edits the consultation it is given and hands every change
 * to `onChange`; saving is the pane's concern.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { ReplanProposal } from '../../core/agenda';
import { applyReplan } from '../../core/agenda';
import { addPart } from '../../core/consultation/edit';
import type { Consultation } from '../../core/consultation/schema';
import type { Bilingual } from '../../core/errors';
import { useStrings } from '../i18n';
import { EditorNotice } from './EditorNotice';
import { fillBoth } from './fill';
import { PartEditor } from './PartEditor';
import { TimePlanPanel } from './TimePlanPanel';
import { EditorContext, useEditor } from './useEditor';

const STRINGS = {
  heading: { sv: 'Dagordning', en: 'Agenda' },
  noParts: { sv: 'Dagordningen har inga delar än.', en: 'The agenda has no parts yet.' },
  addPart: { sv: 'Lägg till del', en: 'Add part' },
  newPart: { sv: 'Ny del', en: 'New part' },
};

const REPLANNED: Bilingual = {
  sv: 'Tidsplanen gjordes om: {n} punkter fick nya längder.',
  en: 'The time plan was re-planned: {n} items got new durations.',
};

const APPLY_REPLAN = 'replan-apply';

const useStyles = makeStyles({
  columns: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalXL },
  // Side by side from about 600 px; in the Outlook task pane (320–450 px) the time plan wraps below the fields.
  fields: { flex: '1 1 300px', minWidth: 0 },
  plan: { flex: '1 1 260px' },
  heading: { marginBlockEnd: tokens.spacingVerticalS },
});

export interface AgendaEditorProps {
  readonly consultation: Consultation;
  readonly onChange: (next: Consultation) => void;
}

export function AgendaEditor({ consultation, onChange }: AgendaEditorProps) {
  const t = useStrings(STRINGS);
  const styles = useStyles();
  const headingId = useId();
  const editor = useEditor(consultation, onChange);
  const { api } = editor;
  const { parts } = consultation.agenda;

  const applyProposal = (proposal: ReplanProposal): void =>
    api.act((c) => ({ ok: true, consultation: { ...c, agenda: applyReplan(c.agenda, proposal) } }), {
      notice: fillBoth(REPLANNED, { n: proposal.changes.length }),
      undoable: true,
      focusOnUndo: APPLY_REPLAN,
    });

  return (
    <EditorContext.Provider value={api}>
      <section aria-labelledby={headingId}>
        <h2 id={headingId} className={styles.heading}>
          {t.heading}
        </h2>
        <EditorNotice notice={editor.notice} onUndo={editor.undo} undoId={editor.undoTargetId} error={editor.actionError} />
        <div className={styles.columns}>
          <div className={styles.fields}>
            {parts.length === 0 && <p>{t.noParts}</p>}
            {parts.map((part, i) => (
              <PartEditor key={part.id} part={part} isFirst={i === 0} isLast={i === parts.length - 1} count={parts.length} />
            ))}
            <Button
              onClick={() => api.act((c) => addPart(c, { title: t.newPart }), { focus: (id) => `${id}-title`, select: true })}
            >
              {t.addPart}
            </Button>
          </div>
          <TimePlanPanel
            className={styles.plan}
            consultation={consultation}
            onApplyReplan={applyProposal}
            applyReplanId={api.targetId(APPLY_REPLAN)}
          />
        </div>
      </section>
    </EditorContext.Provider>
  );
}
