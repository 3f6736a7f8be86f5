/**
 * The agenda as published in a person's own invitation (parsed back from Samråd's section), with its time plan and
 * questions: what the Teams panel and Outlook's attendee mode show. Items presented by the viewer's organisation
 * are marked as theirs.
 */
import { useMemo } from 'react';
import type { MeetingEvent } from '../core/ports';
import { agendaOfParsed, type ParsedAgenda } from '../core/publishing/agendaSection';
import { normalizeText } from '../core/publishing/htmlText';
import { useStrings } from './i18n';
import { planOfAgenda } from './meeting/planOfAgenda';
import { TimePlanTable } from './TimePlanTable';

const STRINGS = {
  agenda: { sv: 'Dagordning', en: 'Agenda' },
  questions: { sv: 'Diskussionsfrågor', en: 'Discussion questions' },
};

/** Organisation names compared as a reader would: case and spacing do not matter. */
export const sameOrganisation = (a: string, b: string): boolean =>
  normalizeText(a).toLowerCase() === normalizeText(b).toLowerCase();

export interface PublishedAgendaViewProps {
  readonly parsed: ParsedAgenda;
  readonly event: MeetingEvent;
  /** The viewer's organisation, when known: its items are marked. */
  readonly organisation?: string | null;
  /** The heading level the view's own headings take, under the page's. */
  readonly headingLevel?: 2 | 3;
}

export function PublishedAgendaView({ parsed, event, organisation = null, headingLevel = 3 }: PublishedAgendaViewProps) {
  const t = useStrings(STRINGS);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { plan, presenters, highlighted } = useMemo(() => {
    const items = agendaOfParsed(parsed).parts.flatMap((p) => p.items);
    return {
      plan: planOfAgenda(parsed, event.start, event.end),
      presenters: new Map(items.map((i) => [i.id, i.presenters] as const)),
      highlighted: new Set(
        organisation === null
          ? []
          : items.filter((i) => i.presenters.some((p) => sameOrganisation(p, organisation))).map((i) => i.id),
      ),
    };
  }, [parsed, event.start, event.end, organisation]);
  return (
    <>
      <Heading>{t.agenda}</Heading>
      <TimePlanTable plan={plan} presenters={presenters} highlighted={highlighted} />
      {parsed.questions.length > 0 && (
        <>
          <Heading>{t.questions}</Heading>
          <ol>
            {parsed.questions.map((q, i) => (
              <li key={i}>{q.text}</li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
