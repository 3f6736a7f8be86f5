/**
 * The page Teams shows when someone adds Samråd as a tab to a meeting (the manifest's configurationUrl). There is
 * nothing to choose: it says what the tab will show and where the agenda comes from, and hands the save step to the
 * host through `register` (the entry wires it to teams-js); Teams' own Save button then adds the tab. A failed save
 * is shown here as well as in Teams' dialog, so it is never only a generic Teams message.
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useStrings } from '../i18n';
import { LoadFailed } from '../LoadStatus';

const STRINGS = {
  heading: { sv: 'Lägg till Samråd i mötet', en: 'Add Samråd to the meeting' },
  intro: {
    sv: 'Fliken visar samrådet som hör till det här mötet, för alla som är inbjudna:',
    en: 'The tab shows the consultation that belongs to this meeting, to everyone who is invited:',
  },
  agenda: { sv: 'dagordningen med tidsplan', en: 'the agenda with its time plan' },
  questions: { sv: 'diskussionsfrågorna', en: 'the discussion questions' },
  input: { sv: 'deltagarnas inspel, som skickas till mötets chatt', en: "the participants' input, posted to the meeting chat" },
  publishing: {
    sv: 'Arrangören publicerar dagordningen från Samråd i Outlook, i mötesinbjudan. Tills dess säger fliken att den inte är publicerad än.',
    en: 'The organiser publishes the agenda from Samråd in Outlook, in the meeting invitation. Until then the tab says it has not been published yet.',
  },
  save: { sv: 'Välj Spara för att lägga till fliken.', en: 'Select Save to add the tab.' },
  saved: { sv: 'Fliken är tillagd.', en: 'The tab has been added.' },
  saveFailed: { sv: 'Fliken kunde inte läggas till', en: 'The tab could not be added' },
  unavailable: { sv: 'Samråd kan inte läggas till härifrån', en: 'Samråd cannot be added from here' },
};

/** What the host tells the page about the save step. */
export interface ConfigureListener {
  onSaved(): void;
  onFailed(error: unknown): void;
  /** The host cannot take the save step at all (the page is not Teams' configuration frame). */
  onUnavailable(error: unknown): void;
}

export interface ConfigurePageProps {
  /**
   * Hands the save step to the host and enables Teams' Save button; the listener hears how it went. It reports
   * through the listener rather than throwing.
   */
  readonly register: (listener: ConfigureListener) => void;
}

type Outcome =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'unavailable'; readonly error: unknown };

export function ConfigurePage({ register }: ConfigurePageProps) {
  const t = useStrings(STRINGS);
  const headingId = useId();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'waiting' });

  useEffect(() => {
    let live = true;
    register({
      onSaved: () => {
        if (live) setOutcome({ kind: 'saved' });
      },
      onFailed: (error) => {
        if (live) setOutcome({ kind: 'failed', error });
      },
      onUnavailable: (error) => {
        if (live) setOutcome({ kind: 'unavailable', error });
      },
    });
    return () => {
      live = false;
    };
  }, [register]);

  return (
    <section aria-labelledby={headingId}>
      <h1 id={headingId} style={{ fontSize: '1.25rem' }}>
        {t.heading}
      </h1>
      <p>{t.intro}</p>
      <ul>
        <li>{t.agenda}</li>
        <li>{t.questions}</li>
        <li>{t.input}</li>
      </ul>
      <p>{t.publishing}</p>
      {outcome.kind === 'unavailable' ? (
        <LoadFailed error={outcome.error} title={t.unavailable} />
      ) : outcome.kind === 'failed' ? (
        // Teams' Save button is the way to try again, so the message offers no button of its own.
        <LoadFailed error={outcome.error} title={t.saveFailed} />
      ) : outcome.kind === 'saved' ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t.saved}</MessageBarBody>
        </MessageBar>
      ) : (
        <p>{t.save}</p>
      )}
    </section>
  );
}
