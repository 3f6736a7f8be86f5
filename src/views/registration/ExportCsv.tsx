/**
 * The ledger with statuses as a CSV file that opens correctly in Swedish Excel (the core writes it: BOM, `;`,
 * headers in the pane's language, formulas neutralised). After retention only the counts per organisation remain,
 * and that is what is exported then.
 */
import { Button } from '@fluentui/react-components';
import type { Consultation } from '../../core/consultation/schema';
import { ledgerCsv, organisationsCsv, type Reconciliation } from '../../core/registration';
import { toZonedIso } from '../../core/time/zonedTime';
import { useLanguage, useStrings } from '../i18n';
import { usePorts } from '../ports';

const STRINGS = {
  exportPeople: { sv: 'Exportera anmälningslistan (CSV)', en: 'Export the registration list (CSV)' },
  exportOrganisations: { sv: 'Exportera antal per organisation (CSV)', en: 'Export counts per organisation (CSV)' },
};

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has handed the file to the browser; the URL is not needed after it.
  URL.revokeObjectURL(url);
}

export interface ExportCsvProps {
  readonly consultation: Consultation;
  readonly reconciliation: Reconciliation;
}

export function ExportCsv({ consultation: c, reconciliation }: ExportCsvProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const { clock } = usePorts();
  // The local date of the export, as in 2023-12-12.
  const stamp = toZonedIso(clock.now(), c.timeZone).slice(0, 10);
  const purged = c.registrations.purged;
  return (
    <p>
      {purged === null && (
        <Button
          onClick={() =>
            download(
              ledgerCsv(reconciliation.people, language, c.timeZone),
              `${language === 'sv' ? 'anmalningar' : 'registrations'}-${stamp}.csv`,
            )
          }
        >
          {t.exportPeople}
        </Button>
      )}{' '}
      <Button
        onClick={() =>
          download(
            organisationsCsv(purged === null ? reconciliation.byOrganisation : purged.organisations, language),
            `${language === 'sv' ? 'organisationer' : 'organisations'}-${stamp}.csv`,
          )
        }
      >
        {t.exportOrganisations}
      </Button>
    </p>
  );
}
