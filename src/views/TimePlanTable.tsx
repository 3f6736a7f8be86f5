/** The time plan as a real table (caption, header cells), so screen readers read each item with its times. */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import type { TimePlan } from '../core/agenda';
import { describeTimePlanStatus } from '../core/agenda';
import { formatClock } from '../core/time/format';
import { useLanguage, useStrings } from './i18n';

const STRINGS = {
  caption: { sv: 'Tidsplan', en: 'Time plan' },
  time: { sv: 'Tid', en: 'Time' },
  item: { sv: 'Punkt', en: 'Item' },
  presenters: { sv: 'Presenteras av', en: 'Presented by' },
  length: { sv: 'Längd', en: 'Length' },
  unknownTime: { sv: 'Tid saknas', en: 'No time yet' },
  unknownLength: { sv: 'Saknas', en: 'Missing' },
  yours: { sv: 'Din punkt', en: 'Your item' },
};

export interface TimePlanTableProps {
  readonly plan: TimePlan;
  readonly presenters: ReadonlyMap<string, readonly string[]>;
  /** Items to mark as the viewer's own (a presenter's): marked in words and weight, never by colour alone. */
  readonly highlighted?: ReadonlySet<string>;
}

export function TimePlanTable({ plan, presenters, highlighted }: TimePlanTableProps) {
  const language = useLanguage();
  const t = useStrings(STRINGS);
  const clock = (instant: number): string => formatClock(instant, plan.timeZone, language);
  return (
    <>
      <Table aria-label={t.caption} size="small">
        <TableHeader>
          <TableRow>
            {/* The item column takes what the narrow pane has left; times and lengths are short. */}
            <TableHeaderCell scope="col" style={{ width: '6.5rem' }}>
              {t.time}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t.item}</TableHeaderCell>
            <TableHeaderCell scope="col" style={{ width: '4.5rem' }}>
              {t.length}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {plan.items.map((item) => {
            const who = presenters.get(item.itemId) ?? [];
            const yours = highlighted?.has(item.itemId) === true;
            return (
              <TableRow key={item.itemId} style={yours ? { backgroundColor: tokens.colorBrandBackground2 } : undefined}>
                <TableCell>
                  {item.start !== null && item.end !== null ? `${clock(item.start)}–${clock(item.end)}` : t.unknownTime}
                </TableCell>
                <TableCell style={{ overflowWrap: 'break-word', hyphens: 'auto' }}>
                  <Text weight="semibold">{item.partTitle}</Text>: {item.itemTitle}
                  {who.length > 0 ? ` (${t.presenters.toLowerCase()} ${who.join(', ')})` : ''}
                  {yours && (
                    <>
                      {' '}
                      <Text weight="semibold">– {t.yours}</Text>
                    </>
                  )}
                </TableCell>
                <TableCell>{item.durationMinutes === null ? t.unknownLength : `${item.durationMinutes} min`}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Text role="status">{describeTimePlanStatus(plan, language)}</Text>
    </>
  );
}
