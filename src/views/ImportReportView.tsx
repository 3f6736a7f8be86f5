/** The import's review report: what needs a human look first, then what was kept as free text and recognised. */
import { useId } from 'react';
import type { ImportReport, ReportEntry } from '../core/invitation';
import { useLanguage, useStrings } from './i18n';

const STRINGS = {
  heading: { sv: 'Granska importen', en: 'Review the import' },
  needsReview: { sv: 'Behöver granskas', en: 'Needs review' },
  keptAsText: { sv: 'Behållet som fritext', en: 'Kept as free text' },
  recognised: { sv: 'Igenkänt', en: 'Recognised' },
  line: { sv: 'rad', en: 'line' },
};

function EntryList({ title, entries }: { readonly title: string; readonly entries: readonly ReportEntry[] }) {
  const language = useLanguage();
  const t = useStrings(STRINGS);
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h5 id={id}>
        {title} ({entries.length})
      </h5>
      <ul>
        {entries.map((e, i) => (
          <li key={`${e.field}-${i}`}>
            {e.note[language]}
            {e.text === '' ? '' : `: ${e.text}`}
            {e.line === null ? '' : ` (${t.line} ${e.line})`}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ImportReportView({ report }: { readonly report: ImportReport }) {
  const t = useStrings(STRINGS);
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h4 id={id}>{t.heading}</h4>
      <EntryList title={t.needsReview} entries={report.needsReview} />
      <EntryList title={t.keptAsText} entries={report.keptAsText} />
      <EntryList title={t.recognised} entries={report.recognised} />
    </section>
  );
}
