/**
 * A new meeting the organiser has not saved (and chose not to save yet): there is no calendar item in Graph to
 * link a consultation to, but the agenda can still go into the invitation she is writing. She reads the
 * invitation's text, builds the agenda and questions, and Samråd's section is put into the meeting's body through
 * Office (compose body, not Graph), keeping what she wrote and the Teams block. What she builds is kept on this
 * device; once the meeting is saved, opening Samråd again links it as a consultation.
 */
import { Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Tab, TabList } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Consultation } from '../../core/consultation/schema';
import type { DraftStore } from '../../core/ports';
import { replaceSamradSection } from '../../core/publishing/bodySection';
import { preparePublication } from '../../core/publishing/publication';
import type { Language } from '../../core/time/format';
import { toZonedIso } from '../../core/time/zonedTime';
import { AgendaEditor } from '../editor/AgendaEditor';
import { QuestionsEditor } from '../editor/QuestionsEditor';
import { useStrings } from '../i18n';
import { ImportPreview } from '../ImportPreview';
import { LoadFailed } from '../LoadStatus';
import { usePorts } from '../ports';
import { COMPOSE_DRAFT } from './composeDraft';

/** The body of the meeting being composed, as the Outlook host reads and writes it. */
export interface ComposeBody {
  read(): Promise<string>;
  write(html: string): Promise<void>;
}

export { COMPOSE_DRAFT };

const STRINGS = {
  intro: {
    sv: 'Mötet är inte sparat, så samrådet kan inte kopplas till det ännu. Du kan ändå bygga dagordningen och lägga in den i inbjudan du skriver. När mötet är sparat öppnar du Samråd igen för att koppla samrådet.',
    en: 'The meeting is not saved, so the consultation cannot be linked to it yet. You can still build the agenda and put it into the invitation you are writing. Once the meeting is saved, open Samråd again to link the consultation.',
  },
  sections: { sv: 'Dagordningens delar', en: 'Parts of the agenda' },
  agenda: { sv: 'Dagordning', en: 'Agenda' },
  questions: { sv: 'Frågor', en: 'Questions' },
  insert: { sv: 'Infoga dagordningen i mötet', en: 'Insert the agenda into the meeting' },
  english: { sv: 'Även på engelska (efter den svenska texten)', en: 'Also in English (after the Swedish text)' },
  inserted: { sv: 'Dagordningen finns nu i mötets text', en: 'The agenda is now in the meeting’s text' },
  insertedText: {
    sv: 'Den skickas med inbjudan när du skickar mötet. Din övriga text och Teamslänken är orörda.',
    en: 'It goes out with the invitation when you send the meeting. Your other text and the Teams link are untouched.',
  },
  insertFailed: { sv: 'Dagordningen kunde inte infogas', en: 'The agenda could not be inserted' },
  startOver: { sv: 'Börja om från en inbjudan', en: 'Start again from an invitation' },
  useInvitation: { sv: 'Bygg dagordningen från inbjudan', en: 'Build the agenda from the invitation' },
};

export interface ComposeAgendaProps {
  readonly body: ComposeBody;
  /** The meeting's time as Outlook's compose form has it (ISO 8601 with offset). */
  readonly start: string;
  readonly end: string;
}

function keptDraft(drafts: DraftStore): Consultation | null {
  const found = drafts.read(COMPOSE_DRAFT);
  return found.kind === 'draft' ? found.value.draft : null;
}

export function ComposeAgenda({ body, start, end }: ComposeAgendaProps) {
  const t = useStrings(STRINGS);
  const headingId = useId();
  const { drafts, clock } = usePorts();
  const [consultation, setConsultation] = useState<Consultation | null>(() => keptDraft(drafts));
  const [section, setSection] = useState<'agenda' | 'questions'>('agenda');
  const [english, setEnglish] = useState(false);
  const [outcome, setOutcome] = useState<'idle' | 'busy' | 'inserted' | { readonly error: unknown }>('idle');

  const change = (next: Consultation): void => {
    setConsultation(next);
    setOutcome('idle');
    drafts.write(COMPOSE_DRAFT, { baseEtag: '', base: next, draft: next });
  };

  const insert = async (current: Consultation): Promise<void> => {
    setOutcome('busy');
    try {
      const languages: readonly Language[] = english ? ['sv', 'en'] : ['sv'];
      // The meeting's time as the compose form has it now, whatever it was when the draft was begun.
      const forThisMeeting = { ...current, start, end };
      const prepared = preparePublication(forThisMeeting, { now: toZonedIso(clock.now(), current.timeZone), languages });
      await body.write(replaceSamradSection(await body.read(), prepared.sectionHtml));
      setOutcome('inserted');
    } catch (error) {
      // Shown with what to do; the agenda stays here and on the device.
      setOutcome({ error });
    }
  };

  if (consultation === null) {
    return (
      <>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.intro}</MessageBarBody>
        </MessageBar>
        <ImportPreview
          now={() => clock.now()}
          accept={{
            label: t.useInvitation,
            run: (imported) => {
              change({ ...imported, start, end });
              return Promise.resolve();
            },
          }}
        />
      </>
    );
  }
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{consultation.title}</h2>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t.intro}</MessageBarBody>
      </MessageBar>
      <TabList
        aria-label={t.sections}
        selectedValue={section}
        onTabSelect={(_e, data) => setSection(data.value === 'questions' ? 'questions' : 'agenda')}
        size="small"
      >
        <Tab value="agenda">{t.agenda}</Tab>
        <Tab value="questions">{t.questions}</Tab>
      </TabList>
      <div role="tabpanel" aria-label={t[section]}>
        {section === 'agenda' ? (
          <AgendaEditor consultation={consultation} onChange={change} />
        ) : (
          <QuestionsEditor consultation={consultation} onChange={change} />
        )}
      </div>
      <Checkbox checked={english} onChange={(_e, data) => setEnglish(data.checked === true)} label={t.english} />
      <div style={{ display: 'flex', gap: 8, marginBlock: 8 }}>
        <Button appearance="primary" disabled={outcome === 'busy'} onClick={() => void insert(consultation)}>
          {t.insert}
        </Button>
        <Button
          onClick={() => {
            drafts.clear(COMPOSE_DRAFT);
            setConsultation(null);
            setOutcome('idle');
          }}
        >
          {t.startOver}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {outcome === 'inserted' && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.inserted}</MessageBarTitle>
              {t.insertedText}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {typeof outcome === 'object' && (
        <LoadFailed error={outcome.error} onRetry={() => void insert(consultation)} title={t.insertFailed} />
      )}
    </section>
  );
}
