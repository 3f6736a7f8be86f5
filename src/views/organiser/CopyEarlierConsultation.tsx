/**
 * "Or copy the structure of an earlier consultation": the consultations in the organiser's app folder (newest
 * first, the 20 latest), one chosen, and its agenda, questions and rules copied for this meeting (core
 * copyStructure). Nothing of the earlier meeting's time, history or publications comes along.
 */
import { Button, Field, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { copyStructure } from '../../core/consultation/copy';
import type { Consultation } from '../../core/consultation/schema';
import type { MeetingEvent, StoredConsultation } from '../../core/ports';
import { formatDate } from '../../core/time/format';
import { parseZonedIso } from '../../core/time/zonedTime';
import { useLanguage, useStrings } from '../i18n';
import { LoadFailed, Loading } from '../LoadStatus';
import { usePorts } from '../ports';
import { useLoad } from '../useLoad';

const STRINGS = {
  heading: { sv: 'Eller kopiera ett tidigare samråd', en: 'Or copy an earlier consultation' },
  intro: {
    sv: 'Dagordningen, frågorna, anmälningsreglerna och den praktiska informationen kopieras; tiden tas från kalenderobjektet.',
    en: 'The agenda, questions, registration rules and practical information are copied; the time comes from the calendar item.',
  },
  loading: { sv: 'Hämtar tidigare samråd …', en: 'Loading earlier consultations …' },
  none: { sv: 'Det finns inga tidigare samråd i din appmapp.', en: 'There are no earlier consultations in your app folder.' },
  choose: { sv: 'Tidigare samråd', en: 'Earlier consultation' },
  copy: { sv: 'Kopiera strukturen', en: 'Copy the structure' },
  failed: { sv: 'Samrådet kunde inte kopieras', en: 'The consultation could not be copied' },
};

/** How many of the newest documents are offered: enough for a year of consultations, few enough to read at once. */
const OFFERED = 20;

export interface CopyEarlierConsultationProps {
  readonly event: MeetingEvent;
  readonly onCopy: (consultation: Consultation) => Promise<void>;
}

export function CopyEarlierConsultation({ event, onCopy }: CopyEarlierConsultationProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const headingId = useId();
  const { documents } = usePorts();
  const { state, retry } = useLoad<readonly StoredConsultation[]>(async () => {
    const listed = (await documents.list()).slice(0, OFFERED);
    // One unreadable document (from a newer Samråd, or damaged) must not hide the others.
    const loaded = await Promise.allSettled(listed.map((d) => documents.load(d.name)));
    return loaded.flatMap((r) => (r.status === 'fulfilled' && r.value !== null ? [r.value] : []));
  }, 'earlier');
  const [chosen, setChosen] = useState<string | null>(null);
  const [copying, setCopying] = useState<'idle' | 'busy' | { readonly error: unknown }>('idle');

  const copy = async (earlier: StoredConsultation): Promise<void> => {
    setCopying('busy');
    try {
      await onCopy(copyStructure(earlier.consultation, { start: event.start, end: event.end, title: event.subject }));
      setCopying('idle');
    } catch (error) {
      // Shown below with what to do; nothing was linked, so trying again is safe.
      setCopying({ error });
    }
  };

  let body;
  if (state.status === 'loading') body = <Loading label={t.loading} />;
  else if (state.status === 'failed') body = <LoadFailed error={state.error} onRetry={retry} />;
  else if (state.value.length === 0) body = <p>{t.none}</p>;
  else {
    const offered = state.value;
    const selected = offered.find((d) => d.name === chosen) ?? offered[0];
    body = (
      <>
        <Field label={t.choose}>
          <Select value={selected?.name} onChange={(_e, data) => setChosen(data.value)}>
            {offered.map((d) => (
              <option key={d.name} value={d.name}>
                {`${d.consultation.title} – ${formatDate(parseZonedIso(d.consultation.start), d.consultation.timeZone, language)}`}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabled={copying === 'busy' || selected === undefined} onClick={() => selected && void copy(selected)}>
          {t.copy}
        </Button>
        {typeof copying === 'object' && (
          <LoadFailed error={copying.error} onRetry={() => selected && void copy(selected)} title={t.failed} />
        )}
      </>
    );
  }
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.heading}</h2>
      <MessageBar intent="info">
        <MessageBarBody>{t.intro}</MessageBarBody>
      </MessageBar>
      {body}
    </section>
  );
}
