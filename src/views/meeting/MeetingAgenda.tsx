/**
 * The agenda for a narrow panel (Teams' side panel is 320 px): one list item per agenda item with its time and
 * length under the title, instead of a table whose columns would squeeze the titles. The current item is marked
 * in words and with aria-current, never by colour alone.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { TimePlan } from '../../core/agenda';
import { describeTimePlanStatus } from '../../core/agenda';
import { formatClock } from '../../core/time/format';
import { useLanguage, useStrings } from '../i18n';

const STRINGS = {
  agenda: { sv: 'Dagordning', en: 'Agenda' },
  current: { sv: 'Pågår nu', en: 'On now' },
  unknownTime: { sv: 'tid saknas', en: 'no time yet' },
  unknownLength: { sv: 'längd saknas', en: 'no length yet' },
  by: { sv: 'Presenteras av', en: 'Presented by' },
};

const useStyles = makeStyles({
  list: { listStyleType: 'none', paddingInlineStart: 0, margin: 0, display: 'grid', rowGap: tokens.spacingVerticalS },
  item: {
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalS,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: 'transparent',
    overflowWrap: 'anywhere',
  },
  current: { borderInlineStartColor: tokens.colorBrandStroke1, backgroundColor: tokens.colorBrandBackground2 },
  meta: { display: 'block', color: tokens.colorNeutralForeground2 },
});

export interface MeetingAgendaProps {
  readonly plan: TimePlan;
  readonly presenters: readonly (readonly string[])[];
  /** Flat index of the item on now, or null. */
  readonly currentIndex: number | null;
  readonly headingLevel?: 2 | 3;
}

export function MeetingAgenda({ plan, presenters, currentIndex, headingLevel = 3 }: MeetingAgendaProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const styles = useStyles();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const clock = (instant: number): string => formatClock(instant, plan.timeZone, language);
  return (
    <section aria-label={t.agenda}>
      <Heading>{t.agenda}</Heading>
      {plan.items.length > 0 && (
        <ol className={styles.list}>
          {plan.items.map((item, index) => {
            const current = index === currentIndex;
            const who = presenters[index] ?? [];
            return (
              <li
                key={item.itemId}
                className={current ? `${styles.item} ${styles.current}` : styles.item}
                aria-current={current ? 'step' : undefined}
              >
                {current && <Text weight="semibold">{t.current}: </Text>}
                <Text weight="semibold">{item.partTitle}</Text>: {item.itemTitle}
                <Text size={200} className={styles.meta}>
                  {item.start !== null && item.end !== null ? `${clock(item.start)}–${clock(item.end)}` : t.unknownTime}
                  {' · '}
                  {item.durationMinutes === null ? t.unknownLength : `${item.durationMinutes} min`}
                  {who.length > 0 ? ` · ${t.by} ${who.join(', ')}` : ''}
                </Text>
              </li>
            );
          })}
        </ol>
      )}
      <Text size={200}>{describeTimePlanStatus(plan, language)}</Text>
    </section>
  );
}
