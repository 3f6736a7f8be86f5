/** The look of one editable row (an agenda item, a question): a bordered fieldset whose legend names it. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useRowStyles = makeStyles({
  row: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', paddingInline: tokens.spacingHorizontalXS },
});
