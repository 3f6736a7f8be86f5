/**
 * Registrations per organisation: one row per organisation with the same counts as the pane's header line
 * (glanceCounts), and a total row that adds up to it. Fed by the reconciliation's byOrganisation, or after the
 * retention date by the counts kept when the personal data was deleted — the same shape, so the same table.
 *
 * A real table with a caption, column headers and the organisation as the row header, so a screen reader reads
 * "Rädda Barnen, Inbjudna, 4". Organisation names come from mails: shown as text only.
 */
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { OrganisationTotals, StatusTotals } from '../../core/registration';
import { useId } from 'react';
import { useLanguage, useStrings } from '../i18n';
import { COUNT_HEADINGS, formatCount, glanceCounts, type GlanceCounts } from './statusWords';

const STRINGS = {
  caption: { sv: 'Anmälningar per organisation', en: 'Registrations per organisation' },
  organisation: { sv: 'Organisation', en: 'Organisation' },
  withoutOrganisation: { sv: 'Utan organisation', en: 'No organisation' },
  total: { sv: 'Totalt', en: 'Total' },
  none: { sv: 'Inga anmälningar ännu.', en: 'No registrations yet.' },
};

/** The columns, in the order of the header line. */
const COUNT_COLUMNS = [
  'registered',
  'cancelled',
  'invited',
  'accepted',
  'tentative',
  'declined',
  'waitlisted',
] as const satisfies readonly (keyof GlanceCounts)[];

const useStyles = makeStyles({
  // The pane is narrow: the table scrolls sideways inside a focusable region instead of crushing its columns.
  scroller: {
    overflowX: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  table: { minWidth: '40rem' },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBlock: tokens.spacingVerticalXS },
  organisation: { width: '30%', overflowWrap: 'anywhere' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  missing: { fontStyle: 'italic' },
  total: { fontWeight: tokens.fontWeightSemibold },
});

function sumTotals(organisations: readonly OrganisationTotals[]): StatusTotals {
  const sum = { received: 0, invited: 0, accepted: 0, tentative: 0, declined: 0, cancelled: 0, waitlisted: 0 };
  for (const { totals } of organisations) {
    for (const status of Object.keys(sum) as (keyof typeof sum)[]) sum[status] += totals[status];
  }
  return sum;
}

export interface OrganisationSummaryProps {
  /** Per organisation, in the order to show (the reconciliation's: Swedish alphabetical, the group without last). */
  readonly organisations: readonly OrganisationTotals[];
}

export function OrganisationSummary({ organisations }: OrganisationSummaryProps) {
  const language = useLanguage();
  const t = useStrings(STRINGS);
  const headings = useStrings(COUNT_HEADINGS);
  const styles = useStyles();
  const captionId = useId();
  if (organisations.length === 0) return <p>{t.none}</p>;
  const total = glanceCounts(sumTotals(organisations));
  return (
    // Focusable so that a keyboard can scroll it sideways (WCAG 2.1.1); the linter cannot know it scrolls.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className={styles.scroller} role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table size="small" className={styles.table}>
        <caption id={captionId} className={styles.caption}>
          {t.caption}
        </caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col" className={styles.organisation}>
              {t.organisation}
            </TableHeaderCell>
            {COUNT_COLUMNS.map((column) => (
              <TableHeaderCell key={column} scope="col">
                {headings[column]}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {organisations.map(({ organisation, totals }, index) => {
            const counts = glanceCounts(totals);
            return (
              <TableRow key={`${index}:${organisation ?? ''}`}>
                {/* A row header: every count in the row is read with its organisation. */}
                <TableHeaderCell scope="row" className={organisation === null ? styles.missing : undefined}>
                  {organisation ?? t.withoutOrganisation}
                </TableHeaderCell>
                {COUNT_COLUMNS.map((column) => (
                  <TableCell key={column} className={styles.number}>
                    {formatCount(counts[column], language)}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
        <tfoot>
          <TableRow className={styles.total}>
            <TableHeaderCell scope="row">{t.total}</TableHeaderCell>
            {COUNT_COLUMNS.map((column) => (
              <TableCell key={column} className={styles.number}>
                {formatCount(total[column], language)}
              </TableCell>
            ))}
          </TableRow>
        </tfoot>
      </Table>
    </div>
  );
}
