import { makeStyles, tokens } from '@fluentui/react-components';
import type { RowStatus } from '../../core/check/report';
import { STATUS } from '../../core/status/vocabulary';
import { useStatusLabel } from '../i18n';

const useStyles = makeStyles({
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
    paddingBlock: '1px',
    paddingInline: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/** A status name painted with the same fill and font colour as the cells, so the pane and the sheet read alike. */
export function StatusChip({ status }: { readonly status: RowStatus }) {
  const styles = useStyles();
  const label = useStatusLabel();
  const c = STATUS[status];
  return (
    <span className={styles.chip} style={{ backgroundColor: `#${c.fill}`, color: `#${c.font}` }} data-status={status}>
      {label(status)}
    </span>
  );
}
