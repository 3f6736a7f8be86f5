/**
 * The editors as the pane uses them: controlled, with the consultation kept by their owner. Every consultation
 * handed up is recorded and checked against the document schema, so a test sees at once if garbage got through.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import { useState } from 'react';
import { expect } from 'vitest';
import type { Consultation } from '../../../src/core/consultation/schema';
import { validateConsultation } from '../../../src/core/consultation/validate';
import { importInvitation } from '../../../src/core/invitation';
import { AgendaEditor } from '../../../src/views/editor/AgendaEditor';
import { QuestionsEditor } from '../../../src/views/editor/QuestionsEditor';
import { LanguageContext, type Language } from '../../../src/views/i18n';
import { readSeedInvitation } from '../../support/seed';

/** The real case: the seed invitation imported (two parts, four items without durations, three questions). */
export function seedConsultation(): Consultation {
  return importInvitation(readSeedInvitation()).consultation;
}

function Owner({ initial, record, show }: { initial: Consultation; record: (c: Consultation) => void; show: Shown }) {
  const [consultation, setConsultation] = useState(initial);
  const onChange = (next: Consultation): void => {
    record(next);
    setConsultation(next);
  };
  return (
    <>
      {show !== 'questions' && <AgendaEditor consultation={consultation} onChange={onChange} />}
      {show !== 'agenda' && <QuestionsEditor consultation={consultation} onChange={onChange} />}
    </>
  );
}

type Shown = 'agenda' | 'questions' | 'both';

export interface Editing {
  /** Every consultation handed to onChange, in order. */
  readonly changes: readonly Consultation[];
  /** The consultation the owner holds now. */
  readonly latest: () => Consultation;
}

export function renderEditors(initial: Consultation, language: Language, show: Shown = 'both'): Editing {
  const changes: Consultation[] = [];
  const record = (c: Consultation): void => {
    const result = validateConsultation(c);
    expect(result.ok ? [] : result.problems).toEqual([]);
    changes.push(c);
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={language}>
        <Owner initial={initial} record={record} show={show} />
      </LanguageContext.Provider>
    </FluentProvider>,
  );
  return { changes, latest: () => changes.at(-1) ?? initial };
}
